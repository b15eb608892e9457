/**
 * Model serving: pods in use (left axis) and model cache hit ratio (right axis) over time (Pattern 12).
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary, SeriesSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { RESOURCE_COLOURS } from "../chart-theme.ts";
import { fanRows } from "../fan-chart.ts";
import { findSeries } from "../metric-names.ts";
import { percentFactor } from "../metric-units.ts";
import { frame, monthX, SIZE } from "../spec-parts.ts";

function panelLayers(
  label: string,
  series: SeriesSummary,
  factor: number,
  colour: string,
  title: string,
  labelExpr: string,
  orient: "left" | "right",
  domain?: [number, number],
) {
  const scale = domain === undefined ? { zero: true } : { domain };
  const y = {
    type: "quantitative",
    title,
    scale,
    axis: { orient, labelExpr, titleColor: colour, grid: orient === "left" },
  };
  return {
    data: { values: fanRows([{ label, series, factor }]) },
    layer: [
      {
        mark: { type: "area", opacity: 0.2, color: colour, interpolate: "monotone" },
        encoding: { y: { ...y, field: "p10" }, y2: { field: "p90" } },
      },
      {
        mark: { type: "line", strokeWidth: 2.2, color: colour, interpolate: "monotone" },
        encoding: {
          y: { ...y, field: "p50" },
          tooltip: [
            { field: "series", type: "nominal", title: "Series" },
            { field: "month", type: "quantitative", title: "Month" },
            { field: "p50", type: "quantitative", title: "P50", format: ".1f" },
            { field: "p10", type: "quantitative", title: "P10", format: ".1f" },
            { field: "p90", type: "quantitative", title: "P90", format: ".1f" },
          ],
        },
      },
    ],
  };
}

/** Serving chart; undefined when neither `servingPods` nor `cacheHitRatio` is present. */
export function buildServingChart(summary: RunSummary): ChartSpec | undefined {
  const pods = findSeries(summary, "servingPods");
  const cache = findSeries(summary, "cacheHitRatio");
  if (pods === undefined && cache === undefined) return undefined;
  const layers = [];
  if (pods !== undefined)
    layers.push(
      panelLayers(
        "Serving pods",
        pods,
        1,
        RESOURCE_COLOURS.pods,
        "Serving pods (P50, P10–P90)",
        "format(datum.value, '~s')",
        "left",
      ),
    );
  if (cache !== undefined) {
    layers.push(
      panelLayers(
        "Cache hit ratio",
        cache,
        percentFactor(cache.unit),
        RESOURCE_COLOURS.cache,
        "Cache hit ratio (%)",
        "datum.value + '%'",
        pods === undefined ? "left" : "right",
        [0, 100],
      ),
    );
  }
  const title = "Model serving: pods and cache hits";
  const spec = {
    ...frame(title),
    ...SIZE,
    encoding: { x: monthX(summary.meta.horizonMonths) },
    layer: layers,
    resolve: { scale: { y: "independent" } },
  } as unknown as TopLevelSpec;
  return {
    id: "serving",
    title,
    guide:
      "Blue: pods serving models (left axis); green: share of requests served by an already-loaded model (right axis).",
    spec,
  };
}
