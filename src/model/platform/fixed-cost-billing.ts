/**
 * Fixed shared platform costs (platform team, registry, monitoring): prorated to the month's length and split
 * across tenants by each item's rule (evenly, by the month's workload cost, or by tenant weights; chargeback.ts).
 * For the dedicated comparison every tenant would pay its own copy (`dedicatedCostPerMonth`).
 */
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import { DAYS_PER_MONTH } from "../calendar.ts";
import { allocateFixedCents } from "./chargeback.ts";
import type { MonthClose } from "./month-close.ts";

/** Bills the fixed cost items month by month. */
export class FixedCostBilling {
  #items: PlatformConfig["chargeback"]["fixedCosts"];
  #total = 0;

  /** Bill the scenario's fixed cost `items` (`platform.chargeback.fixedCosts`). */
  constructor(items: PlatformConfig["chargeback"]["fixedCosts"]) {
    this.#items = items;
  }

  /** Bill `items` from the next month close on (a roadmap effect; platform-reconfiguration.ts). */
  reconfigure(items: PlatformConfig["chargeback"]["fixedCosts"]): void {
    this.#items = items;
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
    const weights =
      this.#items.length > 0 ? new Map([...tenants].map(([n, info]) => [n, info.weight])) : new Map();
    for (const item of this.#items) {
      const cost = (item.costPerMonth * days) / DAYS_PER_MONTH;
      if (cost <= 0) continue;
      close.post(
        {
          category: "platform",
          service: item.name,
          serviceCategory: "Management and Governance",
          resourceId: `shared/${item.name}`,
          quantity: 1,
          unit: "Months",
          listFactor: 1,
          pricing: "Standard",
        },
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
