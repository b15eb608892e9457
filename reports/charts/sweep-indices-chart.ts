/**
 * Global sensitivity charts of a sweep, one per KPI (the primary KPI first, at most three):
 *
 * - Sobol' ("sobol" sampling): per parameter, a bar for the first-order index (share of the KPI's variance the
 *   parameter explains alone) and one for the total-order index (alone and through interactions), each with its
 *   95% bootstrap interval as an error bar;
 * - Morris ("morris" sampling): per parameter, mu* (mean absolute elementary effect) with its 95% bootstrap
 *   interval, and sigma (spread of the effects: interactions or non-linearity) as a second bar.
 *
 * Parameters are sorted by total order, or by mu*, so the most influential is on top.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL } from "../chart-theme.ts";
import { frame } from "../spec-parts.ts";
import {
  familyKpis,
  kpiIdPart,
  labelInSentence,
  parameterLabel,
  type SweepChartOptions,
  sweepKpiInfo,
} from "./sweep-kpi.ts";

interface Bar {
  parameter: string;
  path: string;
  measure: string;
  value: number;
  low: number | null;
  high: number | null;
}

/** The Sobol' or Morris chart of one KPI; undefined when the sweep has no such indices for it. */
export function buildSweepIndicesChart(summary: SweepSummary, kpi: string): ChartSpec | undefined {
  const label = sweepKpiInfo(summary, kpi)?.label ?? kpi;
  const sobol = summary.sobol?.[kpi];
  const morris = summary.morris?.[kpi];
  let bars: Bar[];
  let order: string[];
  let measures: string[];
  let axis: string;
  let title: string;
  let guide: string;
  if (sobol !== undefined && Object.keys(sobol).length > 0) {
    const entries = Object.entries(sobol).sort(([, a], [, b]) => finite(b.total) - finite(a.total));
    order = entries.map(([path]) => parameterLabel(path));
    measures = ["first order", "total order"];
    bars = entries.flatMap(([path, index]) => [
      bar(path, "first order", index.first, index.firstLow, index.firstHigh),
      bar(path, "total order", index.total, index.totalLow, index.totalHigh),
    ]);
    axis = "Share of variance";
    title = `Sobol' indices of ${labelInSentence(label)}`;
    guide =
      "First order: the share of the variance a parameter explains alone; total order: alone and through interactions. Whiskers are 95% bootstrap intervals.";
  } else if (morris !== undefined && Object.keys(morris).length > 0) {
    const entries = Object.entries(morris).sort(([, a], [, b]) => finite(b.muStar) - finite(a.muStar));
    order = entries.map(([path]) => parameterLabel(path));
    measures = ["mu*", "sigma"];
    bars = entries.flatMap(([path, index]) => [
      bar(path, "mu*", index.muStar, index.muStarLow, index.muStarHigh),
      bar(path, "sigma", index.sigma, null, null),
    ]);
    axis = `Change of ${labelInSentence(label)} over the parameter's range`;
    title = `Morris screening of ${labelInSentence(label)}`;
    guide =
      "mu*: mean absolute effect of moving a parameter (whiskers: 95% bootstrap interval); sigma: how much that effect varies, from interactions or non-linearity.";
  } else {
    return undefined;
  }
  const y = { field: "parameter", type: "nominal", title: null, sort: order, axis: { labelLimit: 220 } };
  const yOffset = { field: "measure", type: "nominal", scale: { domain: measures } };
  const spec = {
    ...frame(title),
    width: 480,
    height: Math.max(100, 40 * order.length),
    data: { values: bars },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.8 } },
        encoding: {
          y,
          yOffset,
          x: { field: "value", type: "quantitative", title: axis },
          color: {
            field: "measure",
            type: "nominal",
            title: null,
            scale: { domain: measures, range: [CATEGORICAL[0], CATEGORICAL[1]] },
          },
          tooltip: [
            { field: "path", type: "nominal", title: "Parameter" },
            { field: "measure", type: "nominal", title: "Measure" },
            { field: "value", type: "quantitative", title: "Value", format: ".3f" },
            { field: "low", type: "quantitative", title: "95% low", format: ".3f" },
            { field: "high", type: "quantitative", title: "95% high", format: ".3f" },
          ],
        },
      },
      {
        transform: [{ filter: "isValid(datum.low) && isValid(datum.high)" }],
        mark: { type: "rule", color: "#333333" },
        encoding: { y, yOffset, x: { field: "low", type: "quantitative" }, x2: { field: "high" } },
      },
    ],
  } as unknown as TopLevelSpec;
  return { id: `sweep-indices-${kpiIdPart(kpi)}`, title, guide, spec };
}

/**
 * Index charts of every KPI asked (`options.kpis`); without a choice, the primary KPI first, then others up to
 * `max` in all.
 */
export function buildSweepIndicesCharts(
  summary: SweepSummary,
  options: SweepChartOptions = {},
  max = 3,
): ChartSpec[] {
  const available = Object.keys(summary.sobol ?? summary.morris ?? {});
  return familyKpis(summary, options.kpis, available, Number.POSITIVE_INFINITY)
    .map((kpi) => buildSweepIndicesChart(summary, kpi))
    .filter((c): c is ChartSpec => c !== undefined)
    .slice(0, options.kpis !== undefined && options.kpis.length > 0 ? undefined : max);
}

function bar(path: string, measure: string, value: number, low: number | null, high: number | null): Bar {
  return { parameter: parameterLabel(path), path, measure, value, low, high };
}

// NaN indices (a KPI that does not vary) sort last
function finite(value: number): number {
  return Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
}
