/**
 * Heatmap of the first KPI charted (the first asked, else the primary KPI) over the two parameters that move it
 * most (by |SRC|, else |PRCC|, else the tornado's swing), from the design's points only (one-at-a-time tornado
 * points would fill cells with a different design); cells sharing both values are averaged. For sampled
 * (non-grid) sweeps, points coloured by the KPI instead of cells.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { axisTitle, tooltipFormat, toPercent, valueKind } from "../metric-units.ts";
import { frame } from "../spec-parts.ts";
import {
  byInfluence,
  chartedSweepKpis,
  designPoints,
  isNumericParameter,
  isSampledDesign,
  labelInSentence,
  parameterLabel,
  parameterValue,
  type SweepChartOptions,
  sweepKpiInfo,
  variedParameters,
} from "./sweep-kpi.ts";

/** The colour legend: under the chart, wide enough for a KPI label with its unit. */
const LEGEND = { orient: "bottom", direction: "horizontal", gradientLength: 220, titleLimit: 400 };

/** Sweep heatmap; undefined with fewer than two varied parameters among the design's points. */
export function buildSweepHeatmapChart(
  summary: SweepSummary,
  options: SweepChartOptions = {},
): ChartSpec | undefined {
  const currency = options.currency ?? "USD";
  const kpi = chartedSweepKpis(summary, options.kpis)[0];
  const design = designPoints(summary);
  const params = variedParameters(summary, design);
  if (kpi === undefined || params.length < 2) return undefined;
  const distinct = (path: string): number => new Set(design.map((p) => String(p.parameters[path]))).size;
  const [px, py] = byInfluence(summary, kpi, params).slice(0, 2) as [string, string];
  const info = sweepKpiInfo(summary, kpi)!;
  const kind = valueKind(info.unit);
  const points = design.map((p) => ({
    x: parameterValue(p.parameters[px]) as number | string | boolean,
    y: parameterValue(p.parameters[py]) as number | string | boolean,
    value: toPercent(p.kpis[kpi]?.mean ?? Number.NaN, info.unit),
  }));
  const grid = !isSampledDesign(summary);
  // cells sharing both values (other parameters varied) are averaged here, so the text colour can be chosen per cell
  const cells = new Map<
    string,
    { x: number | string | boolean; y: number | string | boolean; sum: number; n: number }
  >();
  for (const p of points) {
    if (!Number.isFinite(p.value)) continue;
    const key = JSON.stringify([p.x, p.y]);
    const cell = cells.get(key) ?? { x: p.x, y: p.y, sum: 0, n: 0 };
    cell.sum += p.value;
    cell.n += 1;
    cells.set(key, cell);
  }
  const rows = grid
    ? [...cells.values()].map((c) => ({ x: c.x, y: c.y, value: c.sum / c.n, points: c.n }))
    : points.filter((p) => Number.isFinite(p.value));
  const values = rows.map((r) => r.value).filter(Number.isFinite);
  const middle = (Math.min(...values) + Math.max(...values)) / 2;
  const darkCells = info.better === "lower" ? `datum.value < ${middle}` : `datum.value > ${middle}`;
  const title = `${info.label} over ${parameterLabel(px)} and ${parameterLabel(py)}`;
  const legendTitle = axisTitle(info.label, info.unit, currency);
  const fmt = tooltipFormat(kind);
  const scheme = info.better === "lower" ? { scheme: "blues", reverse: true } : { scheme: "blues" };
  const spec = grid
    ? {
        ...frame(title, "Mean across replications per cell"),
        width: Math.max(240, 48 * distinct(px)),
        height: Math.max(180, 32 * distinct(py)),
        data: { values: rows },
        encoding: {
          x: {
            field: "x",
            type: "ordinal",
            title: parameterLabel(px),
            sort: "ascending",
            axis: { labelAngle: 0 },
          },
          y: { field: "y", type: "ordinal", title: parameterLabel(py), sort: "descending" },
        },
        layer: [
          {
            mark: { type: "rect", stroke: "white" },
            encoding: {
              color: {
                field: "value",
                type: "quantitative",
                title: legendTitle,
                scale: scheme,
                legend: LEGEND,
              },
              tooltip: [
                { field: "x", type: "ordinal", title: parameterLabel(px) },
                { field: "y", type: "ordinal", title: parameterLabel(py) },
                { field: "value", type: "quantitative", title: legendTitle, format: fmt },
                { field: "points", type: "quantitative", title: "Points averaged" },
              ],
            },
          },
          {
            mark: { type: "text", fontSize: 10 },
            encoding: {
              text: {
                field: "value",
                type: "quantitative",
                format: kind === "money" ? "~s" : ",.3~r",
              },
              color: { condition: { test: darkCells, value: "white" }, value: "#1b2a38" },
            },
          },
        ],
      }
    : {
        ...frame(title, "Each point is one sampled parameter set"),
        width: 420,
        height: 300,
        data: { values: rows },
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          x: {
            field: "x",
            type: isNumericParameter(summary, px) ? "quantitative" : "ordinal",
            title: parameterLabel(px),
            scale: { zero: false },
          },
          y: {
            field: "y",
            type: isNumericParameter(summary, py) ? "quantitative" : "ordinal",
            title: parameterLabel(py),
            scale: { zero: false },
          },
          color: {
            field: "value",
            type: "quantitative",
            title: legendTitle,
            scale: scheme,
            legend: LEGEND,
          },
          tooltip: [
            { field: "x", title: parameterLabel(px) },
            { field: "y", title: parameterLabel(py) },
            { field: "value", type: "quantitative", title: legendTitle, format: fmt },
          ],
        },
      };
  return {
    id: "sweep-heatmap",
    title,
    guide: `Darker cells have a ${info.better === "lower" ? "lower (better)" : "higher"} ${labelInSentence(info.label)}; read along a row or column to see one parameter's effect.`,
    spec: spec as unknown as TopLevelSpec,
  };
}
