/**
 * Every metric name the reports read from a summary, in one place, so that they can be aligned with the model
 * (src/model/result.ts naming convention: flat maps, prefixed names such as `tenantCost.<tenant>`). Where the
 * model and the report contract have used different names, each entry lists the candidates, first match wins.
 */
import type { KpiSummary, RunSummary, SampleSummary, SeriesSummary } from "../src/montecarlo/types.ts";

/** Candidate names of one metric, in order of preference. */
export type MetricNames = readonly string[];

/** Monthly series read by the run charts. */
export const SERIES = {
  deliveredCumulative: ["deliveredCumulative"],
  hubUtilisation: ["hubUtilisation"],
  spokeUtilisation: ["spokeUtilisation"],
  clusterUtilisation: ["clusterUtilisation"],
  maturityLevel: ["maturityLevel"],
  valueCumulative: ["cumulativeValue", "valueCumulative"],
  costCumulative: ["cumulativeCost", "costCumulative"],
  clusterNodes: ["clusterNodes"],
  clusterDemand: ["clusterDemand", "clusterBusyNodes"],
  servingPods: ["servingPods"],
  cacheHitRatio: ["cacheHitRatio"],
  balanceAlerts: ["balanceAlerts", "mixAlerts"],
  mixDeviationPoints: ["mixDeviationPoints"],
} as const satisfies Record<string, MetricNames>;

/** Cost categories of the ledger in display order (mirrors COST_CATEGORIES of src/model/ledger.ts). */
export const COST_CATEGORIES = ["people", "compute", "serving", "tiers", "platform", "investment"] as const;

/** Name of the monthly cost series of one category, e.g. `cost.people`. */
export function costSeriesName(category: string): string {
  return `cost.${category}`;
}

/** Pooled samples read by the run charts. */
export const SAMPLES = {
  timeToMarketDays: ["timeToMarketDays"],
} as const satisfies Record<string, MetricNames>;

/** Scalar KPIs read by name. */
export const KPIS = {
  roi: ["roi"],
  mixAlerts: ["balanceAlerts", "mixAlerts"],
} as const satisfies Record<string, MetricNames>;

/** Prefixes of KPI families (candidates, first prefix with any match wins). */
export const KPI_PREFIXES = {
  level: ["level."],
  tierCost: ["tierCost."],
  tierAvailability: ["tierAvailability.", "tiers.availability."],
  tenantCost: ["tenantCost."],
} as const satisfies Record<string, MetricNames>;

/** Tenant name the model uses for idle capacity left unallocated by chargeback, and how it is shown. */
export const IDLE_TENANT = { name: "__idle__", label: "Idle capacity" } as const;

/** Prefix of the portfolio-mix series `mix.<dimension>.<bucket>`. */
export const MIX_SERIES_PREFIX = "mix.";

/**
 * Headline KPIs shown as tiles at the top of a run report and compared first in a comparison, in order.
 * Names absent from a summary are skipped.
 */
export const HEADLINE_KPIS = [
  "deliveredPerYear",
  "delivered",
  "activeProjects",
  "timeToMarketDays",
  "successRate",
  "cost.total",
  "costTotal",
  "value",
  "valueTotal",
  "roi",
  "npv",
  "costPerDelivered",
  "slaAttainment",
  "retrainingCompliance",
] as const;

/** KPIs broken down per maturity level that the level chart shows first, in order (at most MAX_LEVEL_PANELS). */
export const LEVEL_KPIS = [
  "deliveredPerYear",
  "timeToMarketDays",
  "successRate",
  "costPerDelivered",
  "roi",
  "activeProjects",
  "hubUtilisation",
  "costEfficiencyVsLevel1",
] as const;

/** Most panels in the per-level chart. */
export const MAX_LEVEL_PANELS = 8;

/** Preferred KPIs for sweep charts, in order; the first present in the sweep is the primary one. */
export const SWEEP_PRIMARY_KPIS = [
  "deliveredPerYear",
  "roi",
  "npv",
  "timeToMarketDays",
  "cost.total",
  "costTotal",
] as const;

/** Guide's Pattern 6 SLA targets (percent uptime) for the default tier names; Bronze is best effort. */
export const DEFAULT_SLA_TARGETS: Readonly<Record<string, number>> = {
  Silver: 99.5,
  Gold: 99.9,
  Platinum: 99.99,
};

/** The first series of a summary found under one of the candidate names. */
export function findSeries(summary: RunSummary, names: MetricNames): SeriesSummary | undefined {
  for (const n of names) {
    const s = summary.series[n];
    if (s !== undefined) return s;
  }
  return undefined;
}

/** The first KPI of a summary found under one of the candidate names. */
export function findKpi(
  kpis: Readonly<Record<string, KpiSummary>>,
  names: MetricNames,
): KpiSummary | undefined {
  for (const n of names) {
    const k = kpis[n];
    if (k !== undefined) return k;
  }
  return undefined;
}

/**
 * KPIs of a prefixed family keyed by suffix (`tenantCost.retail` -> `retail`), from the first candidate prefix
 * that matches anything.
 */
export function kpiFamily(
  kpis: Readonly<Record<string, KpiSummary>>,
  prefixes: MetricNames,
): Map<string, KpiSummary> {
  for (const prefix of prefixes) {
    const found = new Map<string, KpiSummary>();
    for (const [name, kpi] of Object.entries(kpis)) {
      const suffix = nameSuffix(name, prefix);
      if (suffix !== undefined) found.set(suffix, kpi);
    }
    if (found.size > 0) return found;
  }
  return new Map();
}

/** Split `level.<n>.<kpi>` into its level and KPI; undefined for other names. */
export function parseLevelKpi(name: string): { level: number; kpi: string } | undefined {
  const match = /^level\.(\d+)\.(.+)$/.exec(name);
  if (match === null) return undefined;
  return { level: Number(match[1]), kpi: match[2]! };
}

/** Split `mix.<dimension>.<bucket>` into its dimension and bucket; undefined for other names. */
export function parseMixSeries(name: string): { dimension: string; bucket: string } | undefined {
  if (!name.startsWith(MIX_SERIES_PREFIX)) return undefined;
  const rest = name.slice(MIX_SERIES_PREFIX.length);
  const dot = rest.indexOf(".");
  if (dot <= 0 || dot === rest.length - 1) return undefined;
  return { dimension: rest.slice(0, dot), bucket: rest.slice(dot + 1) };
}

/** The suffix of a prefixed name (`tenantCost.retail` -> `retail`), or undefined when the prefix differs. */
export function nameSuffix(name: string, prefix: string): string | undefined {
  return name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : undefined;
}

/** The first sample found under one of the candidate names. */
export function findSample(
  samples: Readonly<Record<string, SampleSummary>>,
  names: MetricNames,
): SampleSummary | undefined {
  for (const n of names) {
    const s = samples[n];
    if (s !== undefined) return s;
  }
  return undefined;
}
