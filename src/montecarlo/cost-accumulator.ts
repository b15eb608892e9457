/**
 * Mean FinOps FOCUS cost rows across replications. Rows are keyed by (month, serviceName, resourceId,
 * subAccountId, xCostCategory); amounts and consumed quantity are summed and divided by the number of
 * replications, so a row missing from a replication counts as zero cost there (the mean of the total is then
 * the sum of the mean rows). Descriptive columns are taken from the first replication that had the row.
 */
import { type PackedCostRows, unpackCostRows } from "./replication-record.ts";
import type { CostRow } from "./types.ts";

const SEPARATOR = "\u0000";

/** Accumulates the cost rows of every replication. */
export class CostAccumulator {
  readonly #rows = new Map<string, CostRow>();
  #replications = 0;

  /** Number of replications added. */
  get replications(): number {
    return this.#replications;
  }

  /** Number of distinct row keys seen (memory grows with this, not with replications). */
  get size(): number {
    return this.#rows.size;
  }

  /** Adds every row of one replication (objects, or packed by a worker). */
  add(input: readonly CostRow[] | PackedCostRows): void {
    const rows = "numbers" in input ? unpackCostRows(input) : input;
    this.#replications++;
    for (const row of rows) {
      const key = [row.month, row.serviceName, row.resourceId, row.subAccountId, row.xCostCategory].join(
        SEPARATOR,
      );
      const sum = this.#rows.get(key);
      if (sum === undefined) {
        this.#rows.set(key, { ...row });
      } else {
        sum.billedCost += row.billedCost;
        sum.effectiveCost += row.effectiveCost;
        sum.listCost += row.listCost;
        sum.consumedQuantity += row.consumedQuantity;
      }
    }
  }

  /** Mean rows, sorted by month, then service, resource, sub-account and cost category (code-unit order). */
  meanRows(): CostRow[] {
    const n = this.#replications;
    if (n === 0) return [];
    const rows = [...this.#rows.values()].map((row) => ({
      ...row,
      billedCost: row.billedCost / n,
      effectiveCost: row.effectiveCost / n,
      listCost: row.listCost / n,
      consumedQuantity: row.consumedQuantity / n,
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
