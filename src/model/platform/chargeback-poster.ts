/**
 * Posts a pool's chargeback to the ledger: one FOCUS cost row per tenant from integer cents (chargeback.ts),
 * with the pool's quantity split in proportion, and keeps each tenant's platform cost over the run.
 */
import type { CostCategory, Ledger } from "../ledger.ts";
import type { CostRow } from "../result.ts";
import { toCents } from "./largest-remainder.ts";

/** What the rows of one posting share (FOCUS columns); every field is set, so every line has one shape. */
export interface ChargebackLine {
  category: CostCategory;
  service: string;
  serviceCategory: string;
  resourceId: string;
  /** The pool's quantity (node-hours, pod-hours, ...), split across tenants in proportion to their cents. */
  quantity: number;
  unit: string;
  /** List cost / billed cost (1 = no discount). */
  listFactor: number;
  pricing: CostRow["pricingCategory"];
}

/** A tenant's platform cost so far (a record, so that adding to it boxes no number into a map). */
interface TenantCost {
  cost: number;
}

/** Writes chargeback rows to a ledger and totals them by tenant. */
export class ChargebackPoster {
  readonly #ledger: Ledger;
  /** Each tenant's platform cost so far, in order of its first charge. */
  readonly #costs = new Map<string, TenantCost>();
  /** Pools whose cents did not add up to their cost (checked by `postPool`). */
  centsMismatches = 0;

  /** Post to `ledger`. */
  constructor(ledger: Ledger) {
    this.#ledger = ledger;
  }

  /** Platform cost charged to each tenant so far, in order of the first charge (a new map on every read). */
  get tenantCost(): Map<string, number> {
    const costs = new Map<string, number>();
    for (const [tenant, { cost }] of this.#costs) costs.set(tenant, cost);
    return costs;
  }

  /** Post one row per tenant of `cents` in `month`; returns the cents posted in total. */
  post(month: number, line: ChargebackLine, cents: ReadonlyMap<string, number>): number {
    let total = 0;
    for (const c of cents.values()) total += c;
    // keys, then a lookup: destructuring the entries would allocate a [tenant, cents] pair per row
    for (const tenant of cents.keys()) this.#row(month, line, tenant, cents.get(tenant)!, total);
    return total;
  }

  /** Post the one row of `tenant`, `cents` in `month` (what `post` does for a one-tenant map). */
  postOne(month: number, line: ChargebackLine, tenant: string, cents: number): void {
    this.#row(month, line, tenant, cents, 0 + cents);
  }

  /** Post a pool of `cost` split into `cents`, counting a mismatch when the cents miss the cost. */
  postPool(month: number, cost: number, line: ChargebackLine, cents: ReadonlyMap<string, number>): void {
    if (this.post(month, line, cents) !== toCents(cost)) this.centsMismatches++;
  }

  /** One row: `c` of `total` cents of the line's pool goes to `tenant` (its quantity in proportion). */
  #row(month: number, line: ChargebackLine, tenant: string, c: number, total: number): void {
    const cost = c / 100;
    this.#ledger.postCost(
      month,
      line.category,
      line.service,
      line.serviceCategory,
      tenant,
      line.resourceId,
      cost,
      cost * line.listFactor,
      total !== 0 ? (line.quantity * c) / total : 0,
      line.unit,
      line.pricing,
    );
    let charged = this.#costs.get(tenant);
    if (charged === undefined) {
      charged = { cost: 0 };
      this.#costs.set(tenant, charged);
    }
    charged.cost += cost;
  }
}
