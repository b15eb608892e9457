/**
 * The platform model (MODEL.md section 4) behind the PlatformPort: shared compute clusters per region, the
 * serving platform, service tiers and the monthly chargeback of all of it to tenants through the Ledger,
 * plus the comparisons finance asks for (fixed cluster, dedicated serving, one tier for all, one dedicated
 * platform per tenant), simulated on the same jobs and models.
 *
 * Sources: see compute-cluster.ts (Azure ML AmlCompute, guide Pattern 11), serving-pool.ts (KServe ModelMesh,
 * Kubernetes HPA, Pattern 12), tier-reliability.ts (Pattern 6), chargeback.ts (OpenCost; FOCUS columns via
 * ledger.ts; Patterns 5 and 7). Per-tenant dedicated platforms: each tenant gets its own cluster in its region
 * (min nodes = chargeback.dedicatedMinNodes, max = its quota or the shared cluster's max, same scaler rules) and
 * its own serving pool (min pods = chargeback.dedicatedMinReplicas, same HPA rules, Zipf over its own models);
 * each also pays `dedicatedCostPerMonth` of every fixed cost item. Tier fees are identical in both and left out.
 */

import { meanSimple, quantileSorted } from "simple-statistics";
import type { Environment, RandomSource, SimEvent, StreamFactory } from "../../../engine/index.ts";
import { sampler } from "../../../engine/index.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import { DAYS_PER_MONTH, HOURS_PER_DAY } from "../calendar.ts";
import type { CostCategory, Ledger } from "../ledger.ts";
import type { CostRow } from "../result.ts";
import { allocateFixedCents, allocatePoolCents, type IdleMethod } from "./chargeback.ts";
import { ComputeCluster } from "./compute-cluster.ts";
import { toCents } from "./largest-remainder.ts";
import type { JobOutcome, JobRequest, PlatformPort, ProductionModel } from "./port.ts";
import {
  assignTier,
  isTierName,
  TIER_NAMES,
  type TierAssignment,
  type TierName,
  type TierSpec,
} from "./service-tiers.ts";
import { type ServingMonth, type ServingOptions, ServingPool } from "./serving-pool.ts";
import { startStandaloneWorkloads } from "./standalone-workloads.ts";
import { TierReliability } from "./tier-reliability.ts";

interface TenantInfo {
  region: string;
  quota: number;
  weight: number;
}

interface ClusterEntry {
  cluster: ComputeCluster;
  fixed: ComputeCluster | undefined;
  lastAllocated: number;
  lastBusy: Map<string, number>;
  lastFixed: number;
}

/** Running totals for the end-of-run KPIs. */
interface RunTotals {
  clusterCost: number;
  clusterListCost: number;
  fixedClusterCost: number;
  servingCost: number;
  allDedicatedServingCost: number;
  tierFees: number;
  referenceFees: number;
  fixedCosts: number;
  sharedPlatformCost: number;
  dedicatedPlatformCost: number;
  /** Compute and serving only (no fixed costs), both sides of the per-tenant comparison. */
  sharedInfraCost: number;
  dedicatedInfraCost: number;
  dedicatedComputeCost: number;
  dedicatedServingCost: number;
  tenantCost: Map<string, number>;
  servingMonths: ServingMonth[];
  tierUptimes: Record<TierName, number[]>;
  tierBreaches: Record<TierName, number>;
  tierModelMonths: Record<TierName, number>;
  tierFeesByTier: Record<TierName, number>;
  centsMismatches: number;
  residencyFallbacks: number;
}

const MODEL_MEMORY_STREAM = "platform.serving.modelMemory";

/** Convert the schema's tier catalogue to the reliability model's specs. */
export function tierSpecs(config: PlatformConfig): Record<TierName, TierSpec> {
  const out = {} as Record<TierName, TierSpec>;
  for (const t of TIER_NAMES) out[t] = { ...config.tiers.catalogue[t] };
  return out;
}

/** The scenario's tier assignment rule as a {@link TierAssignment}. */
export function tierAssignment(config: PlatformConfig): TierAssignment {
  const a = config.tiers.assignment;
  if (a.rule === "mix") return { rule: "mix", mix: a.mix };
  if (a.rule === "single") return { rule: "single", tier: a.tier };
  return { rule: "criticality", thresholds: [a.thresholds[0]!, a.thresholds[1]!, a.thresholds[2]!] };
}

