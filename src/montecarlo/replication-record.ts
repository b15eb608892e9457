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
  /** Cost rows, as objects (in-process) or packed into typed arrays (from a worker thread). */
  costRows: CostRow[] | PackedCostRows;
  /** Kernel events processed (for benchmarks). */
  events: number;
}

/** The string columns of a cost row, in packed order. */
export const COST_STRING_FIELDS = [
  "serviceCategory",
  "serviceName",
  "resourceId",
  "subAccountId",
  "consumedUnit",
  "pricingCategory",
  "xCostCategory",
] as const;

/** The numeric columns of a cost row, in packed order. */
export const COST_NUMBER_FIELDS = [
  "month",
  "billedCost",
  "effectiveCost",
  "listCost",
  "consumedQuantity",
] as const;

/**
 * Cost rows as columns: row r has strings[codes[7r + k]] for COST_STRING_FIELDS[k] and numbers[5r + k] for
 * COST_NUMBER_FIELDS[k]. A level-3 replication has over a thousand rows; as objects they cost several
 * milliseconds to clone between threads, as two typed arrays and a short string table almost nothing.
 */
export interface PackedCostRows {
  strings: string[];
  codes: Int32Array;
  numbers: Float64Array;
}

/** Packs cost rows into columns (see {@link PackedCostRows}). */
export function packCostRows(rows: readonly CostRow[]): PackedCostRows {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(rows.length * COST_STRING_FIELDS.length);
  const numbers = new Float64Array(rows.length * COST_NUMBER_FIELDS.length);
  rows.forEach((row, r) => {
    COST_STRING_FIELDS.forEach((field, k) => {
      const value = row[field];
      let code = index.get(value);
      if (code === undefined) {
        code = strings.push(value) - 1;
        index.set(value, code);
      }
      codes[r * COST_STRING_FIELDS.length + k] = code;
    });
    COST_NUMBER_FIELDS.forEach((field, k) => {
      numbers[r * COST_NUMBER_FIELDS.length + k] = row[field];
    });
  });
  return { strings, codes, numbers };
}

/** The rows of `packed` as objects, in their original order. */
export function unpackCostRows(packed: PackedCostRows): CostRow[] {
  const rows: CostRow[] = [];
  const count = packed.numbers.length / COST_NUMBER_FIELDS.length;
  for (let r = 0; r < count; r++) {
    const text = (k: number) => packed.strings[packed.codes[r * COST_STRING_FIELDS.length + k]!]!;
    const number = (k: number) => packed.numbers[r * COST_NUMBER_FIELDS.length + k]!;
    rows.push({
      month: number(0),
      billedCost: number(1),
      effectiveCost: number(2),
      listCost: number(3),
      serviceCategory: text(0),
      serviceName: text(1),
      resourceId: text(2),
      subAccountId: text(3),
      consumedQuantity: number(4),
      consumedUnit: text(4),
      pricingCategory: text(5) as CostRow["pricingCategory"],
      xCostCategory: text(6),
    });
  }
  return rows;
}

/**
 * Keeps the aggregatable fields of `result`. With `packed`, series and samples are copied into Float64Arrays
 * and cost rows into columns, which cross a thread boundary as memory copies instead of object by object (a
 * level-3 replication pools several thousand sample values); the values are the same either way.
 */
export function toRecord(result: ReplicationResult, packed = false): ReplicationRecord {
  return {
    replication: result.replication,
    seed: result.seed,
    kpis: result.kpis,
    series: packed ? pack(result.series) : result.series,
    samples: packed ? pack(result.samples) : result.samples,
    costRows: packed ? packCostRows(result.costRows) : result.costRows,
    events: result.events,
  };
}

function pack(arrays: Record<string, number[]>): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name in arrays) out[name] = Float64Array.from(arrays[name]!);
  return out;
}
