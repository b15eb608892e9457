/**
 * Mean FinOps FOCUS cost rows across replications. Rows are keyed by (month, serviceName, resourceId,
 * subAccountId, xCostCategory) (cost-row-index.ts); amounts and consumed quantity are summed and divided by the number of
 * replications, so a row missing from a replication counts as zero cost there (the mean of the total is then
 * the sum of the mean rows). Descriptive columns are taken from the first replication that had the row.
 *
 * Sums live in one Float64Array (four amounts per key) and are added row by row in the order the rows
 * arrive, whatever form they come in, so the means are bit-identical for objects and keyed rows.
 * Keyed rows (replication-record.ts) resolve each key of a batch's key table once per batch.
 */
import { type CostRowIdentity, CostRowIndex } from "./cost-row-index.ts";
import { COST_AMOUNT_FIELDS, type CostKeyTable, type KeyedCostRows } from "./replication-record.ts";
import type { CostRow } from "./types.ts";

const AMOUNTS = COST_AMOUNT_FIELDS.length;

/** Accumulates the cost rows of every replication. */
export class CostAccumulator {
  readonly #index = new CostRowIndex();
  /** Descriptive columns of each key, from its first row. */
  readonly #rows: CostRow[] = [];
  #sums = new Float64Array(AMOUNTS * 256);
  /** Accumulator slot of each key of a batch's key table (-1 = not resolved yet). */
  readonly #tableSlots = new WeakMap<CostKeyTable, Int32Array>();
  /** The identity of a key table's row, read into this one object to look it up (a known key builds no row). */
  readonly #probe: CostRowIdentity = {
    month: 0,
    serviceName: "",
    resourceId: "",
    subAccountId: "",
    xCostCategory: "",
  };
  #replications = 0;

  /** Number of replications added. */
  get replications(): number {
    return this.#replications;
  }

  /** Number of distinct row keys seen (memory grows with this, not with replications). */
  get size(): number {
    return this.#rows.length;
  }

  /** Adds every row of one replication (objects, or keyed by a worker). */
  add(input: readonly CostRow[] | KeyedCostRows): void {
    this.#replications++;
    if ("slots" in input) {
      this.#addKeyed(input);
      return;
    }
    for (const row of input) {
      const slot = this.#index.get(row);
      if (slot < 0) {
        this.#create({ ...row }, row.billedCost, row.effectiveCost, row.listCost, row.consumedQuantity);
        continue;
      }
      const sums = this.#sums;
      const at = slot * AMOUNTS;
      sums[at] = sums[at]! + row.billedCost;
      sums[at + 1] = sums[at + 1]! + row.effectiveCost;
      sums[at + 2] = sums[at + 2]! + row.listCost;
      sums[at + 3] = sums[at + 3]! + row.consumedQuantity;
    }
  }

  #addKeyed(input: KeyedCostRows): void {
    const { table, slots, amounts } = input;
    let map = this.#tableSlots.get(table);
    if (map === undefined) {
      map = new Int32Array(table.length).fill(-1);
      this.#tableSlots.set(table, map);
    }
    for (let r = 0; r < slots.length; r++) {
      const local = slots[r]!;
      const from = r * AMOUNTS;
      let slot = map[local]!;
      if (slot < 0) {
        const known = this.#index.get(this.#identity(table, local));
        if (known < 0) {
          map[local] = this.#create(
            table.row(local),
            amounts[from]!,
            amounts[from + 1]!,
            amounts[from + 2]!,
            amounts[from + 3]!,
          );
          continue;
        }
        slot = known;
        map[local] = known;
      }
      const sums = this.#sums;
      const at = slot * AMOUNTS;
      sums[at] = sums[at]! + amounts[from]!;
      sums[at + 1] = sums[at + 1]! + amounts[from + 1]!;
      sums[at + 2] = sums[at + 2]! + amounts[from + 2]!;
      sums[at + 3] = sums[at + 3]! + amounts[from + 3]!;
    }
  }

  /** The identity of `table`'s row `i`, in the probe object. */
  #identity(table: CostKeyTable, i: number): CostRowIdentity {
    const probe = this.#probe;
    probe.month = table.value(i, "month");
    probe.serviceName = table.value(i, "serviceName");
    probe.resourceId = table.value(i, "resourceId");
    probe.subAccountId = table.value(i, "subAccountId");
    probe.xCostCategory = table.value(i, "xCostCategory");
    return probe;
  }

  /** A new key whose sums start at the first row's amounts (assigned, not added: -0 stays -0). */
  #create(row: CostRow, billed: number, effective: number, list: number, quantity: number): number {
    const slot = this.#rows.length;
    this.#index.set(row, slot);
    this.#rows.push(row);
    if ((slot + 1) * AMOUNTS > this.#sums.length) {
      const grown = new Float64Array(this.#sums.length * 2);
      grown.set(this.#sums);
      this.#sums = grown;
    }
    const at = slot * AMOUNTS;
    this.#sums[at] = billed;
    this.#sums[at + 1] = effective;
    this.#sums[at + 2] = list;
    this.#sums[at + 3] = quantity;
    return slot;
  }

  /** Mean rows, sorted by month, then service, resource, sub-account and cost category (code-unit order). */
  meanRows(): CostRow[] {
    const n = this.#replications;
    if (n === 0) return [];
    const sums = this.#sums;
    const rows = this.#rows.map((row, slot) => ({
      ...row,
      billedCost: sums[slot * AMOUNTS]! / n,
      effectiveCost: sums[slot * AMOUNTS + 1]! / n,
      listCost: sums[slot * AMOUNTS + 2]! / n,
      consumedQuantity: sums[slot * AMOUNTS + 3]! / n,
    }));
    return rows.sort(
      (a, b) =>
        a.month - b.month ||
        compare(a.serviceName, b.serviceName) ||
        compare(a.resourceId, b.resourceId) ||
        compare(a.subAccountId, b.subAccountId) ||
        compare(a.xCostCategory, b.xCostCategory),
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
