/**
 * The shared compute of the platform: one autoscaled cluster per region (data residency), each with its
 * optional fixed-size comparison cluster on the same jobs; the monthly chargeback of node-hours by tenant
 * (OpenCost: busy node-hours are the tenant's usage, the rest is idle, shared by the scenario's rule) and the
 * run's compute KPIs.
 */
import type { Environment, SimEvent, StreamFactory } from "../../../engine/index.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import { HOURS_PER_DAY } from "../calendar.ts";
import { allocatePoolCents } from "./chargeback.ts";
import { ComputeCluster } from "./compute-cluster.ts";
import type { MonthClose } from "./month-close.ts";
import { PeriodReader } from "./period-reader.ts";
import type { PlatformKpis, PlatformSamples } from "./platform-metrics.ts";
import type { JobOutcome, JobRequest } from "./port.ts";
import { meanOrZero, quantileOrZero, quantilesOrZero } from "./sample-statistics.ts";

/** A region's cluster, its comparison cluster and the readers of their month's node-days. */
interface RegionalCluster {
  region: string;
  cluster: ComputeCluster;
  nodeDays: PeriodReader;
  /** Busy node-days by tenant, created when the tenant's first job starts. */
  busyDays: Map<string, PeriodReader>;
  fixed: ComputeCluster | undefined;
  fixedNodeDays: PeriodReader | undefined;
  /** The ledger columns naming the cluster (built once, shared by its rows). */
  service: string;
  resourceId: string;
  /** Usage cost by tenant of the month close, refilled by every close. */
  usage: Map<string, number>;
}

/** The shared clusters of every region. */
export class ComputeBilling {
  readonly #clusters = new Map<string, RegionalCluster>();
  readonly #defaultRegion: RegionalCluster;
  /** Job-days waited on all clusters (summed before the month's difference is taken). */
  readonly #queueDays: PeriodReader;
  #cost = 0;
  #listCost = 0;
  #fixedCost = 0;
  #residencyFallbacks = 0;

