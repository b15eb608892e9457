/**
 * Paired differences against the baseline (common random numbers): per KPI the mean difference and its 95% CI,
 * relative to the baseline mean so KPIs of different units share one axis; coloured by verdict (better, worse,
 * not distinguishable: the CI contains 0).
 */
import type { TopLevelSpec } from "vega-lite";
import type { CompareSummary, KpiDifference } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { REFERENCE_COLOUR } from "../chart-theme.ts";
import { metricLabel } from "../metric-label.ts";
import { headlineKpis } from "../metric-names.ts";
import { formatMetric } from "../number-format.ts";
import { frame } from "../spec-parts.ts";

/**
 * Differences shown: the headline KPIs when present (the platform's when the baseline delivers nothing), else
 * the first 12.
 */
export function shownDifferences(summary: CompareSummary): KpiDifference[] {
  const base = summary.scenarios[0];
  const headline = new Set<string>(base === undefined ? [] : headlineKpis(base));
  const picked = summary.differences.filter((d) => headline.has(d.name));
  return picked.length > 0 ? picked : summary.differences.slice(0, 12);
}

/** Verdict of one difference: better/worse when the 95% CI excludes 0, else "not distinguishable". */
export function verdict(d: KpiDifference): "better" | "worse" | "not distinguishable" | "different" {
  if (d.ciLow <= 0 && d.ciHigh >= 0) return "not distinguishable";
  if (d.better === undefined) return "different";
  const up = d.ciLow > 0;
  return (up && d.better === "higher") || (!up && d.better === "lower") ? "better" : "worse";
}

const VERDICTS = ["better", "worse", "not distinguishable", "different"];
const VERDICT_COLOURS = ["#2e8b57", "#c0392b", "#8c96a0", "#4c78a8"];

/** Forest plot of paired differences; undefined without differences. */
export function buildCompareDifferencesChart(summary: CompareSummary): ChartSpec | undefined {
  const diffs = shownDifferences(summary).filter(
    (d) => Number.isFinite(d.meanBaseline) && d.meanBaseline !== 0,
  );
  if (diffs.length === 0) return undefined;
  const currency = summary.scenarios[0]?.meta.currency ?? "USD";
  const rows = diffs.map((d) => {
    const base = Math.abs(d.meanBaseline);
    return {
      kpi: metricLabel(d),
      alternative: d.alternative,
      relative: (100 * d.meanDifference) / base,
      relLow: (100 * d.ciLow) / base,
      relHigh: (100 * d.ciHigh) / base,
      difference: formatMetric(d.meanDifference, d.unit, currency, d.name),
      ci: `${formatMetric(d.ciLow, d.unit, currency, d.name)} to ${formatMetric(d.ciHigh, d.unit, currency, d.name)}`,
      verdict: verdict(d),
    };
  });
  const kpis = [...new Set(rows.map((r) => r.kpi))];
  const alternatives = [...new Set(rows.map((r) => r.alternative))];
  const y = { field: "kpi", type: "nominal", title: null, sort: kpis, axis: { labelLimit: 200 } };
  const yOffset =
    alternatives.length > 1
      ? { yOffset: { field: "alternative", type: "nominal", scale: { domain: alternatives } } }
      : {};
  const x = {
    type: "quantitative",
    title: "Difference against the baseline mean (%)",
    axis: { labelExpr: "format(datum.value, '+~r') + '%'" },
  };
  const colour = {
    field: "verdict",
    type: "nominal",
    title: "Alternative is",
    scale: { domain: VERDICTS, range: VERDICT_COLOURS },
  };
  const baseline = summary.differences[0]?.baseline ?? summary.scenarios[0]?.meta.scenarioName ?? "baseline";
  const title = "Paired differences against the baseline";
  const spec = {
    ...frame(title, `Mean difference with 95% CI, relative to “${baseline}”`),
    width: 520,
    height: Math.max(120, 26 * kpis.length * Math.max(1, alternatives.length)),
    data: { values: rows },
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [4, 4] },
        encoding: { x: { field: "zero", type: "quantitative" } },
      },
      {
        mark: { type: "rule", strokeWidth: 2 },
        encoding: { y, ...yOffset, x: { ...x, field: "relLow" }, x2: { field: "relHigh" }, color: colour },
      },
      {
        mark: { type: "point", filled: true, size: 70 },
        encoding: {
          y,
          ...yOffset,
          x: { ...x, field: "relative" },
          color: colour,
          shape:
            alternatives.length > 1
              ? { field: "alternative", type: "nominal", title: "Alternative" }
              : { value: "circle" },
          tooltip: [
            { field: "kpi", type: "nominal", title: "KPI" },
            { field: "alternative", type: "nominal", title: "Alternative" },
            { field: "difference", type: "nominal", title: "Mean difference" },
            { field: "ci", type: "nominal", title: "95% CI" },
            { field: "relative", type: "quantitative", title: "Relative (%)", format: "+.1f" },
            { field: "verdict", type: "nominal", title: "Verdict" },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: "compare-differences",
    title,
    guide:
      "Dots are mean differences (alternative minus baseline) with 95% confidence intervals; an interval crossing the dashed zero line is not a proven difference.",
    spec,
  };
}
