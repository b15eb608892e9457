/**
 * series.csv: monthly series of a run in long format, one line per (series, month).
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import { SUMMARY_STATISTIC_COLUMNS, toCsv } from "./csv-format.ts";

/** Columns of series.csv. */
export const SERIES_CSV_HEADER = ["series", "label", "unit", "month", ...SUMMARY_STATISTIC_COLUMNS] as const;

/** series.csv of a run, series sorted by name, months in order. */
export function buildSeriesCsv(summary: RunSummary): string {
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
  return toCsv(SERIES_CSV_HEADER, rows);
}
