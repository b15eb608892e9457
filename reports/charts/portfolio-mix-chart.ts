/**
 * Portfolio mix against targets (Pattern 9): the share of active projects per bucket over time, one panel per
 * dimension, with each bucket's target as a dashed line of the same colour and the balance alerts in the subtitle.
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { colourRange, MAIN_COLOUR, PANEL_HEIGHT } from "../chart-theme.ts";
import { fanChart } from "../fan-chart.ts";
import { humanise } from "../metric-label.ts";
import { findKpi, findSeries, KPIS, parseMixSeries, SERIES } from "../metric-names.ts";
import { toPercent } from "../metric-units.ts";
import { formatMetric } from "../number-format.ts";
import { frame, monthX } from "../spec-parts.ts";

/** Portfolio mix chart; undefined when no `mix.<dimension>.<bucket>` series is present. */
export function buildPortfolioMixChart(summary: RunSummary): ChartSpec | undefined {
  const dims = new Map<string, string[]>();
  for (const name of Object.keys(summary.series)) {
    const parsed = parseMixSeries(name);
    if (parsed === undefined) continue;
    dims.set(parsed.dimension, [...(dims.get(parsed.dimension) ?? []), parsed.bucket]);
  }
  if (dims.size === 0) return buildBalanceFallback(summary);
  const months = summary.meta.horizonMonths;
  const panels = [...dims.entries()].map(([dimension, found]) => {
    const targets = summary.meta.mixTargets[dimension] ?? {};
    const buckets = [
      ...Object.keys(targets).filter((b) => found.includes(b)),
      ...found.filter((b) => targets[b] === undefined),
    ];
    const labels = buckets.map(humanise);
    const rows = buckets.flatMap((bucket, i) => {
      const s = summary.series[`mix.${dimension}.${bucket}`]!;
      return s.p50.map((v, month) => ({ bucket: labels[i]!, month, share: toPercent(v, s.unit) }));
    });
    const targetRows = buckets.flatMap((bucket, i) =>
      targets[bucket] === undefined ? [] : [{ bucket: labels[i]!, target: targets[bucket]! }],
    );
    const colour = {
      field: "bucket",
      type: "nominal",
      title: humanise(dimension),
      scale: { domain: labels, range: colourRange(labels) },
      legend: { orient: "bottom", columns: 2 },
    };
    const y = {
      type: "quantitative",
      title: "Share of active projects (%)",
      scale: { domain: [0, 100] },
      axis: { labelExpr: "datum.value + '%'" },
    };
    return {
      title: { text: humanise(dimension), fontSize: 12 },
      width: PANEL_WIDTH_MIX,
      height: PANEL_HEIGHT,
      layer: [
        {
          data: { values: rows },
          mark: { type: "line", strokeWidth: 2, interpolate: "monotone" },
          encoding: {
            x: monthX(months),
            y: { ...y, field: "share" },
            color: colour,
            tooltip: [
              { field: "bucket", type: "nominal", title: "Bucket" },
              { field: "month", type: "quantitative", title: "Month" },
              { field: "share", type: "quantitative", title: "Median share (%)", format: ".1f" },
            ],
          },
        },
        {
          data: { values: targetRows },
          mark: { type: "rule", strokeDash: [5, 4], strokeWidth: 1.5, opacity: 0.8 },
          encoding: { y: { ...y, field: "target" }, color: colour },
        },
      ],
    };
  });
  const alerts = findKpi(summary.kpis, KPIS.mixAlerts);
  const currency = summary.meta.currency;
  const alertText =
    alerts === undefined
      ? "Solid lines: median share; dashed: target"
      : `Balance alerts: P50 ${formatMetric(alerts.p50, "", currency)} (P10–P90 ${formatMetric(alerts.p10, "", currency)}–${formatMetric(alerts.p90, "", currency)}); dashed lines are targets`;
  const title = "Portfolio mix against targets";
  const spec = {
    ...frame(title, alertText),
    hconcat: panels,
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
  } as unknown as TopLevelSpec;
  return {
    id: "portfolio-mix",
    title,
    guide:
      "Each line is the median share of active projects in a bucket; it should stay near the dashed target of the same colour.",
    spec,
    wide: true,
  };
}

const PANEL_WIDTH_MIX = 250;

/**
 * Without per-bucket mix series: the mix's deviation from the targets (percentage points, summed over
 * dimensions) as a fan chart, with the balance alerts in the subtitle; undefined without that series either.
 */
function buildBalanceFallback(summary: RunSummary): ChartSpec | undefined {
  const deviation = findSeries(summary, SERIES.mixDeviationPoints);
  if (deviation === undefined) return undefined;
  const alerts = findKpi(summary.kpis, KPIS.mixAlerts);
  const title = "Portfolio mix against targets";
  const subtitle =
    alerts === undefined
      ? undefined
      : `Balance alerts over the horizon: P50 ${formatMetric(alerts.p50, "", "")} (P10–P90 ${formatMetric(alerts.p10, "", "")}–${formatMetric(alerts.p90, "", "")})`;
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
