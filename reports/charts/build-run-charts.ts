/**
 * All charts of a run report, in reading order; a chart whose data is absent from the summary is left out.
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { deliversProjects } from "../metric-names.ts";
import { withFiniteNumbers } from "../spec-parts.ts";
import { buildChargebackChart } from "./chargeback-chart.ts";
import { buildClusterCapacityChart } from "./cluster-capacity-chart.ts";
import { buildCostByCategoryChart } from "./cost-by-category-chart.ts";
import { buildDeliveredFanChart } from "./delivered-fan-chart.ts";
import { buildHubWorkChart } from "./hub-work-chart.ts";
import { buildKpiTilesChart } from "./kpi-tiles-chart.ts";
import { buildLeadTimeChart } from "./lead-time-chart.ts";
import { buildMaturityChart } from "./maturity-chart.ts";
import { buildMaturityLevelsChart } from "./maturity-levels-chart.ts";
import { buildPortfolioMixChart } from "./portfolio-mix-chart.ts";
import { buildReachChart } from "./reach-chart.ts";
import { buildRoiChart } from "./roi-chart.ts";
import { buildServingChart } from "./serving-chart.ts";
import { buildTenantMonthlyCostChart } from "./tenant-monthly-cost-chart.ts";
import { buildTiersChart } from "./tiers-chart.ts";
import { buildTimeToMarketChart } from "./time-to-market-chart.ts";
import { buildUtilisationChart } from "./utilisation-chart.ts";
import { buildValueVsCostChart } from "./value-vs-cost-chart.ts";

/** Builders of the run report, in reading order. */
export const RUN_CHART_BUILDERS: ReadonlyArray<(summary: RunSummary) => ChartSpec | undefined> = [
  buildKpiTilesChart,
  buildDeliveredFanChart,
  buildReachChart,
  buildTimeToMarketChart,
  buildLeadTimeChart,
  buildValueVsCostChart,
  buildRoiChart,
  buildCostByCategoryChart,
  buildUtilisationChart,
  buildHubWorkChart,
  buildMaturityChart,
  buildMaturityLevelsChart,
  buildClusterCapacityChart,
  buildServingChart,
  buildTiersChart,
  buildChargebackChart,
  buildTenantMonthlyCostChart,
  buildPortfolioMixChart,
];

/** Charts about projects, left out for a scenario that delivers nothing (they would be flat zeros). */
export const DELIVERY_CHART_IDS: ReadonlySet<string> = new Set([
  "delivered-fan",
  "reach",
  "roi-distribution",
  "portfolio-mix",
]);

/** Every chart of a run report whose data is present in the summary, in reading order (pure). */
export function buildRunCharts(summary: RunSummary): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const delivers = deliversProjects(summary);
  for (const build of RUN_CHART_BUILDERS) {
    const chart = build(summary);
    if (chart !== undefined && (delivers || !DELIVERY_CHART_IDS.has(chart.id)))
      charts.push(withFiniteNumbers(chart));
  }
  return charts;
}
