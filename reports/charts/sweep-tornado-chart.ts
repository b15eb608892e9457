/**
 * Tornado chart (one-at-a-time sensitivity): for each parameter the KPI at its low and high value, drawn as bars
 * from the base value, sorted by swing |high - low| so the most influential parameter is on top.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { REFERENCE_COLOUR } from "../chart-theme.ts";
import { axisTitle, tooltipFormat, toPercent, valueKind } from "../metric-units.ts";
import { frame } from "../spec-parts.ts";
import {
  familyKpis,
  kpiIdPart,
  labelInSentence,
  parameterLabel,
  type SweepChartOptions,
  sweepKpiInfo,
  sweepValueAxis,
} from "./sweep-kpi.ts";

/** Tornado of one KPI; undefined when the sweep has no tornado data for it. */
export function buildSweepTornadoChart(
  summary: SweepSummary,
  kpi: string,
  currency = "USD",
): ChartSpec | undefined {
  const data = summary.tornado[kpi];
  if (data === undefined || Object.keys(data).length === 0) return undefined;
  const info = sweepKpiInfo(summary, kpi);
  const unit = info?.unit ?? "";
  const label = info?.label ?? kpi;
  const kind = valueKind(unit);
  const entries = Object.entries(data)
    .map(([path, v]) => ({
      parameter: parameterLabel(path),
      path,
      low: toPercent(v.low, unit),
      high: toPercent(v.high, unit),
      base: toPercent(v.base, unit),
    }))
    .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  const order = entries.map((e) => e.parameter);
  const rows = entries.flatMap((e) => [
    {
      parameter: e.parameter,
      path: e.path,
      end: "low value",
      from: e.base,
      to: e.low,
      swing: Math.abs(e.high - e.low),
    },
    {
      parameter: e.parameter,
      path: e.path,
      end: "high value",
      from: e.base,
      to: e.high,
      swing: Math.abs(e.high - e.low),
    },
  ]);
  const base = entries[0]!.base;
  const x = {
    type: "quantitative",
    title: axisTitle(label, unit, currency),
    axis: sweepValueAxis(kind),
    scale: { zero: false },
  };
  const title = `Sensitivity of ${labelInSentence(label)}`;
  const fmt = tooltipFormat(kind);
  const spec = {
    ...frame(title, "Bars run from the base case to the KPI at each parameter's low and high value"),
    width: 480,
    height: Math.max(100, 28 * entries.length),
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar", height: { band: 0.65 } },
        encoding: {
          y: { field: "parameter", type: "nominal", title: null, sort: order, axis: { labelLimit: 220 } },
          x: { ...x, field: "from" },
          x2: { field: "to" },
          color: {
            field: "end",
            type: "nominal",
            title: "Parameter at",
            scale: { domain: ["low value", "high value"], range: ["#9ecae1", "#2f6b9a"] },
          },
          tooltip: [
            { field: "path", type: "nominal", title: "Parameter" },
            { field: "end", type: "nominal", title: "At" },
            { field: "to", type: "quantitative", title: label, format: fmt },
            { field: "swing", type: "quantitative", title: "Swing", format: fmt },
          ],
        },
      },
      {
        data: { values: [{ base }] },
        mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [4, 4] },
        encoding: { x: { field: "base", type: "quantitative" } },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: `sweep-tornado-${kpiIdPart(kpi)}`,
    title,
    guide: "Parameters at the top move the result most; the dashed line is the base case.",
    spec,
  };
}

/**
 * Tornado charts: one for every KPI asked (`options.kpis`) that has tornado data; without a choice, the primary
 * KPI first, then others up to `max` in all.
 */
export function buildSweepTornadoCharts(
  summary: SweepSummary,
  options: SweepChartOptions = {},
  max = 3,
): ChartSpec[] {
  const currency = options.currency ?? "USD";
  const ordered = familyKpis(summary, options.kpis, Object.keys(summary.tornado), max);
  return ordered
    .map((k) => buildSweepTornadoChart(summary, k, currency))
    .filter((c): c is ChartSpec => c !== undefined);
}
