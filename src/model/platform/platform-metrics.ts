/**
 * Every name the platform emits, declared once with its one-line meaning: the monthly series `closeMonth`
 * returns, the end-of-run KPIs and the pooled samples `finish` returns. The month-close parts write through
 * the types below, so a name that is not declared here does not compile. `<tier>` stands for each of
 * TIER_NAMES, `<tenant>` for each tenant.
 */
import type { TierName } from "./service-tiers.ts";

/** Monthly series (one value per month, from `closeMonth`), in the order they are emitted. */
export const PLATFORM_SERIES = {
  clusterNodes: "mean nodes allocated over the month, all shared clusters",
  clusterBusyNodes: "mean busy nodes over the month, all shared clusters",
  clusterUtilisation: "busy / allocated node-days of the month (0 with no nodes)",
  clusterQueueLength: "mean jobs waiting over the month, all shared clusters",
  servingPods: "mean serving pods over the month (multi-model pool and dedicated deployments)",
  cacheHitRatio: "share of the month's requests that found their model loaded (1 with no requests)",
  modelsPerPod: "mean models loaded per pool pod over the month",
  servingP95LatencyMs: "request-weighted p95 latency of the month's unsaturated steps, ms (0 with none)",
  slaAttainment: "share of the month's models on a tier with an SLA that met it (1 with none)",
  availability: "mean uptime of the month's live models (1 with none)",
  platformCost: "shared platform cost of the month: compute, serving and fixed costs (tier fees excluded)",
} as const;

/** End-of-run KPIs, in the order they are emitted (groups: cluster, serving, tiers, chargeback). */
export const PLATFORM_KPIS = {
  "cluster.nodeHours": "node-hours allocated on the shared clusters (the billed quantity)",
  "cluster.cost": "cost of the shared clusters after the low-priority discount",
  "cluster.listCost": "cost of the shared clusters at list price",
  "cluster.meanNodes": "mean nodes allocated over the run, all shared clusters",
  "cluster.peakNodes":
    "most nodes one shared cluster had allocated at once (observed peak, not the configured maxNodes)",
  "cluster.utilisation": "busy / allocated node-days over the run",
  "cluster.meanQueueLength": "mean jobs waiting over the run",
  "cluster.jobsCompleted": "jobs that ran to completion",
  "cluster.evictions": "low-priority node evictions",
  "cluster.jobWaitMeanHours": "mean queue wait before a job's first start, hours (0 with no job)",
  "cluster.jobWaitP50Hours": "median queue wait before a job's first start, hours (0 with no job)",
  "cluster.jobWaitP95Hours":
    "95th percentile of the queue wait before a job's first start, hours (0 with no job)",
  "cluster.residencyFallbacks": "jobs whose region had no cluster and ran on the default region's",
  "cluster.fixed.cost": "cost of the fixed-size comparison clusters on the same jobs",
  "cluster.fixed.utilisation": "busy / allocated node-days of the fixed-size comparison clusters",
  "cluster.fixed.jobWaitP95Hours": "95th percentile job wait on the fixed-size comparison clusters, hours",
  "cluster.costSavingVsFixed": "1 - cluster cost / fixed-size cluster cost",
  "cluster.listCostSavingVsFixed": "1 - cluster list cost / fixed-size cluster cost (autoscaling alone)",
  "serving.podHours": "pod-hours of the serving platform (pool and dedicated deployments)",
  "serving.meanPods": "mean serving pods over the run",
  "serving.maxPoolPods": "most pods the multi-model pool had at once (observed peak)",
  "serving.cost": "cost of the serving platform (pool and dedicated deployments)",
  "serving.dedicatedCost": "cost of serving every model on its own deployment (the comparison)",
  "serving.savingVsDedicated": "1 - serving cost / all-dedicated serving cost",
  "serving.cacheHitRatio": "share of requests that found their model loaded (1 with no requests)",
  "serving.coldLoads": "models loaded on demand",
  "serving.modelsPerPod": "mean models loaded per pool pod over the run",
  "serving.p95LatencyMs": "request-weighted p95 latency of unsaturated steps, ms (0 with none)",
  "serving.overloadedHours": "hours the pool was saturated (left out of the latency)",
  "serving.models": "models served at the end of the run",
  "tiers.cost": "tier fees",
  "tiers.referenceCost": "tier fees had every model been on the reference tier",
  "tiers.savingVsSingleTier": "1 - tier fees / reference-tier fees",
  "tierCost.<tier>": "fees of the tier",
  "tiers.share.<tier>": "share of model-months on the tier",
  "tiers.availability.<tier>": "uptime of the tier's models over their live time (1 with none)",
  "tiers.breaches.<tier>": "model-months that breached the tier's SLA",
  "tiers.breachRate.<tier>": "breaches per model-month on the tier",
  "tiers.outages.<tier>": "outages of the tier's models",
  "tiers.dataLostHoursMean.<tier>": "mean hours of data lost per outage on the tier (0 with no outage)",
  "tiers.breaches": "SLA breaches, all tiers",
  "chargeback.sharedCost": "shared platform cost charged back: compute, serving and fixed costs",
  "chargeback.fixedCosts": "fixed shared costs",
  "chargeback.centsMismatches": "months where a pool's cents did not add up to its cost (0 when exact)",
  "chargeback.dedicatedCost": "cost of one dedicated platform per tenant (the comparison)",
  "chargeback.savingVsDedicated": "1 - shared cost / dedicated platforms' cost",
  "chargeback.dedicatedJobWaitP95Hours": "95th percentile job wait on the tenants' own clusters, hours",
  "chargeback.dedicatedComputeCost": "compute cost of the tenants' own clusters",
  "chargeback.dedicatedServingCost": "serving cost of the tenants' own serving pools",
  "chargeback.infraSavingVsDedicated": "1 - shared / dedicated compute and serving cost (no fixed costs)",
  "chargeback.tenantCost.<tenant>": "platform cost charged to the tenant (compute, serving, tiers, fixed)",
  "chargeback.tenants": "tenants of the platform",
} as const;

/** Pooled samples (one value per job, model-month or outage). */
export const PLATFORM_SAMPLES = {
  jobWaitHours: "queue wait before each job's first start on the shared clusters, hours",
  "tierAvailability.<tier>": "uptime of each model-month on the tier",
  "dataLostHours.<tier>": "hours of data lost by each outage on the tier",
} as const;

/** A declared name with its placeholders filled in. */
type Filled<N extends string> = N extends `${infer A}<tier>${infer B}`
  ? `${A}${TierName}${B}`
  : N extends `${infer A}<tenant>${infer B}`
    ? `${A}${string}${B}`
    : N;

/** A monthly series name. */
export type PlatformSeriesName = keyof typeof PLATFORM_SERIES;
/** One month's series values. */
export type PlatformMonthSeries = Partial<Record<PlatformSeriesName, number>>;
/** A KPI name. */
export type PlatformKpiName = Filled<keyof typeof PLATFORM_KPIS>;
/** End-of-run KPI values. */
export type PlatformKpis = Partial<Record<PlatformKpiName, number>>;
/** A sample name. */
export type PlatformSampleName = Filled<keyof typeof PLATFORM_SAMPLES>;
/** End-of-run pooled samples. */
export type PlatformSamples = Partial<Record<PlatformSampleName, number[]>>;
