/**
 * What a worker sends back for one replication: the parts of a ReplicationResult that summaries need
 * (project records, trace and the per-run meta are left out to keep transfer small). Plain data, so it is
 * structured-cloneable between worker threads.
 */
import type { ReplicationResult } from "../model/result.ts";
import { CostRowIndex } from "./cost-row-index.ts";
import type { CostRow } from "./types.ts";

/** The aggregatable part of one replication's result. */
export interface ReplicationRecord {
  replication: number;
  seed: number;
  kpis: Record<string, number>;
  series: Record<string, ArrayLike<number>>;
  samples: Record<string, ArrayLike<number>>;
  /**
   * Cost rows, as objects (in-process) or keyed against a key table shared by the records of one batch (from a
   * worker thread).
   */
  costRows: CostRow[] | KeyedCostRows;
  /** Kernel events processed (for benchmarks). */
  events: number;
}

/**
 * The distinct cost rows of one batch, in first-seen order (identity as in cost-row-index.ts), with the
 * descriptive columns (and amounts) of each identity's first row in the batch. Every record of a batch refers
 * to the same table, so it crosses the thread boundary once per batch and the receiving side resolves each
 * entry once per batch, not once per row.
 */
export interface CostKeyTable {
  rows: CostRow[];
}

/** The amount columns of a keyed cost row, in packed order. */
export const COST_AMOUNT_FIELDS = ["billedCost", "effectiveCost", "listCost", "consumedQuantity"] as const;

/**
 * Cost rows of one replication against a batch's {@link CostKeyTable}: row r has key table.keys[slots[r]]
 * and amounts[4r + k] for COST_AMOUNT_FIELDS[k]; rows keep their original order.
 */
export interface KeyedCostRows {
  table: CostKeyTable;
  slots: Int32Array;
  amounts: Float64Array;
}

/** An empty key table for one batch. */
export function newCostKeyTable(): CostKeyTable {
  return { rows: [] };
}

/** A batch's key table with the index of its rows, as {@link keyCostRows} and {@link toRecord} take it. */
export interface CostKeys {
  table: CostKeyTable;
  index: CostRowIndex;
}

/** An empty key table and index for one batch. */
export function newCostKeys(): CostKeys {
  return { table: newCostKeyTable(), index: new CostRowIndex() };
}

/**
 * Keys `rows` against `table` (adding rows whose identity is not yet in it), given the `index` of the table's
 * rows.
 */
export function keyCostRows(
  rows: readonly CostRow[],
  table: CostKeyTable,
  index: CostRowIndex,
): KeyedCostRows {
  const slots = new Int32Array(rows.length);
  const amounts = new Float64Array(rows.length * COST_AMOUNT_FIELDS.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let slot = index.get(row);
    if (slot < 0) {
      slot = table.rows.push({ ...row }) - 1;
      index.set(row, slot);
    }
    slots[r] = slot;
    const at = r * COST_AMOUNT_FIELDS.length;
    amounts[at] = row.billedCost;
    amounts[at + 1] = row.effectiveCost;
    amounts[at + 2] = row.listCost;
    amounts[at + 3] = row.consumedQuantity;
  }
  return { table, slots, amounts };
}

/**
 * Keeps the aggregatable fields of `result`, as they are for an in-process run. With `costKeys` (a batch's key
 * table and its lookup), the record is made to cross a thread boundary: series and samples are copied into
 * Float64Arrays, which cross as memory copies instead of number by number (a level-3 replication pools several
 * thousand sample values), and cost rows are keyed against the table (see {@link KeyedCostRows}); the values are
 * the same either way.
 */
export function toRecord(result: ReplicationResult, costKeys?: CostKeys): ReplicationRecord {
  const record = {
    replication: result.replication,
    seed: result.seed,
    kpis: result.kpis,
    events: result.events,
  };
  if (costKeys === undefined)
    return { ...record, series: result.series, samples: result.samples, costRows: result.costRows };
  return {
    ...record,
    series: pack(result.series),
    samples: pack(result.samples),
    costRows: keyCostRows(result.costRows, costKeys.table, costKeys.index),
  };
}

/** The ArrayBuffers behind the typed arrays of `records`, each once (to transfer rather than copy them). */
export function recordBuffers(records: Iterable<ReplicationRecord>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const take = (array: ArrayLike<number>): void => {
    if (ArrayBuffer.isView(array) && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  for (const record of records) {
    for (const name in record.series) take(record.series[name]!);
    for (const name in record.samples) take(record.samples[name]!);
    const costs = record.costRows;
    if ("slots" in costs) {
      take(costs.slots);
      take(costs.amounts);
    }
  }
  return [...buffers];
}

function pack(arrays: Record<string, number[]>): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name in arrays) out[name] = Float64Array.from(arrays[name]!);
  return out;
}
