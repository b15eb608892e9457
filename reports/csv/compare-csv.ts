/**
 * CSV files of a comparison: the paired differences, and every scenario's KPIs in one table.
 */
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import { scenarioLabels } from "../charts/scenario-labels.ts";
import { toCsv } from "./csv-format.ts";
import { KPI_CSV_HEADER, kpiCsvRow } from "./kpis-csv.ts";

/** Columns of differences.csv. */
export const DIFFERENCES_CSV_HEADER = [
  "name",
  "label",
  "unit",
  "better",
  "baseline",
  "alternative",
  "n",
  "meanBaseline",
  "meanAlternative",
  "meanDifference",
  "ciLow",
  "ciHigh",
  "probabilityBetter",
] as const;

/** differences.csv: one line per KPI and alternative, in the summary's order. */
export function buildDifferencesCsv(summary: CompareSummary): string {
  return toCsv(
    DIFFERENCES_CSV_HEADER,
    summary.differences.map((d) => [
      d.name,
      d.label,
      d.unit,
      d.better,
      d.baseline,
      d.alternative,
      d.n,
      d.meanBaseline,
      d.meanAlternative,
      d.meanDifference,
      d.ciLow,
      d.ciHigh,
      d.probabilityBetter,
    ]),
  );
}

/** kpis.csv of a comparison: a `scenario` column, then the run kpis.csv columns. */
export function buildCompareKpisCsv(summary: CompareSummary): string {
  const labels = scenarioLabels(summary);
  const rows = summary.scenarios.flatMap((run, i) =>
    Object.keys(run.kpis)
      .sort()
      .map((n) => [labels[i]!, ...kpiCsvRow(run.kpis[n]!)]),
  );
  return toCsv(["scenario", ...KPI_CSV_HEADER], rows);
}
