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
  series: Record<string, number[]>;
  samples: Record<string, number[]>;
  costRows: CostRow[];
  /** Kernel events processed (for benchmarks). */
  events: number;
}

/** Keeps the aggregatable fields of `result`, sharing (not copying) its arrays. */
export function toRecord(result: ReplicationResult): ReplicationRecord {
  return {
    replication: result.replication,
    seed: result.seed,
    kpis: result.kpis,
    series: result.series,
    samples: result.samples,
    costRows: result.costRows,
    events: result.events,
  };
}
