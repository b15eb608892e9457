/**
 * The primary KPI against each varied parameter: every point's mean (with its 95% CI) and the average over the
 * other parameters as a line, one panel per parameter.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR, PANEL_HEIGHT, PANEL_WIDTH } from "../chart-theme.ts";
import { axisTitle, tooltipFormat, toPercent, valueKind } from "../metric-units.ts";
import { frame, valueAxis } from "../spec-parts.ts";
import {
  isNumericParameter,
  parameterLabel,
  primarySweepKpi,
  sweepKpiInfo,
  variedParameters,
} from "./sweep-kpi.ts";

/** Parameter-effect panels; undefined without a KPI or a varied parameter. */
export function buildSweepParameterEffectsChart(
  summary: SweepSummary,
  currency = "USD",
): ChartSpec | undefined {
  const kpi = primarySweepKpi(summary);
  const params = variedParameters(summary);
  if (kpi === undefined || params.length === 0) return undefined;
  const info = sweepKpiInfo(summary, kpi)!;
  const kind = valueKind(info.unit);
  const fmt = tooltipFormat(kind);
  const y = {
    type: "quantitative",
    title: axisTitle(info.label, info.unit, currency),
    axis: valueAxis(kind),
    scale: { zero: false },
  };
  const panels = params.map((path) => {
    const numeric = isNumericParameter(summary, path);
    const values = summary.points.map((p) => {
      const k = p.kpis[kpi];
      return {
        value: p.parameters[path] as number | string | boolean,
        mean: k === undefined ? null : toPercent(k.mean, info.unit),
        ciLow: k === undefined ? null : toPercent(k.ciLow, info.unit),
        ciHigh: k === undefined ? null : toPercent(k.ciHigh, info.unit),
        point: p.index,
      };
    });
    const x = numeric
      ? { field: "value", type: "quantitative", title: parameterLabel(path), scale: { zero: false } }
      : { field: "value", type: "ordinal", title: parameterLabel(path), axis: { labelAngle: 0 } };
    return {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      data: { values },
      layer: [
        {
          mark: { type: "rule", color: MAIN_COLOUR, opacity: 0.35 },
          encoding: { x, y: { ...y, field: "ciLow" }, y2: { field: "ciHigh" } },
        },
        {
          mark: { type: "point", filled: true, color: MAIN_COLOUR, opacity: 0.45, size: 30 },
          encoding: {
            x,
            y: { ...y, field: "mean" },
            tooltip: [
              { field: "point", type: "quantitative", title: "Point" },
              { field: "value", title: parameterLabel(path) },
              { field: "mean", type: "quantitative", title: "Mean", format: fmt },
              { field: "ciLow", type: "quantitative", title: "CI low", format: fmt },
              { field: "ciHigh", type: "quantitative", title: "CI high", format: fmt },
            ],
          },
        },
        {
          mark: { type: "line", color: "#1b2a38", strokeWidth: 2, point: false },
          encoding: { x, y: { ...y, field: "mean", aggregate: "mean" } },
        },
      ],
    };
  });
  const title = `${info.label} against each parameter`;
  const spec = {
    ...frame(title, "Dots: sweep points (mean, 95% CI); line: average over the other parameters"),
    columns: 3,
    concat: panels,
  } as unknown as TopLevelSpec;
  return {
    id: "sweep-parameter-effects",
    title,
    guide:
      "A steep line means the result depends strongly on that parameter; a flat one that it hardly matters.",
    spec,
    wide: true,
  };
}
