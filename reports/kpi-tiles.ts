/**
 * KPI tiles: the headline numbers of a run as median with the P10-P90 range (80% of replications fall inside).
 */
import type { KpiSummary, RunSummary } from "../src/montecarlo/types.ts";
import { metricLabel } from "./metric-label.ts";
import { headlineKpis } from "./metric-names.ts";
import { formatMetric, formatMetricParts } from "./number-format.ts";

/** One tile: the KPI, its numbers, and the same numbers as text. */
export interface KpiTile {
  name: string;
  label: string;
  unit: string;
  p10: number;
  p50: number;
  p90: number;
  /** Formatted median, e.g. `$12.4M`, `23.3` (with unit `projects/year` in p50Unit). */
  p50Text: string;
  /** Unit shown after the median for plain counts, else empty. */
  p50Unit: string;
  /** Formatted range, e.g. `$10.1M – $14.9M`. */
  rangeText: string;
}

/** At most this many tiles. */
export const MAX_TILES = 8;

/** Tile of one KPI summary. */
export function kpiTile(kpi: KpiSummary, currency: string): KpiTile {
  const f = (v: number): string => formatMetric(v, kpi.unit, currency, kpi.name);
  const median = formatMetricParts(kpi.p50, kpi.unit, currency, kpi.name);
  return {
    name: kpi.name,
    label: metricLabel(kpi),
    unit: kpi.unit,
    p10: kpi.p10,
    p50: kpi.p50,
    p90: kpi.p90,
    p50Text: median.text,
    p50Unit: median.suffix,
    rangeText:
      median.suffix === ""
        ? `${f(kpi.p10)} – ${f(kpi.p90)}`
        : `${formatMetricParts(kpi.p10, kpi.unit, currency, kpi.name).text} – ${formatMetricParts(kpi.p90, kpi.unit, currency, kpi.name).text} ${median.suffix}`,
  };
}

/**
 * Tiles of the headline KPIs present in the summary (HEADLINE_KPIS order, or PLATFORM_HEADLINE_KPIS for a
 * scenario that delivers nothing; at most MAX_TILES); when none is present, the first unprefixed KPIs instead.
 */
export function buildKpiTiles(summary: RunSummary): KpiTile[] {
  const currency = summary.meta.currency;
  let names: string[] = headlineKpis(summary).filter((n) => summary.kpis[n] !== undefined);
  if (names.length === 0) names = Object.keys(summary.kpis).filter((n) => !n.includes("."));
  return names.slice(0, MAX_TILES).map((n) => kpiTile(summary.kpis[n]!, currency));
}