  /**
   * Create every cluster of `configs` (the first one's region is the default) with `quotas` (max concurrent
   * nodes per tenant, filled in as tenants appear).
   */
  constructor(
    env: Environment,
    configs: PlatformConfig["clusters"],
    streams: StreamFactory,
    quotas: Record<string, number>,
  ) {
    for (const c of configs) {
      const base = sharedOptions(c, quotas);
      const cluster = new ComputeCluster(env, {
        ...base,
        name: c.name,
        minNodes: c.minNodes,
        maxNodes: c.maxNodes,
        lowPriority: c.vmPriority === "lowPriority",
        evictionRatePerNodeHour: c.evictionRatePerNodeHour,
        evictionSource: streams.get(`platform.cluster.${c.name}.preemption`),
      });
      const fixed =
        c.fixedComparisonNodes > 0
          ? new ComputeCluster(env, {
              ...base,
              name: `${c.name}-fixed-${c.fixedComparisonNodes}`,
              minNodes: c.fixedComparisonNodes,
              maxNodes: c.fixedComparisonNodes,
              lowPriority: false,
              evictionRatePerNodeHour: 0,
            })
          : undefined;
      this.#clusters.set(c.region, {
        region: c.region,
        cluster,
        nodeDays: new PeriodReader(() => cluster.allocated.integral()),
        busyDays: new Map(),
        fixed,
        fixedNodeDays: fixed === undefined ? undefined : new PeriodReader(() => fixed.allocated.integral()),
        service: `Compute cluster ${cluster.name}`,
        resourceId: `cluster/${c.region}/${cluster.name}`,
        usage: new Map(),
      });
    }
    this.#defaultRegion = this.#clusters.get(configs[0]!.region)!;
    this.#queueDays = new PeriodReader(() => {
      let waiting = 0;
      for (const e of this.#clusters.values()) waiting += e.cluster.queueLength.integral();
      return waiting;
    });
  }

  /**
   * Every shared cluster adopts its entry of `configs` (same order and regions as at construction) from now on,
   * keeping its nodes, jobs and accounts (a roadmap effect; platform-reconfiguration.ts). A fixed comparison
   * cluster takes the new prices and rules but keeps its size (fixedComparisonNodes cannot change during a run).
   */
  reconfigure(configs: PlatformConfig["clusters"]): void {
    for (const c of configs) {
      const entry = this.#clusters.get(c.region);
      if (entry === undefined) continue;
      const { cluster, fixed } = entry;
      const o = cluster.options;
      if (fixed !== undefined) fixed.reconfigure({ ...fixed.options, ...sharedOptions(c, o.quotas) });
      cluster.reconfigure({
        ...o,
        ...sharedOptions(c, o.quotas),
        minNodes: c.minNodes,
        maxNodes: c.maxNodes,
        lowPriority: c.vmPriority === "lowPriority",
        evictionRatePerNodeHour: c.evictionRatePerNodeHour,
      });
    }
  }

  /** The region of the first cluster, where tenants and jobs without a region go. */
  get defaultRegion(): string {
    return this.#defaultRegion.region;
  }

  /** The shared cluster of `region`, or the default region's when it has none. */
  clusterOf(region: string): ComputeCluster {
    return (this.#clusters.get(region) ?? this.#defaultRegion).cluster;
  }

  /**
   * Queue a job on the cluster of `region` (data residency) and on its comparison cluster; a region without
   * a cluster runs it on the default region's (counted in `cluster.residencyFallbacks`).
   */
  submit(job: JobRequest, region: string): SimEvent<JobOutcome> {
    let entry = this.#clusters.get(region);
    if (entry === undefined) {
      this.#residencyFallbacks++;
      entry = this.#defaultRegion;
    }
    const event = entry.cluster.submit(job);
    entry.fixed?.submit(job);
    return event;
  }

  /** Charge the month's node-hours of every cluster to tenants and write the cluster series. */
  closeMonth(close: MonthClose): void {
    let nodeDays = 0;
    let busyDays = 0;
    for (const e of this.#clusters.values()) {
      const c = e.cluster;
      const monthNodeDays = e.nodeDays.take();
      const rate = c.effectiveCostPerNodeHour;
      const cost = monthNodeDays * HOURS_PER_DAY * rate;
      const usage = e.usage;
      usage.clear();
      for (const [tenant, busy] of c.busyByTenant) {
        let reader = e.busyDays.get(tenant);
        if (reader === undefined) {
          reader = new PeriodReader(() => busy.integral());
          e.busyDays.set(tenant, reader);
        }
        const d = reader.take();
        busyDays += d;
        if (d > 0) {
          usage.set(tenant, d * HOURS_PER_DAY * rate);
          close.addUsage(tenant, d * HOURS_PER_DAY * rate);
        }
      }
      nodeDays += monthNodeDays;
      const lowPriority = c.options.lowPriority;
      close.postPool(
        cost,
        {
          category: "compute",
          service: e.service,
          serviceCategory: "Compute",
          resourceId: e.resourceId,
          quantity: monthNodeDays * HOURS_PER_DAY,
          unit: "Node-Hours",
          listFactor: lowPriority ? 1 / (1 - c.options.lowPriorityDiscount || 1) : 1,
          pricing: lowPriority ? "Dynamic" : "Standard",
        },
        allocatePoolCents(cost, usage, close.tenants, close.idle),
      );
      this.#cost += cost;
      this.#listCost += monthNodeDays * HOURS_PER_DAY * c.options.costPerNodeHour;
      close.sharedCost += cost;
      if (e.fixed !== undefined)
        this.#fixedCost += e.fixedNodeDays!.take() * HOURS_PER_DAY * e.fixed.options.costPerNodeHour;
    }
    const days = close.days;
    close.series.clusterNodes = nodeDays / days;
    close.series.clusterBusyNodes = busyDays / days;
    close.series.clusterUtilisation = nodeDays > 0 ? busyDays / nodeDays : 0;
    close.series.clusterQueueLength = this.#queueDays.take() / days;
  }

  /** The run's compute KPIs (`cluster.*`) and the job wait sample, over `horizonDays`. */
  addKpis(k: PlatformKpis, samples: PlatformSamples, horizonDays: number): void {
    let allocated = 0;
    let busy = 0;
    let queue = 0;
    let evictions = 0;
    let completed = 0;
    let narrowed = 0;
    let peakNodes = 0;
    // concat, not push(...list): a spread copies the list into an argument list first, and pushing grows the
    // array step by step; concat allocates the joined list once, at its size
    let waits: number[] = [];
    let fixedAllocated = 0;
    let fixedBusy = 0;
    let fixedWaits: number[] = [];
    for (const e of this.#clusters.values()) {
      const c = e.cluster;
      allocated += c.allocated.integral();
      busy += c.busy.integral();
      queue += c.queueLength.integral();
      evictions += c.totals.evictions;
      completed += c.totals.jobsCompleted;
      narrowed += c.totals.jobsClamped;
      peakNodes = Math.max(peakNodes, c.allocated.max);
      waits = waits.concat(c.waitHours);
      if (e.fixed !== undefined) {
        fixedAllocated += e.fixed.allocated.integral();
        fixedBusy += e.fixed.busy.integral();
        fixedWaits = fixedWaits.concat(e.fixed.waitHours);
      }
    }
    k["cluster.nodeHours"] = allocated * HOURS_PER_DAY;
    k["cluster.cost"] = this.#cost;
    k["cluster.listCost"] = this.#listCost;
    k["cluster.meanNodes"] = allocated / horizonDays;
    k["cluster.peakNodes"] = peakNodes;
    k["cluster.utilisation"] = allocated > 0 ? busy / allocated : 0;
    k["cluster.meanQueueLength"] = queue / horizonDays;
    k["cluster.jobsCompleted"] = completed;
    k["cluster.evictions"] = evictions;
    k["cluster.jobWaitMeanHours"] = meanOrZero(waits);
    const [p50, p95] = quantilesOrZero(waits, [0.5, 0.95]);
    k["cluster.jobWaitP50Hours"] = p50!;
    k["cluster.jobWaitP95Hours"] = p95!;
    k["cluster.residencyFallbacks"] = this.#residencyFallbacks;
    k["cluster.jobsNarrowed"] = narrowed;
    if (fixedAllocated > 0) {
      const fixedCost = this.#fixedCost;
      k["cluster.fixed.cost"] = fixedCost;
      k["cluster.fixed.utilisation"] = fixedBusy / fixedAllocated;
      k["cluster.fixed.jobWaitP95Hours"] = quantileOrZero(fixedWaits, 0.95);
      k["cluster.costSavingVsFixed"] = fixedCost > 0 ? 1 - this.#cost / fixedCost : 0;
      // the same comparison at list price: what autoscaling alone saves, without the low-priority discount
      k["cluster.listCostSavingVsFixed"] = fixedCost > 0 ? 1 - this.#listCost / fixedCost : 0;
    }
    samples.jobWaitHours = waits;
  }
}

/** The options a cluster of `c` shares with its fixed comparison cluster (prices, start-up, scaler, quotas). */
function sharedOptions(c: PlatformConfig["clusters"][number], quotas: Record<string, number>) {
  return {
    region: c.region,
    costPerNodeHour: c.costPerNodeHour,
    provisioningSeconds: c.provisioningSeconds,
    lowPriorityDiscount: c.lowPriorityDiscount,
    scaleUpThreshold: c.scaler.scaleUpThreshold,
    scaleDownThreshold: c.scaler.scaleDownThreshold,
    scaleDownRule: c.scaler.scaleDownRule,
    scaleUpCooldownSeconds: c.scaler.scaleUpCooldownSeconds,
    scaleDownCooldownSeconds: c.scaler.scaleDownCooldownSeconds,
    idleSecondsBeforeScaledown: c.scaler.idleSecondsBeforeScaledown,
    scalerIntervalSeconds: c.scaler.intervalSeconds,
    quotas,
  };
}
