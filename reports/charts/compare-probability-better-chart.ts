/**
 * Probability that the alternative beats the baseline on each KPI (share of paired replications; ties count
 * half), with 50% (a coin toss) marked.
 */
import type { TopLevelSpec } from "vega-lite";
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL, REFERENCE_COLOUR } from "../chart-theme.ts";
import { metricLabel } from "../metric-label.ts";
import { frame } from "../spec-parts.ts";
import { shownDifferences } from "./compare-differences-chart.ts";

/** Probability-of-being-better chart; undefined when no shown difference has a better direction. */
export function buildCompareProbabilityBetterChart(summary: CompareSummary): ChartSpec | undefined {
  const diffs = shownDifferences(summary).filter(
    (d) => d.better !== undefined && Number.isFinite(d.probabilityBetter),
  );
  if (diffs.length === 0) return undefined;
  const rows = diffs.map((d) => ({
    kpi: metricLabel(d),
    alternative: d.alternative,
    probability: 100 * d.probabilityBetter,
    better: d.better ?? "",
  }));
  const kpis = [...new Set(rows.map((r) => r.kpi))];
  const alternatives = [...new Set(rows.map((r) => r.alternative))];
  const y = { field: "kpi", type: "nominal", title: null, sort: kpis, axis: { labelLimit: 200 } };
  const title = "Probability of being better than the baseline";
  const spec = {
    ...frame(title),
    width: 520,
    height: Math.max(120, 24 * kpis.length * Math.max(1, alternatives.length)),
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y,
          ...(alternatives.length > 1
            ? { yOffset: { field: "alternative", type: "nominal", scale: { domain: alternatives } } }
            : {}),
          x: {
            field: "probability",
            type: "quantitative",
            title: "Probability the alternative is better (%)",
            scale: { domain: [0, 100] },
            axis: { labelExpr: "datum.value + '%'" },
          },
          color: {
            field: "alternative",
            type: "nominal",
            title: "Alternative",
            scale: {
              domain: alternatives,
              range: alternatives.map((_, i) => CATEGORICAL[(i + 1) % CATEGORICAL.length]),
            },
          },
          tooltip: [
            { field: "kpi", type: "nominal", title: "KPI" },
            { field: "alternative", type: "nominal", title: "Alternative" },
            { field: "probability", type: "quantitative", title: "Probability (%)", format: ".0f" },
            { field: "better", type: "nominal", title: "Better is" },
          ],
        },
      },
      {
        data: { values: [{ x: 50 }] },
        mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [4, 4] },
        encoding: { x: { field: "x", type: "quantitative" } },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: "compare-probability-better",
    title,
    guide:
      "Share of paired replications in which the alternative did better; bars near 100% mean it almost always wins, near 50% a coin toss.",
    spec,
  };
}
