/**
 * One month close of the platform: what every part reads (the month's length, the tenants, the idle rule)
 * and what they add up together (each tenant's workload cost, the shared and the dedicated platform cost,
 * the month's series). Parts close in a fixed order (compute, serving, tiers, fixed costs, dedicated
 * platforms); the running sums are added to in that order.
 */
import { HOURS_PER_DAY } from "../calendar.ts";
import type { IdleMethod } from "./chargeback.ts";
import type { ChargebackLine, ChargebackPoster } from "./chargeback-poster.ts";
import type { PlatformMonthSeries } from "./platform-metrics.ts";

/** The state of one month close, passed from part to part. */
export class MonthClose {
  /** Month index. */
  readonly month: number;
  /** Length of the month, days (> 0). */
  readonly days: number;
  /** The tenants, in order of first appearance. */
  readonly tenants: readonly string[];
  /** How idle pool cost is shared. */
  readonly idle: IdleMethod;
  /** Workload (usage) cost of each tenant this month: the `usage` key of fixed costs. */
  readonly usageByTenant = new Map<string, number>();
  /** The month's series, in emission order. */
  readonly series: PlatformMonthSeries = {};
  /** Shared platform cost of the month so far (compute, serving, fixed costs). */
  sharedCost = 0;
  /** Cost of one dedicated platform per tenant this month so far (fixed-cost copies, then infrastructure). */
  dedicatedCost = 0;
  readonly #poster: ChargebackPoster;

  /** Close `month`, `days` long (> 0), for `tenants`, sharing idle cost by `idle`, posting through `poster`. */
  constructor(
    month: number,
    days: number,
    tenants: readonly string[],
    idle: IdleMethod,
    poster: ChargebackPoster,
  ) {
    this.month = month;
    this.days = days;
    this.tenants = tenants;
    this.idle = idle;
    this.#poster = poster;
  }

  /** Hours in the month. */
  get hours(): number {
    return this.days * HOURS_PER_DAY;
  }

  /** Add to a tenant's workload cost of the month. */
  addUsage(tenant: string, cost: number): void {
    this.usageByTenant.set(tenant, (this.usageByTenant.get(tenant) ?? 0) + cost);
  }

  /** Post this month's rows of `line` (see ChargebackPoster.post). */
  post(line: ChargebackLine, cents: ReadonlyMap<string, number>): void {
    this.#poster.post(this.month, line, cents);
  }

  /** Post this month's one row of `tenant`, `cents` (see ChargebackPoster.postOne). */
  postOne(line: ChargebackLine, tenant: string, cents: number): void {
    this.#poster.postOne(this.month, line, tenant, cents);
  }

  /** Post this month's rows of a pool of `cost` (see ChargebackPoster.postPool). */
  postPool(cost: number, line: ChargebackLine, cents: ReadonlyMap<string, number>): void {
    this.#poster.postPool(this.month, cost, line, cents);
  }
}
