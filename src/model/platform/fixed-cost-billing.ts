/**
 * Fixed shared platform costs (platform team, registry, monitoring): prorated to the month's length and split
 * across tenants by each item's rule (evenly, by the month's workload cost, or by tenant weights; chargeback.ts).
 * For the dedicated comparison every tenant would pay its own copy (`dedicatedCostPerMonth`).
 */
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import { DAYS_PER_MONTH } from "../calendar.ts";
import { allocateFixedCents } from "./chargeback.ts";
import type { ChargebackLine } from "./chargeback-poster.ts";
import type { MonthClose } from "./month-close.ts";

/** The ledger line of a fixed cost item (frozen: every month's rows of the item share its strings). */
function itemLine(item: PlatformConfig["chargeback"]["fixedCosts"][number]): ChargebackLine {
  return Object.freeze({
    category: "platform",
    service: item.name,
    serviceCategory: "Management and Governance",
    resourceId: `shared/${item.name}`,
    quantity: 1,
    unit: "Months",
    listFactor: 1,
    pricing: "Standard",
  });
}

/** Bills the fixed cost items month by month. */
export class FixedCostBilling {
  #items: PlatformConfig["chargeback"]["fixedCosts"];
  /** The line of each item, in item order. */
  #lines: readonly ChargebackLine[];
  /** Tenant weights of the month close, refilled by every close. */
  readonly #weights = new Map<string, number>();
  #total = 0;

  /** Bill the scenario's fixed cost `items` (`platform.chargeback.fixedCosts`). */
  constructor(items: PlatformConfig["chargeback"]["fixedCosts"]) {
    this.#items = items;
    this.#lines = items.map(itemLine);
  }

  /** Bill `items` from the next month close on (a roadmap effect; platform-reconfiguration.ts). */
  reconfigure(items: PlatformConfig["chargeback"]["fixedCosts"]): void {
    this.#items = items;
    this.#lines = items.map(itemLine);
  }

  /** Fixed costs posted so far. */
  get total(): number {
    return this.#total;
  }

  /**
   * Post the month's fixed costs by tenant (after compute and serving: the `usage` rule reads their
   * workload costs); `tenants` gives each tenant's weight.
   */
  closeMonth(close: MonthClose, tenants: ReadonlyMap<string, { weight: number }>): void {
    const days = close.days;
    const weights = this.#weights;
    weights.clear();
    if (this.#items.length > 0) for (const [n, info] of tenants) weights.set(n, info.weight);
    for (let i = 0; i < this.#items.length; i++) {
      const item = this.#items[i]!;
      const cost = (item.costPerMonth * days) / DAYS_PER_MONTH;
      if (cost <= 0) continue;
      close.post(
        this.#lines[i]!,
        allocateFixedCents(cost, close.tenants, item.method, close.usageByTenant, weights),
      );
      this.#total += cost;
      close.sharedCost += cost;
      close.dedicatedCost += ((item.dedicatedCostPerMonth * days) / DAYS_PER_MONTH) * close.tenants.length;
    }
  }

  /** The fixed costs of a month of `days` (what `closeMonth` adds to the shared cost). */
  costOf(days: number): number {
    let sum = 0;
    for (const item of this.#items) sum += Math.max(0, (item.costPerMonth * days) / DAYS_PER_MONTH);
    return sum;
  }
}
