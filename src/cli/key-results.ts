/**
 * The short table of key results printed after a run (what a steering committee asks first): delivered projects,
 * time to market, success rate, ROI, NPV and cost per delivered project, each with its mean, median and the
 * P10-P90 range across replications; for a scenario that delivers nothing (a platform on its own), the platform's
 * headline KPIs instead. KPIs absent from a summary are skipped. Below it, the delivery targets: the month each is
 * reached at P50 and P80.
 */
import { deliveryTargets, targetCells, targetHeader } from "../../reports/delivery-targets.ts";
import { deliversProjects, PLATFORM_HEADLINE_KPIS } from "../../reports/metric-names.ts";
import { formatMetricParts } from "../../reports/number-format.ts";
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

/** The KPI names of the key results of `summary`: {@link KEY_RESULT_KPIS}, or the platform's without delivery. */
export function keyResultNames(summary: RunSummary): readonly string[] {
  return deliversProjects(summary) ? KEY_RESULT_KPIS : PLATFORM_HEADLINE_KPIS;
}

/** The key results present in `summary`, in {@link keyResultNames} order. */
export function keyResults(summary: RunSummary): KeyResult[] {
  return keyResultNames(summary)
    .map((name) => summary.kpis[name])
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
 * // financial-services: 200 replications, seed 20260101
 * //   KPI                  mean    P50     P10 - P90
 * //   Projects delivered   219.2   219.5   208 - 231.1   projects
 */
export function renderKeyResults(summary: RunSummary): string {
  const currency = summary.meta.currency;
  const rows = keyResults(summary).map((kpi) => {
    const part = (value: number) => formatMetricParts(value, kpi.unit, currency, kpi.name);
    return [
      kpi.label,
      part(kpi.mean).text,
      part(kpi.p50).text,
      `${part(kpi.p10).text} - ${part(kpi.p90).text}`,
      part(kpi.mean).suffix,
    ];
  });
  const title = `${summary.meta.scenarioName}: ${summary.replications} replications, seed ${summary.seed}`;
  const lines = [title, ...alignedTable(["KPI", "mean", "P50", "P10 - P90", ""], rows)];
  const targets = deliveryTargets(summary);
  if (targets.length > 0) {
    const horizon = summary.meta.horizonMonths;
    lines.push(
      "Delivery targets (month counted from 0; P80: reached in 80% of futures)",
      ...alignedTable(
        targetHeader(horizon),
        targets.map((t) => targetCells(t, horizon)),
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Rows of cells as aligned plain-text lines, header first, indented by two spaces. */
export function alignedTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join("   ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
