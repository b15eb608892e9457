/**
 * Projects delivered over time, scenarios overlaid (median line and P10-P90 band each).
 */
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL } from "../chart-theme.ts";
import { fanChart } from "../fan-chart.ts";
import { findSeries } from "../metric-names.ts";
import { scenarioLabels } from "./scenario-labels.ts";

/** Overlaid delivery fan chart; undefined unless every scenario has `deliveredCumulative`. */
export function buildCompareDeliveredChart(summary: CompareSummary): ChartSpec | undefined {
  const runs = summary.scenarios;
  if (runs.length < 2 || !runs.every((r) => findSeries(r, "deliveredCumulative") !== undefined))
    return undefined;
  const labels = scenarioLabels(summary);
  const title = "Projects delivered over time by scenario";
  return {
    id: "compare-delivered",
    title,
    guide:
      "Median cumulative deliveries per scenario with P10–P90 bands; where bands separate, the difference is robust.",
    spec: fanChart({
      title,
      items: runs.map((r, i) => ({ label: labels[i]!, series: findSeries(r, "deliveredCumulative")! })),
      colours: labels.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]!),
      yTitle: "Projects delivered",
      kind: "number",
      months: Math.max(...runs.map((r) => r.meta.horizonMonths)),
    }),
  };
}
