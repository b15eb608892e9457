/**
 * Heatmap of the primary KPI over the two most varied parameters of a sweep (mean KPI per cell; cells sharing
 * both values are averaged). For sampled (non-grid) sweeps, points coloured by the KPI instead of cells.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { axisTitle, tooltipFormat, toPercent, valueKind } from "../metric-units.ts";
import { frame } from "../spec-parts.ts";
import {
  isNumericParameter,
  parameterLabel,
  primarySweepKpi,
  sweepKpiInfo,
  variedParameters,
} from "./sweep-kpi.ts";

/** Sweep heatmap; undefined with fewer than two varied parameters. */
export function buildSweepHeatmapChart(summary: SweepSummary, currency = "USD"): ChartSpec | undefined {
  const kpi = primarySweepKpi(summary);
  const params = variedParameters(summary);
  if (kpi === undefined || params.length < 2) return undefined;
  const distinct = (path: string): number =>
    new Set(summary.points.map((p) => String(p.parameters[path]))).size;
  const [px, py] = [...params].sort((a, b) => distinct(b) - distinct(a)).slice(0, 2) as [string, string];
  const info = sweepKpiInfo(summary, kpi)!;
  const kind = valueKind(info.unit);
  const points = summary.points.map((p) => ({
    x: p.parameters[px] as number | string | boolean,
    y: p.parameters[py] as number | string | boolean,
    value: toPercent(p.kpis[kpi]?.mean ?? Number.NaN, info.unit),
  }));
  const grid = summary.sampling !== "latin-hypercube" && summary.sampling !== "sobol";
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
    : points;
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
                legend: { orient: "bottom", direction: "horizontal", gradientLength: 220, titleLimit: 400 },
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
                format: kind === "money" ? "~s" : ".3~r",
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
          color: { field: "value", type: "quantitative", title: legendTitle, scale: scheme },
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
    guide: `Darker cells have a ${info.better === "lower" ? "lower (better)" : "higher"} ${info.label.toLowerCase()}; read along a row or column to see one parameter's effect.`,
    spec: spec as unknown as TopLevelSpec,
  };
}
