/**
 * Maturity level over time: the level derived from the capabilities in place each month (MODEL.md section 5).
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR } from "../chart-theme.ts";
import { fanChart } from "../fan-chart.ts";
import { findSeries } from "../metric-names.ts";

/** Maturity-level chart; undefined without the `maturityLevel` series. */
export function buildMaturityChart(summary: RunSummary): ChartSpec | undefined {
  const series = findSeries(summary, "maturityLevel");
  if (series === undefined) return undefined;
  const title = "Maturity level over time";
  const spec = fanChart({
    title,
    items: [{ label: "Maturity level (P50, P10–P90)", series }],
    colours: [MAIN_COLOUR],
    yTitle: "Maturity level (1–5)",
    kind: "number",
    months: series.months,
    step: true,
    yDomain: [1, 5],
    yExtra: { axis: { values: [1, 2, 3, 4, 5], format: "d" } },
  });
  return {
    id: "maturity",
    title,
    guide:
      "The step line is the median maturity level (1 = ad hoc pilots, 5 = industrialised); the band is P10–P90.",
    spec,
  };
}
