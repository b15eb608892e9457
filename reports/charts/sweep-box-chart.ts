/**
 * Scenario-discovery chart of a sweep (the `boxes` questions, answered by PRIM): for each numeric parameter, its
 * whole swept range as a light bar and the range the box keeps as a dark bar (its bounds in the parameter's
 * units in the label), so "where does KPI x stay below y" reads as the parameters' ranges that hold the answer. The title gives the box's coverage (share of the points
 * meeting the bound that lie in the box) and density (share of the box's points that meet it).
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepBox, SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR } from "../chart-theme.ts";
import { frame } from "../spec-parts.ts";
import { labelInSentence, parameterLabel, sweepKpiInfo } from "./sweep-kpi.ts";

/** The chart of one answered question; undefined when PRIM found no box. */
export function buildSweepBoxChart(
  summary: SweepSummary,
  question: SweepBox,
  position: number,
): ChartSpec | undefined {
  const box = question.box;
  if (box === null) return undefined;
  const label = sweepKpiInfo(summary, question.kpi)?.label ?? question.kpi;
  const bound = question.below !== undefined ? `below ${question.below}` : `above ${question.above}`;
  const rows = Object.entries(box.bounds).flatMap(([path, range]) => {
    const swept = summary.parameters.find((parameter) => parameter.path === path);
    const numbers = (swept?.values ?? []).filter((v): v is number => typeof v === "number");
    const low = Math.min(swept?.min ?? range.low, ...numbers, range.low);
    const high = Math.max(swept?.max ?? range.high, ...numbers, range.high);
    // each parameter on its own scale: positions as shares of its swept range
    const share = (value: number) => (high > low ? (value - low) / (high - low) : 0);
    // the box's range in the parameter's own units, next to its name
    const parameter = `${parameterLabel(path)}: ${format(range.low)} to ${format(range.high)}`;
    const restricted = box.restricted.includes(path);
    return [
      { parameter, path, layer: "swept range", from: 0, to: 1, low, high, restricted },
      {
        parameter,
        path,
        layer: "box",
        from: share(range.low),
        to: share(range.high),
        low: range.low,
        high: range.high,
        restricted,
      },
    ];
  });
  const title = `Where ${labelInSentence(label)} stays ${bound}`;
  const y = { field: "parameter", type: "nominal", title: null, axis: { labelLimit: 220 } };
  const spec = {
    ...frame(
      title,
      `Box found by PRIM: coverage ${percent(box.coverage)}, density ${percent(box.density)} (threshold ${percent(question.threshold)})`,
    ),
    width: 480,
    height: Math.max(80, 32 * (rows.length / 2)),
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      y,
      x: {
        field: "from",
        type: "quantitative",
        title: "Position within the swept range",
        scale: { domain: [0, 1] },
        axis: { format: "%" },
      },
      x2: { field: "to" },
      color: {
        field: "layer",
        type: "nominal",
        title: null,
        scale: { domain: ["swept range", "box"], range: ["#d9e4ee", MAIN_COLOUR] },
      },
      tooltip: [
        { field: "path", type: "nominal", title: "Parameter" },
        { field: "layer", type: "nominal", title: "Range" },
        { field: "low", type: "quantitative", title: "From", format: ",.4~g" },
        { field: "high", type: "quantitative", title: "To", format: ",.4~g" },
        { field: "restricted", type: "nominal", title: "Restricted by the box" },
      ],
    },
  } as unknown as TopLevelSpec;
  return {
    id: `sweep-box-${position + 1}`,
    title,
    guide:
      "Dark bars are the parameter ranges of the box; a parameter whose dark bar covers its whole range does not matter for the question.",
    spec,
  };
}

/** The charts of every answered box question, in the sweep's order. */
export function buildSweepBoxCharts(summary: SweepSummary): ChartSpec[] {
  return (summary.boxes ?? [])
    .map((question, position) => buildSweepBoxChart(summary, question, position))
    .filter((c): c is ChartSpec => c !== undefined);
}

function percent(value: number): string {
  return `${Math.round(100 * value)}%`;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}
