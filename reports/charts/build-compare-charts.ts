/**
 * All charts of a comparison report, in reading order; charts without data are left out.
 */
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { withFiniteNumbers } from "../spec-parts.ts";
import { buildCompareCumulativeCharts } from "./compare-cumulative-charts.ts";
import { buildCompareDeliveredChart } from "./compare-delivered-chart.ts";
import { buildCompareDifferencesChart } from "./compare-differences-chart.ts";
import { buildCompareKpisChart } from "./compare-kpis-chart.ts";
import { buildCompareProbabilityBetterChart } from "./compare-probability-better-chart.ts";
import { buildCompareReachChart } from "./compare-reach-chart.ts";
import { buildCompareTimeToMarketChart } from "./compare-time-to-market-chart.ts";

/** Every chart of a comparison whose data is present (pure). */
export function buildCompareCharts(summary: CompareSummary): ChartSpec[] {
  return [
    buildCompareDifferencesChart(summary),
    buildCompareProbabilityBetterChart(summary),
    buildCompareKpisChart(summary),
    buildCompareDeliveredChart(summary),
    buildCompareReachChart(summary),
    ...buildCompareCumulativeCharts(summary),
    buildCompareTimeToMarketChart(summary),
  ]
    .filter((c): c is ChartSpec => c !== undefined)
    .map(withFiniteNumbers);
}
