/**
 * Projects delivered over time: cumulative deliveries as a fan chart (median line, P10-P90 band).
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR } from "../chart-theme.ts";
import { fanChart } from "../fan-chart.ts";
import { findSeries } from "../metric-names.ts";
import { axisTitle, valueKind } from "../metric-units.ts";

/** Delivered-projects fan chart; undefined without the `deliveredCumulative` series. */
export function buildDeliveredFanChart(summary: RunSummary): ChartSpec | undefined {
  const series = findSeries(summary, "deliveredCumulative");
  if (series === undefined) return undefined;
  const currency = summary.meta.currency;
  const title = "Projects delivered over time";
  return {
    id: "delivered-fan",
    title,
    guide:
      "The line is the median number of projects in production; the band holds 80% of simulated futures (P10–P90).",
    spec: fanChart({
      title,
      items: [{ label: "Delivered (P50, P10–P90)", series }],
      colours: [MAIN_COLOUR],
      yTitle: axisTitle("Projects delivered", series.unit, currency),
      kind: valueKind(series.unit),
      months: series.months,
    }),
  };
}
