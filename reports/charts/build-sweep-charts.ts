/**
 * All charts of a sweep report, in reading order; charts without data are left out. The KPIs asked
 * (`options.kpis`) choose what is charted: the first drives the heatmap, each gets its global indices, tornado,
 * SRC/PRCC and effects charts.
 */
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { withFiniteNumbers } from "../spec-parts.ts";
import { buildSweepBoxCharts } from "./sweep-box-chart.ts";
import { buildSweepCoefficientsCharts } from "./sweep-coefficients-chart.ts";
import { buildSweepHeatmapChart } from "./sweep-heatmap-chart.ts";
import { buildSweepIndicesCharts } from "./sweep-indices-chart.ts";
import type { SweepChartOptions } from "./sweep-kpi.ts";
import { buildSweepParameterEffectsCharts } from "./sweep-parameter-effects-chart.ts";
import { buildSweepTornadoCharts } from "./sweep-tornado-chart.ts";

/**
 * Every chart of a sweep whose data is present (pure). `options` may be a currency code (the former signature)
 * or {@link SweepChartOptions}: the KPIs asked and the currency of money axes (default USD).
 */
export function buildSweepCharts(
  summary: SweepSummary,
  options: SweepChartOptions | string = {},
): ChartSpec[] {
  const chosen = typeof options === "string" ? { currency: options } : options;
  return [
    buildSweepHeatmapChart(summary, chosen),
    ...buildSweepIndicesCharts(summary, chosen),
    ...buildSweepBoxCharts(summary),
    ...buildSweepTornadoCharts(summary, chosen),
    ...buildSweepCoefficientsCharts(summary, chosen),
    ...buildSweepParameterEffectsCharts(summary, chosen),
  ]
    .filter((c): c is ChartSpec => c !== undefined)
    .map(withFiniteNumbers);
}
