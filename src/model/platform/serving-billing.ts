/**
 * The shared serving platform's bill: each month the pool's cost is charged by usage (the pool cost the
 * tenant's requests used; the rest is idle, shared by the scenario's rule) and each dedicated deployment to
 * its tenant; the run's serving KPIs are the sums of the months.
 */
import { HOURS_PER_DAY } from "../calendar.ts";
import { allocatePoolCents } from "./chargeback.ts";
import type { ChargebackLine } from "./chargeback-poster.ts";
import { toCents } from "./largest-remainder.ts";
import type { MonthClose } from "./month-close.ts";
import type { PlatformKpis } from "./platform-metrics.ts";
import type { ServingPool } from "./serving-pool.ts";

/** The ledger line of the dedicated deployments (frozen: shared by every month's rows). */
const DEDICATED_LINE: ChargebackLine = Object.freeze({
  category: "serving",
  service: "Dedicated model deployments",
  serviceCategory: "AI and Machine Learning",
  resourceId: "serving/dedicated",
  quantity: 0,
  unit: "Pod-Hours",
  listFactor: 1,
  pricing: "Standard",
});

/** Charges a serving pool month by month and totals it over the run. */
export class ServingBilling {
  #pool: ServingPool;
  /** Most pool pods in one step of the pools replaced by a redeployment. */
  #maxPodsBefore = 0;
  #cost = 0;
  #allDedicatedCost = 0;
  #podHours = 0;
  #requests = 0;
  #misses = 0;
  #coldLoads = 0;
  #latencyWeighted = 0;
  #latencyRequests = 0;
  #modelsPerPodHours = 0;
  #overloadedHours = 0;
  /** Cents of the dedicated deployments by tenant, refilled by every month close. */
  readonly #dedicatedCents = new Map<string, number>();

  /** Bill `pool` (the shared serving platform). */
  constructor(pool: ServingPool) {
    this.#pool = pool;
  }

  /**
   * Bill `pool` from now on in place of the current one (a redeployment at a month boundary, right after the
   * month close; platform-reconfiguration.ts); the run's totals carry over.
   */
  redeploy(pool: ServingPool): void {
    this.#maxPodsBefore = Math.max(this.#maxPodsBefore, this.#pool.totals.maxPods);
    this.#pool = pool;
  }

  /** Charge the pool's month to tenants and write the serving series. */
  closeMonth(close: MonthClose): void {
    const s = this.#pool.takeMonth();
    this.#podHours += s.podHours;
    this.#requests += s.requests;
    this.#misses += s.misses;
    this.#coldLoads += s.coldLoads;
    this.#latencyWeighted += s.latencyWeighted;
    this.#latencyRequests += s.latencyRequests;
    this.#modelsPerPodHours += s.modelsPerPodHours;
    this.#overloadedHours += s.overloadedHours;
    const poolCents = allocatePoolCents(s.poolCost, s.usedCostByTenant, close.tenants, close.idle);
    for (const [t, v] of s.usedCostByTenant) close.addUsage(t, v);
    close.postPool(
      s.poolCost,
      {
        category: "serving",
        service: "Model serving pool",
        serviceCategory: "AI and Machine Learning",
        resourceId: "serving/pool",
        quantity: s.podHours,
        unit: "Pod-Hours",
        listFactor: 1,
        pricing: "Standard",
      },
      poolCents,
    );
    const dedicatedCents = this.#dedicatedCents;
    dedicatedCents.clear();
    for (const [t, v] of s.dedicatedCostByTenant) {
      dedicatedCents.set(t, toCents(v));
      close.addUsage(t, v);
    }
    close.post(DEDICATED_LINE, dedicatedCents);
    this.#cost += s.poolCost + s.dedicatedCost;
    this.#allDedicatedCost += s.allDedicatedCost;
    close.sharedCost += s.poolCost + s.dedicatedCost;
    const hours = close.hours;
    close.series.servingPods = s.podHours / hours;
    close.series.cacheHitRatio = s.requests > 0 ? 1 - s.misses / s.requests : 1;
    close.series.modelsPerPod = s.modelsPerPodHours / hours;
    close.series.servingP95LatencyMs = s.latencyRequests > 0 ? s.latencyWeighted / s.latencyRequests : 0;
  }

  /** The run's serving KPIs (`serving.*`) over `horizonDays`. */
  addKpis(k: PlatformKpis, horizonDays: number): void {
    const poolHours = horizonDays * HOURS_PER_DAY;
    const cost = this.#cost;
    const allDedicated = this.#allDedicatedCost;
    k["serving.podHours"] = this.#podHours;
    k["serving.meanPods"] = this.#podHours / poolHours;
    k["serving.maxPoolPods"] = Math.max(this.#maxPodsBefore, this.#pool.totals.maxPods);
    k["serving.cost"] = cost;
    k["serving.dedicatedCost"] = allDedicated;
    k["serving.savingVsDedicated"] = allDedicated > 0 ? 1 - cost / allDedicated : 0;
    k["serving.cacheHitRatio"] = this.#requests > 0 ? 1 - this.#misses / this.#requests : 1;
    k["serving.coldLoads"] = this.#coldLoads;
    k["serving.modelsPerPod"] = this.#modelsPerPodHours / poolHours;
    k["serving.p95LatencyMs"] = this.#latencyRequests > 0 ? this.#latencyWeighted / this.#latencyRequests : 0;
    k["serving.overloadedHours"] = this.#overloadedHours;
    k["serving.models"] = this.#pool.modelCount;
  }
}
