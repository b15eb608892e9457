/**
 * Portfolio mix against targets (Pattern 9): how far the active portfolio strays from the target mix by impact,
 * horizon and risk over time, with the balance alerts in the subtitle.
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR } from "../chart-theme.ts";
import { fanChart } from "../fan-chart.ts";
import { findKpi, findSeries } from "../metric-names.ts";
import { valueKind } from "../metric-units.ts";
import { formatKind } from "../number-format.ts";

/**
 * The mix's deviation from the targets (percentage points, summed over dimensions) as a fan chart, with the
 * balance alerts over the horizon in the subtitle; undefined without the `mixDeviationPoints` series.
 */
export function buildPortfolioMixChart(summary: RunSummary): ChartSpec | undefined {
  const deviation = findSeries(summary, "mixDeviationPoints");
  if (deviation === undefined) return undefined;
  const alerts = findKpi(summary.kpis, "balanceAlerts");
  const title = "Portfolio mix against targets";
  const count = (value: number): string =>
    formatKind(value, valueKind(alerts?.unit ?? ""), summary.meta.currency);
  const subtitle =
    alerts === undefined
      ? undefined
      : `Balance alerts over the horizon: P50 ${count(alerts.p50)} (P10–P90 ${count(alerts.p10)}–${count(alerts.p90)})`;
  return {
    id: "portfolio-mix",
    title,
    guide:
      "Distance of the active portfolio from the target mix by impact, horizon and risk (median, P10–P90); lower is better balanced.",
    spec: fanChart({
      title,
      ...(subtitle === undefined ? {} : { subtitle }),
      items: [{ label: "Deviation from target mix", series: deviation }],
      colours: [MAIN_COLOUR],
      yTitle: "Deviation from targets (percentage points)",
      kind: "number",
      months: summary.meta.horizonMonths,
    }),
  };
}
