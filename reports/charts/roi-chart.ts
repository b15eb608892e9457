/**
 * ROI distribution across replications, drawn from the KPI's percentiles: P5-P95 whisker, P25-P75 box, P50
 * tick, with break-even (ROI = 1, value equals cost) marked.
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR, PERCENTILE_COLOURS, REFERENCE_COLOUR } from "../chart-theme.ts";
import { findKpi } from "../metric-names.ts";
import { formatMetric } from "../number-format.ts";
import { frame } from "../spec-parts.ts";

/** ROI distribution chart; undefined without the `roi` KPI. */
export function buildRoiChart(summary: RunSummary): ChartSpec | undefined {
  const roi = findKpi(summary.kpis, "roi");
  if (roi === undefined || !Number.isFinite(roi.p50)) return undefined;
  const currency = summary.meta.currency;
  const f = (v: number): string => formatMetric(v, roi.unit, currency, roi.name);
  const row = {
    kpi: "ROI",
    p5: roi.p5,
    p10: roi.p10,
    p25: roi.p25,
    p50: roi.p50,
    p75: roi.p75,
    p90: roi.p90,
    p95: roi.p95,
    mean: roi.mean,
  };
  const labels = [
    { value: roi.p10, text: `P10 ${f(roi.p10)}`, dy: 30 },
    { value: roi.p50, text: `P50 ${f(roi.p50)}`, dy: -30 },
    { value: roi.p90, text: `P90 ${f(roi.p90)}`, dy: 30 },
  ];
  const lo = Math.min(roi.p5, 1);
  const hi = Math.max(roi.p95, 1);
  const pad = (hi - lo) * 0.08 || 0.5;
  const x = {
    type: "quantitative",
    title: "Return on investment (value ÷ cost, ×)",
    scale: { domain: [Math.max(0, lo - pad), hi + pad], nice: false },
    axis: { labelExpr: "format(datum.value, '.1f') + '×'" },
  };
  const title = "Return on investment";
  const spec = {
    ...frame(title, `P50 ${f(roi.p50)}; 80% of replications between ${f(roi.p10)} and ${f(roi.p90)}`),
    width: 520,
    height: 110,
    layer: [
      {
        data: { values: [row] },
        mark: { type: "rule", color: MAIN_COLOUR, strokeWidth: 1.5 },
        encoding: { x: { ...x, field: "p5" }, x2: { field: "p95" } },
      },
      {
        data: { values: [row] },
        mark: { type: "bar", color: MAIN_COLOUR, opacity: 0.35, height: 28 },
        encoding: { x: { ...x, field: "p25" }, x2: { field: "p75" } },
      },
      {
        data: { values: [row] },
        mark: { type: "tick", color: PERCENTILE_COLOURS.p50, thickness: 3, size: 40 },
        encoding: { x: { ...x, field: "p50" } },
      },
      {
        data: { values: [{ value: 1, text: "break-even" }] },
        mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [4, 4] },
        encoding: { x: { ...x, field: "value" } },
      },
      ...labels.map((label) => ({
        data: { values: [label] },
        mark: { type: "text", fontSize: 11, color: "#333", dy: label.dy },
        encoding: { x: { ...x, field: "value" }, text: { field: "text" } },
      })),
    ],
  } as unknown as TopLevelSpec;
  return {
    id: "roi-distribution",
    title,
    guide:
      "The box holds the middle half of outcomes (P25–P75), the whisker P5–P95, the dark tick the median; right of the dashed line value exceeds cost.",
    spec,
  };
}
