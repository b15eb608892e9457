/**
 * series.csv: monthly series of a run in long format, one line per (series, month).
 */
import type { CompareSummary, RunSummary } from "../../src/montecarlo/types.ts";
import { scenarioLabels } from "../charts/scenario-labels.ts";
import { SUMMARY_STATISTIC_COLUMNS, toCsv } from "./csv-format.ts";

/** Columns of series.csv. */
export const SERIES_CSV_HEADER = ["series", "label", "unit", "month", ...SUMMARY_STATISTIC_COLUMNS] as const;

/** series.csv of a run, series sorted by name, months in order. */
export function buildSeriesCsv(summary: RunSummary): string {
  return toCsv(SERIES_CSV_HEADER, seriesRows(summary));
}

/** series.csv of a comparison: a `scenario` column, then the run series.csv columns, scenario by scenario. */
export function buildCompareSeriesCsv(summary: CompareSummary): string {
  const labels = scenarioLabels(summary);
  const rows = summary.scenarios.flatMap((run, i) => seriesRows(run).map((row) => [labels[i]!, ...row]));
  return toCsv(["scenario", ...SERIES_CSV_HEADER], rows);
}

function seriesRows(summary: RunSummary): Array<Array<string | number | undefined>> {
  const rows: Array<Array<string | number | undefined>> = [];
  for (const name of Object.keys(summary.series).sort()) {
    const s = summary.series[name]!;
    for (let m = 0; m < s.months; m++) {
      rows.push([
        s.name,
        s.label,
        s.unit,
        m,
        s.n,
        s.mean[m],
        s.sd[m],
        s.ciLow[m],
        s.ciHigh[m],
        s.p5[m],
        s.p10[m],
        s.p25[m],
        s.p50[m],
        s.p75[m],
        s.p90[m],
        s.p95[m],
        s.min[m],
        s.max[m],
      ]);
    }
  }
  return rows;
}
