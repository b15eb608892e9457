/**
 * All charts of a sweep report, in reading order; charts without data are left out.
 */
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { withFiniteNumbers } from "../spec-parts.ts";
import { buildSweepBoxCharts } from "./sweep-box-chart.ts";
import { buildSweepHeatmapChart } from "./sweep-heatmap-chart.ts";
import { buildSweepIndicesCharts } from "./sweep-indices-chart.ts";
import { buildSweepParameterEffectsChart } from "./sweep-parameter-effects-chart.ts";
import { buildSweepTornadoCharts } from "./sweep-tornado-chart.ts";

/** Every chart of a sweep whose data is present (pure); `currency` labels money axes (default USD). */
export function buildSweepCharts(summary: SweepSummary, currency = "USD"): ChartSpec[] {
  return [
    buildSweepHeatmapChart(summary, currency),
    ...buildSweepIndicesCharts(summary),
    ...buildSweepBoxCharts(summary),
    ...buildSweepTornadoCharts(summary, currency),
    buildSweepParameterEffectsChart(summary, currency),
  ]
    .filter((c): c is ChartSpec => c !== undefined)
    .map(withFiniteNumbers);
}
