/**
 * Every metric name the reports read from a summary, in one place, so that they can be aligned with the model
 * (src/model/result.ts naming convention: flat maps, prefixed names such as `tenantCost.<tenant>`).
 */

/** Monthly series read by the run charts. */
export const SERIES = {
  deliveredCumulative: "deliveredCumulative",
  hubUtilisation: "hubUtilisation",
  spokeUtilisation: "spokeUtilisation",
  clusterUtilisation: "clusterUtilisation",
  maturityLevel: "maturityLevel",
  valueCumulative: "valueCumulative",
  costCumulative: "costCumulative",
  clusterNodes: "clusterNodes",
  clusterDemand: "clusterDemand",
  servingPods: "servingPods",
  cacheHitRatio: "cacheHitRatio",
} as const;

/** Cost categories of the ledger in display order (mirrors COST_CATEGORIES of src/model/ledger.ts). */
export const COST_CATEGORIES = ["people", "compute", "serving", "tiers", "platform", "investment"] as const;

/** Name of the monthly cost series of one category, e.g. `cost.people`. */
export function costSeriesName(category: string): string {
  return `cost.${category}`;
}

/** Pooled samples read by the run charts. */
export const SAMPLES = {
  timeToMarketDays: "timeToMarketDays",
  roi: "roi",
} as const;

/** Scalar KPIs read by name. */
export const KPIS = {
  roi: "roi",
  mixAlerts: "mixAlerts",
} as const;

/** Prefixes of KPI families. */
export const KPI_PREFIXES = {
  level: "level.",
  tierCost: "tierCost.",
  tierAvailability: "tierAvailability.",
  tenantCost: "tenantCost.",
} as const;

/** Prefix of the portfolio-mix series `mix.<dimension>.<bucket>`. */
export const MIX_SERIES_PREFIX = "mix.";

/**
 * Headline KPIs shown as tiles at the top of a run report and compared first in a comparison, in order.
 * Names absent from a summary are skipped.
 */
export const HEADLINE_KPIS = [
  "deliveredPerYear",
  "deliveredTotal",
  "activeProjects",
  "timeToMarketDays",
  "successRate",
  "costTotal",
  "valueTotal",
  "roi",
  "npv",
  "costPerDelivered",
  "slaAttainment",
  "retrainingCompliance",
] as const;

/** Preferred KPIs for sweep charts, in order; the first present in the sweep is the primary one. */
export const SWEEP_PRIMARY_KPIS = [
  "deliveredPerYear",
  "roi",
  "npv",
  "timeToMarketDays",
  "costTotal",
] as const;

/** Guide's Pattern 6 SLA targets (percent uptime) for the default tier names; Bronze is best effort. */
export const DEFAULT_SLA_TARGETS: Readonly<Record<string, number>> = {
  Silver: 99.5,
  Gold: 99.9,
  Platinum: 99.99,
};

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
