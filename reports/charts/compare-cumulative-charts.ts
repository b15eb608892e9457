/**
 * Cumulative cost and cumulative value over time, scenarios overlaid (median line and P10-P90 band each).
 */
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL } from "../chart-theme.ts";
import { fanChart } from "../fan-chart.ts";
import { findSeries } from "../metric-names.ts";
import { scenarioLabels } from "./scenario-labels.ts";

/** The two cumulative series compared, with their chart words. */
const CUMULATIVE = [
  {
    series: "cumulativeCost",
    id: "compare-cumulative-cost",
    title: "Cumulative cost by scenario",
    yTitle: "Cumulative cost",
    guide:
      "Median money spent since month 0 per scenario with P10–P90 bands; the gap between lines at the last month is the difference in total cost.",
  },
  {
    series: "cumulativeValue",
    id: "compare-cumulative-value",
    title: "Cumulative value by scenario",
    yTitle: "Cumulative value",
    guide:
      "Median value realised since month 0 per scenario with P10–P90 bands; a line that rises earlier pays back sooner.",
  },
] as const;

/** Overlaid cumulative cost and value charts; each left out unless every scenario has its series. */
export function buildCompareCumulativeCharts(summary: CompareSummary): ChartSpec[] {
  const runs = summary.scenarios;
  if (runs.length < 2) return [];
  const labels = scenarioLabels(summary);
  const currency = runs[0]!.meta.currency;
  const charts: ChartSpec[] = [];
  for (const c of CUMULATIVE) {
    if (!runs.every((r) => findSeries(r, c.series) !== undefined)) continue;
    charts.push({
      id: c.id,
      title: c.title,
      guide: c.guide,
      spec: fanChart({
        title: c.title,
        subtitle: "Median with the P10–P90 band",
        items: runs.map((r, i) => ({ label: labels[i]!, series: findSeries(r, c.series)! })),
        colours: labels.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]!),
        yTitle: `${c.yTitle} (${currency})`,
        kind: "money",
        months: Math.max(...runs.map((r) => r.meta.horizonMonths)),
      }),
    });
  }
  return charts;
}
