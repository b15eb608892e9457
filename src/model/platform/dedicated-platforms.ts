/**
 * The per-tenant comparison (guide Patterns 5 and 7): what the same jobs and models would cost with one
 * dedicated platform per tenant instead of the shared one. Each tenant gets its own cluster in its region
 * (min nodes = chargeback.dedicatedMinNodes, max = its quota or the shared cluster's max, same scaler rules)
 * and its own shadow serving pool (min pods = chargeback.dedicatedMinReplicas, same HPA rules, Zipf over its
 * own models); each also pays `dedicatedCostPerMonth` of every fixed cost item (fixed-cost-billing.ts). Tier
 * fees are identical on both sides and left out.
 */
import type { Environment, SimEvent, StreamFactory } from "../../../engine/index.ts";
import { HOURS_PER_DAY } from "../calendar.ts";
import { ComputeCluster } from "./compute-cluster.ts";
import type { MonthClose } from "./month-close.ts";
import { PeriodReader } from "./period-reader.ts";
import type { PlatformKpis } from "./platform-metrics.ts";
import type { JobOutcome, JobRequest } from "./port.ts";
import { quantileOrZero } from "./sample-statistics.ts";
import type { ServedModel } from "./served-model.ts";
import type { ServingOptions } from "./serving-options.ts";
import { ServingPool } from "./serving-pool.ts";

/** One tenant's own cluster and the reader of its month's node-days. */
interface TenantCluster {
  cluster: ComputeCluster;
  nodeDays: PeriodReader;
}

/** One dedicated platform per tenant, simulated on the shared platform's jobs and models. */
export class DedicatedPlatforms {
  readonly #env: Environment;
  readonly #streams: StreamFactory;
  readonly #minNodes: number;
  readonly #clusters = new Map<string, TenantCluster>();
  readonly #pools = new Map<string, ServingPool>();
  #computeCost = 0;
  #servingCost = 0;
  #sharedInfraCost = 0;
  #dedicatedInfraCost = 0;
  #dedicatedCost = 0;

  /** Tenants' clusters start with `minNodes` nodes (capped by their max). */
  constructor(env: Environment, streams: StreamFactory, minNodes: number) {
    this.#env = env;
    this.#streams = streams;
    this.#minNodes = minNodes;
  }

  /**
   * Give `tenant` its own cluster, a copy of `home` (the shared cluster of its region) capped at its quota
   * (0 = none), and its own serving pool with `serving` options.
   */
  addTenant(tenant: string, quota: number, home: ComputeCluster, serving: ServingOptions): void {
    const o = home.options;
    const max = quota > 0 ? Math.min(quota, o.maxNodes) : o.maxNodes;
    const cluster = new ComputeCluster(this.#env, {
      ...o,
      name: `${o.name}-dedicated-${tenant}`,
      minNodes: Math.min(this.#minNodes, max),
      maxNodes: max,
      quotas: {},
      evictionSource: this.#streams.get(`platform.dedicated.${tenant}.preemption`),
    });
    this.#clusters.set(tenant, { cluster, nodeDays: new PeriodReader(() => cluster.allocated.integral()) });
    this.#pools.set(tenant, new ServingPool(this.#env, serving));
  }

  /**
   * Every tenant's cluster follows a roadmap change of the shared platform (platform-reconfiguration.ts): it
   * copies the new options of `homeOf(tenant).home`, capped at the tenant's quota, keeping its nodes and jobs.
   */
  reconfigureClusters(homeOf: (tenant: string) => { quota: number; home: ComputeCluster }): void {
    for (const [tenant, tc] of this.#clusters) {
      const { quota, home } = homeOf(tenant);
      const o = home.options;
      const max = quota > 0 ? Math.min(quota, o.maxNodes) : o.maxNodes;
      tc.cluster.reconfigure({
        ...o,
        name: tc.cluster.name,
        minNodes: Math.min(this.#minNodes, max),
        maxNodes: max,
        quotas: {},
        evictionSource: tc.cluster.options.evictionSource!,
      });
    }
  }

  /**
   * Replace every tenant's serving pool by `build(tenant, previous options)` (a redeployment at a month boundary,
   * right after the month close; platform-reconfiguration.ts).
   */
  redeployPools(build: (tenant: string, previous: ServingOptions) => ServingPool): void {
    for (const [tenant, pool] of this.#pools) this.#pools.set(tenant, build(tenant, pool.options));
  }

  /** Run the job on its tenant's own cluster too. */
  submit(job: JobRequest): SimEvent<JobOutcome> | undefined {
    return this.#clusters.get(job.tenant)?.cluster.submit(job);
  }

  /** Serve the model on its tenant's own pool too (same popularity key as on the shared pool). */
  serve(model: ServedModel, rankKey: number): void {
    this.#pools.get(model.tenant)?.add(model, rankKey);
  }

  /** Stop serving model `id` of `tenant` on the tenant's own pool (it retired). */
  retire(tenant: string, id: number): void {
    this.#pools.get(tenant)?.remove(id);
  }

  /**
   * Add the month's cost of the dedicated platforms to `close.dedicatedCost` and total both sides; `sharedInfra`
   * is the shared platform's compute and serving cost of the month.
   */
  closeMonth(close: MonthClose, sharedInfra: number): void {
    let dedicatedInfra = 0;
    for (const tc of this.#clusters.values()) {
      const c = tc.nodeDays.take() * HOURS_PER_DAY * tc.cluster.effectiveCostPerNodeHour;
      dedicatedInfra += c;
      this.#computeCost += c;
    }
    for (const pool of this.#pools.values()) {
      const m = pool.takeMonth();
      dedicatedInfra += m.poolCost + m.dedicatedCost;
      this.#servingCost += m.poolCost + m.dedicatedCost;
    }
    close.dedicatedCost += dedicatedInfra;
    this.#sharedInfraCost += sharedInfra;
    this.#dedicatedInfraCost += dedicatedInfra;
    this.#dedicatedCost += close.dedicatedCost;
  }

  /** The comparison's KPIs (`chargeback.dedicated*`, savings) against `sharedCost`, the shared platform's. */
  addKpis(k: PlatformKpis, sharedCost: number): void {
    const dedicated = this.#dedicatedCost;
    k["chargeback.dedicatedCost"] = dedicated;
    k["chargeback.savingVsDedicated"] = dedicated > 0 ? 1 - sharedCost / dedicated : 0;
    const waits: number[] = [];
    for (const tc of this.#clusters.values()) waits.push(...tc.cluster.waitHours);
    k["chargeback.dedicatedJobWaitP95Hours"] = quantileOrZero(waits, 0.95);
    k["chargeback.dedicatedComputeCost"] = this.#computeCost;
    k["chargeback.dedicatedServingCost"] = this.#servingCost;
    // compute and serving only: what sharing the pools saves before any fixed cost is counted
    k["chargeback.infraSavingVsDedicated"] =
      this.#dedicatedInfraCost > 0 ? 1 - this.#sharedInfraCost / this.#dedicatedInfraCost : 0;
  }
}
