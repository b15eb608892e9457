/**
 * Which of the model's metrics the reports show, named as the model emits them: every name is typed against
 * the model's metric catalogue (src/model/metrics.ts), so a renamed metric fails to compile here instead of
 * silently dropping a chart. Name parts (tenants, tiers, levels) are read with the catalogue's patterns.
 */
import {
  IDLE_TENANT_LABEL,
  IDLE_TENANT as IDLE_TENANT_NAME,
  type KpiName,
  type LEVEL_BREAKDOWN,
  type MetricKey,
  metricFamily,
  parseMetricName,
  type SampleName,
  type SeriesName,
} from "../src/model/metrics.ts";
import type { KpiSummary, RunSummary, SampleSummary, SeriesSummary } from "../src/montecarlo/types.ts";

/** The series `name` of a summary, if the run produced it. */
export function findSeries(summary: RunSummary, name: SeriesName): SeriesSummary | undefined {
  return summary.series[name];
}

/** The KPI `name`, if present. */
export function findKpi(kpis: Readonly<Record<string, KpiSummary>>, name: KpiName): KpiSummary | undefined {
  return kpis[name];
}

/** The pooled sample `name`, if present. */
export function findSample(
  samples: Readonly<Record<string, SampleSummary>>,
  name: SampleName,
): SampleSummary | undefined {
  return samples[name];
}

/** Catalogue patterns of the KPI families the reports chart. */
export const KPI_PREFIXES = {
  tenantCost: "tenantCost.<tenant>",
  tierCost: "tierCost.<tier>",
  tierAvailability: "tiers.availability.<tier>",
} as const satisfies Record<string, MetricKey>;

/** Catalogue pattern of the monthly cost series of one ledger category (`cost.people`). */
export const COST_SERIES: MetricKey = "cost.<category>";

/**
 * KPIs of a catalogue pattern keyed by its parameter (`tenantCost.retail` -> `retail`), in the summary's order.
 */
export function kpiFamily(
  kpis: Readonly<Record<string, KpiSummary>>,
  pattern: MetricKey,
): Map<string, KpiSummary> {
  const family = new Map<string, KpiSummary>();
  for (const [key, name] of metricFamily(Object.keys(kpis), pattern)) family.set(key, kpis[name]!);
  return family;
}

/** Series of a catalogue pattern keyed by its parameter (`cost.people` -> `people`), in the summary's order. */
export function seriesFamily(summary: RunSummary, pattern: MetricKey): Map<string, SeriesSummary> {
  const family = new Map<string, SeriesSummary>();
  for (const [key, name] of metricFamily(Object.keys(summary.series), pattern))
    family.set(key, summary.series[name]!);
  return family;
}

/** Tenant chargeback charges with unused capacity, and how it is shown. */
export const IDLE_TENANT = { name: IDLE_TENANT_NAME, label: IDLE_TENANT_LABEL } as const;

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
  "value",
  "roi",
  "npv",
  "costPerDelivered",
  "retrainingCompliance",
] as const satisfies readonly KpiName[];

/**
 * Headline KPIs of a scenario without delivery (a platform on its own: no idea ever arrives), shown as tiles and
 * in the terminal table instead of the delivery KPIs, in order. Names absent from a summary are skipped.
 */
export const PLATFORM_HEADLINE_KPIS = [
  "cost.total",
  "cluster.utilisation",
  "cluster.costSavingVsFixed",
  "cluster.jobWaitP95Hours",
  "serving.savingVsDedicated",
  "serving.p95LatencyMs",
  "tiers.savingVsSingleTier",
  "chargeback.savingVsDedicated",
] as const satisfies readonly KpiName[];

/**
 * True when the scenario delivers projects: some idea arrived in some replication (the `ideas` KPI; a summary
 * without it is taken to deliver, as before this check existed). A platform-only scenario has none.
 */
export function deliversProjects(summary: RunSummary): boolean {
  const ideas = findKpi(summary.kpis, "ideas");
  return ideas === undefined || ideas.max > 0;
}

/** The headline KPIs of `summary`: the delivery ones, or the platform's when it delivers nothing. */
export function headlineKpis(summary: RunSummary): readonly KpiName[] {
  return deliversProjects(summary) ? HEADLINE_KPIS : PLATFORM_HEADLINE_KPIS;
}

/**
 * Number of tenants of a run: the business units' tenants, or the tenants sharing the platform
 * (`chargeback.tenants`, which counts tenants listed under the platform and those met through jobs) when more.
 */
export function tenantCount(summary: RunSummary): number {
  const platform = findKpi(summary.kpis, "chargeback.tenants");
  const shared = platform === undefined || !Number.isFinite(platform.max) ? 0 : Math.round(platform.max);
  return Math.max(summary.meta.tenants.length, shared);
}

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
] as const satisfies readonly (typeof LEVEL_BREAKDOWN)[number][];

/** Most panels in the per-level chart. */
export const MAX_LEVEL_PANELS = 8;

/** Preferred KPIs for sweep charts, in order; the first present in the sweep is the primary one. */
export const SWEEP_PRIMARY_KPIS = [
  "deliveredPerYear",
  "roi",
  "npv",
  "timeToMarketDays",
  "cost.total",
] as const satisfies readonly KpiName[];

/** Split a catalogued `level.<n>.<kpi>` into its level and KPI; undefined for other names. */
export function parseLevelKpi(name: string): { level: number; kpi: string } | undefined {
  const match = parseMetricName(name);
  if (match?.level === undefined) return undefined;
  return { level: match.level, kpi: name.slice(`level.${match.params.n}.`.length) };
}