/** The enabled platform. Create it through `createPlatform`. */
export class Platform implements PlatformPort {
  readonly #env: Environment;
  readonly #config: PlatformConfig;
  readonly #streams: StreamFactory;
  readonly #ledger: Ledger;
  readonly #tenants = new Map<string, TenantInfo>();
  readonly #quotas: Record<string, number> = {};
  readonly #clusters = new Map<string, ClusterEntry>();
  readonly #defaultRegion: string;
  readonly #serving: ServingPool;
  readonly #tenantServing = new Map<string, ServingPool>();
  readonly #tenantClusters = new Map<string, { cluster: ComputeCluster; last: number }>();
  readonly #tiers: TierReliability;
  readonly #specs: Record<TierName, TierSpec>;
  readonly #assignment: TierAssignment;
  readonly #assignSource: RandomSource;
  readonly #rankSource: RandomSource;
  readonly #modelMemory: () => number;
  readonly #monthSeries: Record<string, number[]> = {};
  readonly #totals: RunTotals;
  #monthStart: number;
  #lastQueueIntegral = 0;
  /** Reused one-tenant cents map for the tier fee rows (read by `#post` only). */
  readonly #singleTenantCents = new Map<string, number>();

  constructor(env: Environment, config: PlatformConfig, streams: StreamFactory, ledger: Ledger) {
    this.#env = env;
    this.#config = config;
    this.#streams = streams;
    this.#ledger = ledger;
    this.#monthStart = env.now;
    this.#specs = tierSpecs(config);
    this.#assignment = tierAssignment(config);
    this.#assignSource = streams.get("platform.tiers.assign");
    this.#rankSource = streams.get("platform.serving.popularity");
    this.#modelMemory = sampler(config.serving.modelMemoryGb, streams.get(MODEL_MEMORY_STREAM));
    this.#totals = {
      clusterCost: 0,
      clusterListCost: 0,
      fixedClusterCost: 0,
      servingCost: 0,
      allDedicatedServingCost: 0,
      tierFees: 0,
      referenceFees: 0,
      fixedCosts: 0,
      sharedPlatformCost: 0,
      dedicatedPlatformCost: 0,
      sharedInfraCost: 0,
      dedicatedInfraCost: 0,
      dedicatedComputeCost: 0,
      dedicatedServingCost: 0,
      tenantCost: new Map(),
      servingMonths: [],
      tierUptimes: { Bronze: [], Silver: [], Gold: [], Platinum: [] },
      tierBreaches: { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 },
      tierModelMonths: { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 },
      tierFeesByTier: { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 },
      centsMismatches: 0,
      residencyFallbacks: 0,
    };
    this.#defaultRegion = config.clusters[0]!.region;
    for (const c of config.clusters) {
      const base = {
        region: c.region,
        costPerNodeHour: c.costPerNodeHour,
        provisioningSeconds: c.provisioningSeconds,
        lowPriorityDiscount: c.lowPriorityDiscount,
        scaleUpThreshold: c.scaler.scaleUpThreshold,
        scaleDownThreshold: c.scaler.scaleDownThreshold,
        scaleUpCooldownSeconds: c.scaler.scaleUpCooldownSeconds,
        scaleDownCooldownSeconds: c.scaler.scaleDownCooldownSeconds,
        idleSecondsBeforeScaledown: c.scaler.idleSecondsBeforeScaledown,
        scalerIntervalSeconds: c.scaler.intervalSeconds,
      };
      const cluster = new ComputeCluster(env, {
        ...base,
        name: c.name,
        minNodes: c.minNodes,
        maxNodes: c.maxNodes,
        lowPriority: c.vmPriority === "lowPriority",
        evictionRatePerNodeHour: c.evictionRatePerNodeHour,
        evictionSource: streams.get(`platform.cluster.${c.name}.preemption`),
        quotas: this.#quotas,
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
              quotas: this.#quotas,
            })
          : undefined;
      this.#clusters.set(c.region, { cluster, fixed, lastAllocated: 0, lastBusy: new Map(), lastFixed: 0 });
    }
    this.#serving = new ServingPool(env, this.#servingOptions("shared", false, config.serving.minReplicas));
    this.#tiers = new TierReliability(
      env,
      this.#specs,
      config.tiers.reference,
      streams.get("platform.tiers.failures"),
    );
    for (const t of config.tenants) this.#ensureTenant(t.name, t);
    startStandaloneWorkloads(env, config.workloads, [...this.#tenants.keys()], streams, {
      submit: (job) => {
        this.submitJob(job);
      },
      serve: (id, tenant, tier) => this.#serve(id, tenant, tier),
      tier: (id, tenant, tier) => this.#tiers.add(id, tenant, tier),
    });
  }

  #servingOptions(name: string, shadow: boolean, minReplicas: number): ServingOptions {
    const s = this.#config.serving;
    return {
      name,
      mode: s.mode,
      stepHours: s.stepHours,
      podCostPerHour: s.podCostPerHour,
      dedicatedPodCostPerHour: s.dedicatedPodCostPerHour,
      podMemoryGb: s.podMemoryGb,
      podOverheadGb: s.podOverheadGb,
      loadSeconds: s.loadSeconds,
      requestsPerSecondPerModel: s.requestsPerSecondPerModel,
      zipfExponent: s.zipfExponent,
      diurnalAmplitude: s.diurnalAmplitude,
      peakHour: s.peakHour,
      growthPerMonth: s.growthPerMonth,
      serviceMs: s.serviceMs,
      concurrencyPerPod: s.concurrencyPerPod,
      targetUtilisation: s.targetUtilisation,
      memoryTargetUtilisation: s.memoryTargetUtilisation,
      tolerance: s.tolerance,
      stabilisationWindowSeconds: s.stabilisationWindowSeconds,
      minReplicas,
      maxReplicas: s.maxReplicas,
      source: this.#streams.get(`platform.serving.${name}.requests`),
      shadow,
    };
  }

  #ensureTenant(name: string, listed?: { region: string; quotaNodes: number; weight: number }): TenantInfo {
    let t = this.#tenants.get(name);
    if (t !== undefined) return t;
    t = listed
      ? { region: listed.region, quota: listed.quotaNodes, weight: listed.weight }
      : { region: this.#defaultRegion, quota: 0, weight: 1 };
    this.#tenants.set(name, t);
    if (t.quota > 0) this.#quotas[name] = t.quota;
    const cb = this.#config.chargeback;
    if (cb.compareDedicated) {
      const home = this.#clusters.get(t.region) ?? this.#clusters.get(this.#defaultRegion)!;
      const o = home.cluster.options;
      const max = t.quota > 0 ? Math.min(t.quota, o.maxNodes) : o.maxNodes;
      const cluster = new ComputeCluster(this.#env, {
        ...o,
        name: `${o.name}-dedicated-${name}`,
        minNodes: Math.min(cb.dedicatedMinNodes, max),
        maxNodes: max,
        quotas: {},
        evictionSource: this.#streams.get(`platform.dedicated.${name}.preemption`),
      });
      this.#tenantClusters.set(name, { cluster, last: 0 });
      this.#tenantServing.set(
        name,
        new ServingPool(this.#env, this.#servingOptions(`dedicated-${name}`, true, cb.dedicatedMinReplicas)),
      );
    }
    return t;
  }

  /** Queue a job on the cluster of its region (data residency); also on the comparison clusters. */
  submitJob(job: JobRequest): SimEvent<JobOutcome> {
    const tenant = this.#ensureTenant(job.tenant);
    const region = job.region !== undefined && job.region !== "" ? job.region : tenant.region;
    let entry = this.#clusters.get(region);
    if (entry === undefined) {
      this.#totals.residencyFallbacks++;
      entry = this.#clusters.get(this.#defaultRegion)!;
    }
    const event = entry.cluster.submit(job);
    entry.fixed?.submit(job);
    this.#tenantClusters.get(job.tenant)?.cluster.submit(job);
    return event;
  }

  #serve(id: number, tenant: string, tier: TierName): void {
    this.#ensureTenant(tenant);
    const spec = this.#specs[tier];
    const model = {
      id,
      tenant,
      memoryGb: Math.max(0.01, this.#modelMemory()),
      dedicated: spec.dedicatedServing,
      regions: spec.redundancy === "multiRegion" ? 2 : 1,
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
    };
    const key = this.#rankSource();
    this.#serving.add(model, key);
    this.#tenantServing.get(tenant)?.add(model, key);
  }

  /** Serve the model, bill its tier and simulate its failures from now on. */
  addProductionModel(model: ProductionModel): void {
    const tier = isTierName(model.tier) ? model.tier : (this.assignTier(model.criticality) as TierName);
    this.#serve(model.id, model.tenant, tier);
    this.#tiers.add(model.id, model.tenant, tier);
  }

  /** The scenario's tier rule (criticality thresholds, a random mix, or one tier). */
  assignTier(criticality: number): string {
    return assignTier(this.#assignment, criticality, this.#assignSource);
  }

  #post(
    month: number,
    category: CostCategory,
    service: string,
    serviceCategory: string,
    resourceId: string,
    cents: Map<string, number>,
    quantity: number,
    unit: string,
    listFactor = 1,
    pricing: CostRow["pricingCategory"] = "Standard",
  ): number {
    let total = 0;
    for (const c of cents.values()) total += c;
    for (const [tenant, c] of cents) {
      const cost = c / 100;
      this.#ledger.post({
        month,
        category,
        service,
        serviceCategory,
        tenant,
        resourceId,
        cost,
        listCost: cost * listFactor,
        quantity: total !== 0 ? (quantity * c) / total : 0,
        unit,
        pricing,
      });
      this.#totals.tenantCost.set(tenant, (this.#totals.tenantCost.get(tenant) ?? 0) + cost);
    }
    return total;
  }

  #series(name: string, value: number): void {
    let list = this.#monthSeries[name];
    if (list === undefined) {
      list = [];
      this.#monthSeries[name] = list;
    }
    list.push(value);
  }

  /** Post the month's platform costs to the ledger (by tenant, exact to the cent) and return its series. */
  closeMonth(month: number): Record<string, number> {
    const now = this.#env.now;
    const days = Math.max(1e-12, now - this.#monthStart);
    const hours = days * HOURS_PER_DAY;
    const idle: IdleMethod = this.#config.chargeback.idle;
    const tenants = [...this.#tenants.keys()];
    const usageByTenant = new Map<string, number>();
    const addUsage = (t: string, v: number) => usageByTenant.set(t, (usageByTenant.get(t) ?? 0) + v);
    const out: Record<string, number> = {};
    let sharedCost = 0;
    let dedicatedCost = 0;

    // compute
    let nodeDays = 0;
    let busyDays = 0;
    let waiting = 0;
    for (const [region, e] of this.#clusters) {
      const c = e.cluster;
      const allocated = c.allocated.integral();
      const monthNodeDays = allocated - e.lastAllocated;
      e.lastAllocated = allocated;
      const rate = c.effectiveCostPerNodeHour;
      const cost = monthNodeDays * HOURS_PER_DAY * rate;
      const usage = new Map<string, number>();
      for (const [tenant, integral] of c.busyByTenant) {
        const v = integral.integral();
        const d = v - (e.lastBusy.get(tenant) ?? 0);
        e.lastBusy.set(tenant, v);
        busyDays += d;
        if (d > 0) {
          usage.set(tenant, d * HOURS_PER_DAY * rate);
          addUsage(tenant, d * HOURS_PER_DAY * rate);
        }
      }
      nodeDays += monthNodeDays;
      waiting += c.queueLength.integral();
      const cents = allocatePoolCents(cost, usage, tenants, idle);
      const posted = this.#post(
        month,
        "compute",
        `Compute cluster ${c.name}`,
        "Compute",
        `cluster/${region}/${c.name}`,
        cents,
        monthNodeDays * HOURS_PER_DAY,
        "Node-Hours",
        c.options.lowPriority ? 1 / (1 - c.options.lowPriorityDiscount || 1) : 1,
        c.options.lowPriority ? "Dynamic" : "Standard",
      );
      if (posted !== toCents(cost)) this.#totals.centsMismatches++;
      this.#totals.clusterCost += cost;
      this.#totals.clusterListCost += monthNodeDays * HOURS_PER_DAY * c.options.costPerNodeHour;
      sharedCost += cost;
      if (e.fixed !== undefined) {
        const f = e.fixed.allocated.integral();
        this.#totals.fixedClusterCost += (f - e.lastFixed) * HOURS_PER_DAY * e.fixed.options.costPerNodeHour;
        e.lastFixed = f;
      }
    }
    out.clusterNodes = nodeDays / days;
    out.clusterBusyNodes = busyDays / days;
    out.clusterUtilisation = nodeDays > 0 ? busyDays / nodeDays : 0;
    out.clusterQueueLength = (waiting - this.#lastQueueIntegral) / days;
    this.#lastQueueIntegral = waiting;

    // serving
    const s = this.#serving.takeMonth();
    this.#totals.servingMonths.push(s);
    const poolCents = allocatePoolCents(s.poolCost, s.usedCostByTenant, tenants, idle);
    for (const [t, v] of s.usedCostByTenant) addUsage(t, v);
    const posted = this.#post(
      month,
      "serving",
      "Model serving pool",
      "AI and Machine Learning",
      "serving/pool",
      poolCents,
      s.podHours,
      "Pod-Hours",
    );
    if (posted !== toCents(s.poolCost)) this.#totals.centsMismatches++;
    const dedicatedCents = new Map<string, number>();
    for (const [t, v] of s.dedicatedCostByTenant) {
      dedicatedCents.set(t, toCents(v));
      addUsage(t, v);
    }
    this.#post(
      month,
      "serving",
      "Dedicated model deployments",
      "AI and Machine Learning",
      "serving/dedicated",
      dedicatedCents,
      0,
      "Pod-Hours",
    );
    this.#totals.servingCost += s.poolCost + s.dedicatedCost;
    this.#totals.allDedicatedServingCost += s.allDedicatedCost;
    sharedCost += s.poolCost + s.dedicatedCost;
    out.servingPods = s.podHours / hours;
    out.cacheHitRatio = s.requests > 0 ? 1 - s.misses / s.requests : 1;
    out.modelsPerPod = s.modelsPerPodHours / hours;
    out.servingP95LatencyMs = s.latencyRequests > 0 ? s.latencyWeighted / s.latencyRequests : 0;

    // tiers
    const t = this.#tiers.closeMonth();
    const single = this.#singleTenantCents;
    for (const { tenant, tier, fee } of t.feesByTenantTierList) {
      single.clear();
      single.set(tenant, toCents(fee));
      this.#post(
        month,
        "tiers",
        `${tier} tier`,
        "AI and Machine Learning",
        `tier/${tier}`,
        single,
        1,
        "Model-Months",
      );
    }
    for (const [tier, fee] of t.feesByTier) {
      this.#totals.tierFees += fee;
      this.#totals.tierFeesByTier[tier] += fee;
    }
    this.#totals.referenceFees += t.referenceFees;
    let withSla = 0;
    let met = 0;
    let uptimeSum = 0;
    for (const u of t.uptimes) {
      this.#totals.tierUptimes[u.tier].push(u.uptime);
      this.#totals.tierModelMonths[u.tier]++;
      uptimeSum += u.uptime;
      if (this.#specs[u.tier].slaPercent > 0) {
        withSla++;
        if (!u.breached) met++;
        else this.#totals.tierBreaches[u.tier]++;
      }
    }
    out.slaAttainment = withSla > 0 ? met / withSla : 1;
    out.availability = t.uptimes.length > 0 ? uptimeSum / t.uptimes.length : 1;

    // fixed shared costs
    const fixedCosts = this.#config.chargeback.fixedCosts;
    const weights =
      fixedCosts.length > 0 ? new Map([...this.#tenants].map(([n, info]) => [n, info.weight])) : new Map();
    for (const item of fixedCosts) {
      const cost = (item.costPerMonth * days) / DAYS_PER_MONTH;
      if (cost <= 0) continue;
      const cents = allocateFixedCents(cost, tenants, item.method, usageByTenant, weights);
      this.#post(
        month,
        "platform",
        item.name,
        "Management and Governance",
        `shared/${item.name}`,
        cents,
        1,
        "Months",
      );
      this.#totals.fixedCosts += cost;
      sharedCost += cost;
      dedicatedCost += ((item.dedicatedCostPerMonth * days) / DAYS_PER_MONTH) * tenants.length;
    }

    // one dedicated platform per tenant
    const sharedInfra = sharedCost - this.#totalsFixedThisMonth(days);
    let dedicatedInfra = 0;
    for (const [, tc] of this.#tenantClusters) {
      const v = tc.cluster.allocated.integral();
      const c = (v - tc.last) * HOURS_PER_DAY * tc.cluster.effectiveCostPerNodeHour;
      dedicatedInfra += c;
      this.#totals.dedicatedComputeCost += c;
      tc.last = v;
    }
    for (const [, pool] of this.#tenantServing) {
      const m = pool.takeMonth();
      dedicatedInfra += m.poolCost + m.dedicatedCost;
      this.#totals.dedicatedServingCost += m.poolCost + m.dedicatedCost;
    }
    dedicatedCost += dedicatedInfra;
    this.#totals.sharedInfraCost += sharedInfra;
    this.#totals.dedicatedInfraCost += dedicatedInfra;
    this.#totals.sharedPlatformCost += sharedCost;
    this.#totals.dedicatedPlatformCost += dedicatedCost;
    out.platformCost = sharedCost;
    this.#monthStart = now;
    for (const [k, v] of Object.entries(out)) this.#series(k, v);
    return out;
  }

  #totalsFixedThisMonth(days: number): number {
    let sum = 0;
    for (const item of this.#config.chargeback.fixedCosts)
      sum += Math.max(0, (item.costPerMonth * days) / DAYS_PER_MONTH);
    return sum;
  }

  /** End-of-run KPIs (cluster.*, serving.*, tiers.*, chargeback.*) and pooled samples. */
  finish(): { kpis: Record<string, number>; samples: Record<string, number[]> } {
    const now = this.#env.now;
    const k: Record<string, number> = {};
    const T = this.#totals;
    // compute
    let allocated = 0;
    let busy = 0;
    let queue = 0;
    let evictions = 0;
    let completed = 0;
    let maxNodes = 0;
    const waits: number[] = [];
    let fixedAllocated = 0;
    let fixedBusy = 0;
    const fixedWaits: number[] = [];
    for (const e of this.#clusters.values()) {
      const c = e.cluster;
      allocated += c.allocated.integral();
      busy += c.busy.integral();
      queue += c.queueLength.integral();
      evictions += c.totals.evictions;
      completed += c.totals.jobsCompleted;
      maxNodes = Math.max(maxNodes, c.allocated.max);
      waits.push(...c.waitHours);
      if (e.fixed !== undefined) {
        fixedAllocated += e.fixed.allocated.integral();
        fixedBusy += e.fixed.busy.integral();
        fixedWaits.push(...e.fixed.waitHours);
      }
    }
    const horizon = Math.max(1e-12, now);
    k["cluster.nodeHours"] = allocated * HOURS_PER_DAY;
    k["cluster.cost"] = T.clusterCost;
    k["cluster.listCost"] = T.clusterListCost;
    k["cluster.meanNodes"] = allocated / horizon;
    k["cluster.maxNodes"] = maxNodes;
    k["cluster.utilisation"] = allocated > 0 ? busy / allocated : 0;
    k["cluster.meanQueueLength"] = queue / horizon;
    k["cluster.jobsCompleted"] = completed;
    k["cluster.evictions"] = evictions;
    k["cluster.jobWaitMeanHours"] = mean(waits);
    k["cluster.jobWaitP50Hours"] = quantile(waits, 0.5);
    k["cluster.jobWaitP95Hours"] = quantile(waits, 0.95);
    k["cluster.residencyFallbacks"] = T.residencyFallbacks;
    if (fixedAllocated > 0) {
      k["cluster.fixed.cost"] = T.fixedClusterCost;
      k["cluster.fixed.utilisation"] = fixedBusy / fixedAllocated;
      k["cluster.fixed.jobWaitP95Hours"] = quantile(fixedWaits, 0.95);
      k["cluster.costSavingVsFixed"] = T.fixedClusterCost > 0 ? 1 - T.clusterCost / T.fixedClusterCost : 0;
      // the same comparison at list price: what autoscaling alone saves, without the low-priority discount
      k["cluster.listCostSavingVsFixed"] =
        T.fixedClusterCost > 0 ? 1 - T.clusterListCost / T.fixedClusterCost : 0;
    }
    // serving
    let podHours = 0;
    let requests = 0;
    let misses = 0;
    let coldLoads = 0;
    let latencyW = 0;
    let latencyN = 0;
    let modelsPerPodHours = 0;
    let overloaded = 0;
    let poolHours = 0;
    for (const m of T.servingMonths) {
      podHours += m.podHours;
      requests += m.requests;
      misses += m.misses;
      coldLoads += m.coldLoads;
      latencyW += m.latencyWeighted;
      latencyN += m.latencyRequests;
      modelsPerPodHours += m.modelsPerPodHours;
      overloaded += m.overloadedHours;
    }
    poolHours = horizon * HOURS_PER_DAY;
    k["serving.podHours"] = podHours;
    k["serving.meanPods"] = podHours / poolHours;
    k["serving.maxPoolPods"] = this.#serving.totals.maxPods;
    k["serving.cost"] = T.servingCost;
    k["serving.dedicatedCost"] = T.allDedicatedServingCost;
    k["serving.savingVsDedicated"] =
      T.allDedicatedServingCost > 0 ? 1 - T.servingCost / T.allDedicatedServingCost : 0;
    k["serving.cacheHitRatio"] = requests > 0 ? 1 - misses / requests : 1;
    k["serving.coldLoads"] = coldLoads;
    k["serving.modelsPerPod"] = modelsPerPodHours / poolHours;
    k["serving.p95LatencyMs"] = latencyN > 0 ? latencyW / latencyN : 0;
    k["serving.overloadedHours"] = overloaded;
    k["serving.models"] = this.#serving.modelCount;
    // tiers
    k["tiers.cost"] = T.tierFees;
    k["tiers.referenceCost"] = T.referenceFees;
    k["tiers.savingVsSingleTier"] = T.referenceFees > 0 ? 1 - T.tierFees / T.referenceFees : 0;
    let modelMonths = 0;
    for (const tier of TIER_NAMES) modelMonths += T.tierModelMonths[tier];
    let breaches = 0;
    const samples: Record<string, number[]> = { jobWaitHours: waits };
    for (const tier of TIER_NAMES) {
      const n = T.tierModelMonths[tier];
      k[`tierCost.${tier}`] = T.tierFeesByTier[tier];
      k[`tiers.share.${tier}`] = modelMonths > 0 ? n / modelMonths : 0;
      const live = this.#tiers.liveDays[tier];
      k[`tiers.availability.${tier}`] = live > 0 ? 1 - this.#tiers.downDays[tier] / live : 1;
      k[`tiers.breaches.${tier}`] = T.tierBreaches[tier];
      k[`tiers.breachRate.${tier}`] = n > 0 ? T.tierBreaches[tier] / n : 0;
      k[`tiers.outages.${tier}`] = this.#tiers.outageCount[tier];
      k[`tiers.dataLostHoursMean.${tier}`] = mean(this.#tiers.dataLostHours[tier]);
      breaches += T.tierBreaches[tier];
      samples[`tierAvailability.${tier}`] = T.tierUptimes[tier];
      samples[`dataLostHours.${tier}`] = this.#tiers.dataLostHours[tier];
    }
    k["tiers.breaches"] = breaches;
    // chargeback
    k["chargeback.sharedCost"] = T.sharedPlatformCost;
    k["chargeback.fixedCosts"] = T.fixedCosts;
    k["chargeback.centsMismatches"] = T.centsMismatches;
    if (this.#config.chargeback.compareDedicated) {
      k["chargeback.dedicatedCost"] = T.dedicatedPlatformCost;
      k["chargeback.savingVsDedicated"] =
        T.dedicatedPlatformCost > 0 ? 1 - T.sharedPlatformCost / T.dedicatedPlatformCost : 0;
      const dedicatedWaits: number[] = [];
      for (const tc of this.#tenantClusters.values()) dedicatedWaits.push(...tc.cluster.waitHours);
      k["chargeback.dedicatedJobWaitP95Hours"] = quantile(dedicatedWaits, 0.95);
      k["chargeback.dedicatedComputeCost"] = T.dedicatedComputeCost;
      k["chargeback.dedicatedServingCost"] = T.dedicatedServingCost;
      // compute and serving only: what sharing the pools saves before any fixed cost is counted
      k["chargeback.infraSavingVsDedicated"] =
        T.dedicatedInfraCost > 0 ? 1 - T.sharedInfraCost / T.dedicatedInfraCost : 0;
    }
    for (const [tenant, cost] of T.tenantCost) k[`chargeback.tenantCost.${tenant}`] = cost;
    k["chargeback.tenants"] = this.#tenants.size;
    return { kpis: k, samples };
  }

  /** Month-by-month series recorded by `closeMonth` (for standalone runs and tests). */
  get series(): Readonly<Record<string, number[]>> {
    return this.#monthSeries;
  }
}

/** Mean of `xs`, 0 when empty (a KPI with no data reads as zero, as before). */
function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : meanSimple(xs as number[]);
}

/** Quantile `q` of `xs` (Hyndman & Fan type 7, simple-statistics), 0 when empty. */
function quantile(xs: readonly number[], q: number): number {
  return xs.length === 0
    ? 0
    : quantileSorted(
        [...xs].sort((a, b) => a - b),
        q,
      );
}
