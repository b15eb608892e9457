/**
 * A KPI against each varied parameter, one panel per parameter, from the design's points only:
 *
 * - grid: every point's mean (with its 95% CI) and the average over the other parameters as a line;
 * - Latin hypercube, Sobol', Morris: the points as a scatter with a LOESS smoother (Vega-Lite's `loess`
 *   transform, W. S. Cleveland, "Robust locally weighted regression and smoothing scatterplots", JASA 74, 1979),
 *   since sampled points share no values to average and a line through sorted points zig-zags;
 * - one-at-a-time: the base and the parameter's low and high points, joined in order.
 *
 * One-at-a-time points of a tornado are never mixed into a grid's or sample's panels: they hold every other
 * parameter at its base value and would bend the line.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepPoint, SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR, PANEL_HEIGHT, PANEL_WIDTH } from "../chart-theme.ts";
import { axisTitle, tooltipFormat, toPercent, valueKind } from "../metric-units.ts";
import { frame } from "../spec-parts.ts";
import {
  byInfluence,
  chartedSweepKpis,
  designPoints,
  isNumericParameter,
  isSampledDesign,
  kpiIdPart,
  parameterLabel,
  parameterValue,
  type SweepChartOptions,
  sweepKpiInfo,
  sweepValueAxis,
  variedParameters,
} from "./sweep-kpi.ts";

/** How the panels of a sweep are drawn (see the module comment). */
type Design = "grid" | "sampled" | "one-at-a-time";

/** The points of one parameter's panel and how they are drawn. */
function panelPoints(summary: SweepSummary, path: string): { design: Design; points: SweepPoint[] } {
  const design = designPoints(summary);
  if (design.length > 0) return { design: isSampledDesign(summary) ? "sampled" : "grid", points: design };
  const oneAtATime = summary.points.filter(
    (p) => p.role === "base" || ((p.role === "low" || p.role === "high") && p.varied === path),
  );
  return { design: "one-at-a-time", points: oneAtATime };
}

/** Effects panels of one KPI; undefined without the KPI or a varied parameter. */
export function buildSweepParameterEffectsChart(
  summary: SweepSummary,
  kpi: string,
  currency = "USD",
): ChartSpec | undefined {
  const info = sweepKpiInfo(summary, kpi);
  const design = designPoints(summary);
  const params = byInfluence(
    summary,
    kpi,
    design.length > 0 ? variedParameters(summary, design) : variedParameters(summary),
  );
  if (info === undefined || params.length === 0) return undefined;
  const kind = valueKind(info.unit);
  const fmt = tooltipFormat(kind);
  const y = {
    type: "quantitative",
    title: axisTitle(info.label, info.unit, currency),
    axis: sweepValueAxis(kind),
    scale: { zero: false },
  };
  const drawn = panelPoints(summary, params[0]!).design;
  const panels = params.map((path) => {
    const { design: how, points } = panelPoints(summary, path);
    const numeric = isNumericParameter(summary, path);
    const values = points
      .filter((p) => p.kpis[kpi] !== undefined)
      .map((p) => {
        const k = p.kpis[kpi]!;
        return {
          value: parameterValue(p.parameters[path]),
          mean: toPercent(k.mean, info.unit),
          ciLow: toPercent(k.ciLow, info.unit),
          ciHigh: toPercent(k.ciHigh, info.unit),
          point: p.index,
        };
      });
    const x = numeric
      ? {
          field: "value",
          type: "quantitative",
          title: parameterLabel(path),
          scale: { zero: false },
          axis: { format: ",~r" },
        }
      : { field: "value", type: "ordinal", title: parameterLabel(path), axis: { labelAngle: 0 } };
    const dots = {
      mark: { type: "point", filled: true, color: MAIN_COLOUR, opacity: 0.45, size: 30 },
      encoding: {
        x,
        y: { ...y, field: "mean" },
        tooltip: [
          { field: "point", type: "quantitative", title: "Point" },
          { field: "value", title: parameterLabel(path) },
          { field: "mean", type: "quantitative", title: `Mean (${info.unit || "value"})`, format: fmt },
          { field: "ciLow", type: "quantitative", title: "95% CI low", format: fmt },
          { field: "ciHigh", type: "quantitative", title: "95% CI high", format: fmt },
        ],
      },
    };
    const whiskers = {
      mark: { type: "rule", color: MAIN_COLOUR, opacity: 0.35 },
      encoding: { x, y: { ...y, field: "ciLow" }, y2: { field: "ciHigh" } },
    };
    const line =
      how === "sampled" && numeric
        ? {
            transform: [{ loess: "mean", on: "value", bandwidth: 0.5 }],
            mark: { type: "line", color: "#1b2a38", strokeWidth: 2 },
            encoding: { x, y: { ...y, field: "mean" } },
          }
        : {
            mark: { type: "line", color: "#1b2a38", strokeWidth: 2, point: false },
            encoding: { x, y: { ...y, field: "mean", aggregate: "mean" } },
          };
    return {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      data: { values },
      layer: how === "sampled" ? [dots, line] : [whiskers, dots, line],
    };
  });
  const title = `${info.label} against each parameter`;
  const subtitle: Record<Design, string> = {
    grid: "Dots: grid points (mean, 95% CI); line: average over the other parameters",
    sampled: "Dots: sampled points (mean over replications); line: LOESS smoother",
    "one-at-a-time": "Dots: base case and the parameter at its low and high value, others at base",
  };
  const spec = {
    ...frame(title, subtitle[drawn]),
    columns: 3,
    concat: panels,
  } as unknown as TopLevelSpec;
  return {
    id: `sweep-effects-${kpiIdPart(kpi)}`,
    title,
    guide:
      drawn === "sampled"
        ? "A steep smoother means the result depends strongly on that parameter; scatter around it comes from the other parameters. Panels are ordered by influence."
        : "A steep line means the result depends strongly on that parameter; a flat one that it hardly matters. Panels are ordered by influence.",
    spec,
    wide: true,
  };
}

/** Effects charts of every KPI charted (the asked ones, else the primary KPI). */
export function buildSweepParameterEffectsCharts(
  summary: SweepSummary,
  options: SweepChartOptions = {},
): ChartSpec[] {
  return chartedSweepKpis(summary, options.kpis)
    .map((kpi) => buildSweepParameterEffectsChart(summary, kpi, options.currency))
    .filter((c): c is ChartSpec => c !== undefined);
}
