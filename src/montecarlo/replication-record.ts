/**
 * What a worker sends back for one replication: the parts of a ReplicationResult that summaries need
 * (project records, trace and the per-run meta are left out to keep transfer small). Plain data, so it is
 * structured-cloneable between worker threads.
 */
import type { ReplicationResult } from "../model/result.ts";
import type { CostRow } from "./types.ts";

/** The aggregatable part of one replication's result. */
export interface ReplicationRecord {
  replication: number;
  seed: number;
  kpis: Record<string, number>;
  series: Record<string, ArrayLike<number>>;
  samples: Record<string, ArrayLike<number>>;
  costRows: CostRow[];
  /** Kernel events processed (for benchmarks). */
  events: number;
}

/**
 * Keeps the aggregatable fields of `result`. With `packed`, series and samples are copied into Float64Arrays,
 * which cross a thread boundary as one memory copy instead of element by element (a level-3 replication
 * pools several thousand sample values); the values are the same doubles either way.
 */
export function toRecord(result: ReplicationResult, packed = false): ReplicationRecord {
  return {
    replication: result.replication,
    seed: result.seed,
    kpis: result.kpis,
    series: packed ? pack(result.series) : result.series,
    samples: packed ? pack(result.samples) : result.samples,
    costRows: result.costRows,
    events: result.events,
  };
}

function pack(arrays: Record<string, number[]>): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name in arrays) out[name] = Float64Array.from(arrays[name]!);
  return out;
}
