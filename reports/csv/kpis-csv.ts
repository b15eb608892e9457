/**
 * kpis.csv: one line per KPI of a run with its mean, 95% CI of the mean and percentiles.
 */
import type { KpiSummary, RunSummary } from "../../src/montecarlo/types.ts";
import { SUMMARY_STATISTIC_COLUMNS, toCsv } from "./csv-format.ts";

/** Columns of kpis.csv. */
export const KPI_CSV_HEADER = [
  "name",
  "label",
  "unit",
  "better",
  ...SUMMARY_STATISTIC_COLUMNS,
  "method",
] as const;

/** Fields of one KPI in KPI_CSV_HEADER order. */
export function kpiCsvRow(k: KpiSummary): Array<string | number | undefined> {
  return [
    k.name,
    k.label,
    k.unit,
    k.better,
    k.n,
    k.mean,
    k.sd,
    k.ciLow,
    k.ciHigh,
    k.p5,
    k.p10,
    k.p25,
    k.p50,
    k.p75,
    k.p90,
    k.p95,
    k.min,
    k.max,
    k.method,
  ];
}

/** kpis.csv of a run, KPIs sorted by name. */
export function buildKpisCsv(summary: RunSummary): string {
  const names = Object.keys(summary.kpis).sort();
  return toCsv(
    KPI_CSV_HEADER,
    names.map((n) => kpiCsvRow(summary.kpis[n]!)),
  );
}
