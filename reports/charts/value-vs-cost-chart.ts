/**
 * Cumulative value against cumulative cost (fan chart of both); where the value line crosses the cost line the
 * portfolio has paid back (MODEL.md section 6).
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { RESOURCE_COLOURS } from "../chart-theme.ts";
import { type FanSeries, fanChart } from "../fan-chart.ts";
import { findSeries } from "../metric-names.ts";

/** Value-against-cost chart; undefined unless both cumulative series are present. */
export function buildValueVsCostChart(summary: RunSummary): ChartSpec | undefined {
  const value = findSeries(summary, "cumulativeValue");
  const cost = findSeries(summary, "cumulativeCost");
  if (value === undefined || cost === undefined) return undefined;
  const items: FanSeries[] = [
    { label: "Cumulative value", series: value },
    { label: "Cumulative cost", series: cost },
  ];
  const title = "Cumulative value against cumulative cost";
  return {
    id: "value-vs-cost",
    title,
    guide:
      "Medians with P10–P90 bands; the portfolio has paid back from the month the value line rises above the cost line.",
    spec: fanChart({
      title,
      items,
      colours: [RESOURCE_COLOURS.value, RESOURCE_COLOURS.cost],
      yTitle: `Cumulative amount (${summary.meta.currency})`,
      kind: "money",
      months: summary.meta.horizonMonths,
    }),
  };
}
