/**
 * What the Monte Carlo layer keeps of one replication: the parts of a ReplicationResult that summaries need
 * (project records, trace and the per-run meta are left out). In-process it holds the model's own objects and
 * arrays; from a worker thread it is rebuilt from a packed batch (packed-batch.ts), with series and samples as
 * Float64Arrays and cost rows keyed against the batch's table. Plain data either way, with the same values.
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
  /**
   * Cost rows, as objects (in-process) or keyed against a key table shared by the records of one batch (from
   * another thread, packed-batch.ts).
   */
  costRows: CostRow[] | KeyedCostRows;
  /** Kernel events processed (for benchmarks). */
  events: number;
}

/**
 * The distinct cost rows of one batch, in first-seen order (identity as in cost-row-index.ts), with the
 * descriptive columns (and amounts) of each identity's first row in the batch. Every record of a batch refers
 * to the same table, so it crosses the thread boundary once per batch and the receiving side resolves each
 * entry once per batch, not once per row; it reads rows one field at a time and builds a whole row only for an
 * identity it has not seen before (packed-rows.ts).
 */
export interface CostKeyTable {
  /** Number of distinct rows. */
  readonly length: number;
  /** Row `i` as an object (a new object at every call). */
  row(i: number): CostRow;
  /** Column `key` of row `i`, without building the row. */
  value<K extends keyof CostRow>(i: number, key: K): CostRow[K];
}

/** The amount columns of a keyed cost row, in packed order. */
export const COST_AMOUNT_FIELDS = ["billedCost", "effectiveCost", "listCost", "consumedQuantity"] as const;

/**
 * Cost rows of one replication against a batch's {@link CostKeyTable}: row r has the key table.row(slots[r])
 * and amounts[4r + k] for COST_AMOUNT_FIELDS[k]; rows keep their original order.
 */
export interface KeyedCostRows {
  table: CostKeyTable;
  slots: Int32Array;
  amounts: Float64Array;
}

/** Keeps the aggregatable fields of `result`, as they are (nothing is copied). */
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
