/**
 * The short table of key results printed after a run (what a steering committee asks first): delivered projects,
 * time to market, success rate, ROI, NPV and cost per delivered project, each with its mean, median and the
 * P10-P90 range across replications. KPIs absent from a summary are skipped.
 */
import { formatMetric } from "../../reports/number-format.ts";
import type { KpiSummary, RunSummary } from "../montecarlo/types.ts";

/** KPI names of the key results table, in display order. */
export const KEY_RESULT_KPIS = [
  "delivered",
  "deliveredPerYear",
  "timeToMarketDays",
  "successRate",
  "roi",
  "npv",
  "costPerDelivered",
] as const;

/** One row of the key results: the KPI summary figures as numbers, for `--json`. */
export interface KeyResult {
  name: string;
  label: string;
  unit: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
  p10: number;
  p50: number;
  p90: number;
}

/** The key results present in `summary`, in {@link KEY_RESULT_KPIS} order. */
export function keyResults(summary: RunSummary): KeyResult[] {
  return KEY_RESULT_KPIS.map((name) => summary.kpis[name])
    .filter((kpi): kpi is KpiSummary => kpi !== undefined)
    .map((kpi) => ({
      name: kpi.name,
      label: kpi.label,
      unit: kpi.unit,
      mean: kpi.mean,
      ciLow: kpi.ciLow,
      ciHigh: kpi.ciHigh,
      p10: kpi.p10,
      p50: kpi.p50,
      p90: kpi.p90,
    }));
}

/**
 * Renders the key results of `summary` as an aligned plain-text table with a title line, ending with a newline.
 * @example
 * renderKeyResults(summary)
 * // Financial services: 200 replications, seed 20260101
 * //   KPI                 mean      P50       P10 - P90
 * //   Delivered projects  48.2      48        41 - 55
 */
export function renderKeyResults(summary: RunSummary): string {
  const currency = summary.meta.currency;
  const show = (kpi: KeyResult, value: number) => formatMetric(value, kpi.unit, currency, kpi.name);
  const rows = keyResults(summary).map((kpi) => [
    kpi.label,
    show(kpi, kpi.mean),
    show(kpi, kpi.p50),
    `${show(kpi, kpi.p10)} - ${show(kpi, kpi.p90)}`,
  ]);
  const header = ["KPI", "mean", "P50", "P10 - P90"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join("   ")}`;
  const title = `${summary.meta.scenarioName}: ${summary.replications} replications, seed ${summary.seed}`;
  return `${[title, line(header), ...rows.map(line)].join("\n")}\n`;
}
