/**
 * Which cost rows are "the same row" across replications: equal month, serviceName, resourceId, subAccountId
 * and xCostCategory (the FOCUS columns that identify a charge; see cost-accumulator.ts). The index maps that
 * identity to a slot number.
 *
 * Why nested maps instead of one joined string key: a level-3 replication has about 1 400 cost rows, and
 * building and hashing a fresh joined string for each one cost about as much as the rest of the run's folding
 * together (profile in the pool notes). The column values are strings the model reuses, whose hashes V8 caches,
 * so five map lookups cost far less than one new string. Consecutive rows mostly share their month, service and
 * resource (the sub-accounts of one charge follow each other), so the index remembers the sub-account map of
 * the last path it found and then needs two lookups instead of five.
 */
import type { CostRow } from "./types.ts";

/** The columns that identify a cost row. */
export type CostRowIdentity = Pick<
  CostRow,
  "month" | "serviceName" | "resourceId" | "subAccountId" | "xCostCategory"
>;

type CategoryMap = Map<string, number>;
type SubAccountMap = Map<string, CategoryMap>;
type ResourceMap = Map<string, SubAccountMap>;
type ServiceMap = Map<string, ResourceMap>;

/** Slot of each distinct cost-row identity seen so far. */
export class CostRowIndex {
  readonly #months = new Map<number, ServiceMap>();
  /** The last (month, service, resource) path found, and its sub-account map (never a missing path). */
  #lastMonth = Number.NaN;
  #lastService = "";
  #lastResource = "";
  #lastSubAccounts: SubAccountMap | undefined;

  /** The slot of `row`'s identity, or -1 when it has none yet. */
  get(row: CostRowIdentity): number {
    let subAccounts: SubAccountMap | undefined;
    if (
      row.month === this.#lastMonth &&
      row.serviceName === this.#lastService &&
      row.resourceId === this.#lastResource
    ) {
      subAccounts = this.#lastSubAccounts;
    } else {
      subAccounts = this.#months.get(row.month)?.get(row.serviceName)?.get(row.resourceId);
      if (subAccounts === undefined) return -1;
      this.#lastMonth = row.month;
      this.#lastService = row.serviceName;
      this.#lastResource = row.resourceId;
      this.#lastSubAccounts = subAccounts;
    }
    return subAccounts!.get(row.subAccountId)?.get(row.xCostCategory) ?? -1;
  }

  /** Gives `row`'s identity the slot `slot`. */
  set(row: CostRowIdentity, slot: number): void {
    const services = child(this.#months, row.month);
    const resources = child(services, row.serviceName);
    const subAccounts = child(resources, row.resourceId);
    const categories = child(subAccounts, row.subAccountId);
    categories.set(row.xCostCategory, slot);
  }
}

function child<K, V extends Map<unknown, unknown>>(map: Map<K, V>, key: K): V {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map() as V;
    map.set(key, inner);
  }
  return inner;
}
