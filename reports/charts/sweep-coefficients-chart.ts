/**
 * Standardised regression (SRC) and partial rank correlation (PRCC) coefficients of a KPI, per parameter, as
 * two bars on a -1 to 1 scale, parameters sorted by |SRC| (else |PRCC|) so the most influential is on top.
 * SRC: the KPI's change in standard deviations per standard deviation of the parameter, the others fixed
 * (Saltelli et al., "Global Sensitivity Analysis: The Primer", Wiley 2008, section 1.2.5); meaningful when the
 * relation is near linear. PRCC: the rank correlation of parameter and KPI with the other parameters' effects
 * removed (Marino et al., J. Theor. Biol. 254, 2008); holds for any monotone relation. The sign says the
 * direction: positive means the KPI rises with the parameter.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL, REFERENCE_COLOUR } from "../chart-theme.ts";
import { frame } from "../spec-parts.ts";
import {
  byInfluence,
  chartedSweepKpis,
  kpiIdPart,
  labelInSentence,
  parameterLabel,
  type SweepChartOptions,
  sweepKpiInfo,
} from "./sweep-kpi.ts";

/** The two measures, in legend order. */
export const COEFFICIENT_MEASURES = ["SRC", "PRCC"] as const;

/** The coefficients chart of one KPI; undefined when the sweep has neither SRC nor PRCC for it. */
export function buildSweepCoefficientsChart(summary: SweepSummary, kpi: string): ChartSpec | undefined {
  const src = summary.src[kpi] ?? {};
  const prcc = summary.prcc[kpi] ?? {};
  const paths = summary.parameters
    .map((p) => p.path)
    .filter((path) => Number.isFinite(src[path]) || Number.isFinite(prcc[path]));
  if (paths.length === 0) return undefined;
  const label = sweepKpiInfo(summary, kpi)?.label ?? kpi;
  const ordered = byInfluence(summary, kpi, paths);
  const order = ordered.map(parameterLabel);
  const bars = ordered.flatMap((path) =>
    (
      [
        ["SRC", src[path]],
        ["PRCC", prcc[path]],
      ] as const
    )
      .filter(([, value]) => value !== undefined && Number.isFinite(value))
      .map(([measure, value]) => ({ parameter: parameterLabel(path), path, measure, value: value! })),
  );
  const y = { field: "parameter", type: "nominal", title: null, sort: order, axis: { labelLimit: 220 } };
  const title = `What moves ${labelInSentence(label)}: SRC and PRCC`;
  const spec = {
    ...frame(title, "Bars to the right: the KPI rises with the parameter; to the left: it falls"),
    width: 480,
    height: Math.max(100, 40 * order.length),
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", height: { band: 0.8 } },
        encoding: {
          y,
          yOffset: { field: "measure", type: "nominal", scale: { domain: [...COEFFICIENT_MEASURES] } },
          x: {
            field: "value",
            type: "quantitative",
            title: "Coefficient (−1 to 1, unitless)",
            scale: { domain: [-1, 1] },
            axis: { format: ".1f" },
          },
          color: {
            field: "measure",
            type: "nominal",
            title: null,
            scale: { domain: [...COEFFICIENT_MEASURES], range: [CATEGORICAL[0], CATEGORICAL[1]] },
          },
          tooltip: [
            { field: "path", type: "nominal", title: "Parameter" },
            { field: "measure", type: "nominal", title: "Measure" },
            { field: "value", type: "quantitative", title: "Coefficient", format: ".3f" },
          ],
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: "rule", color: REFERENCE_COLOUR },
        encoding: { x: { field: "zero", type: "quantitative" } },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: `sweep-coefficients-${kpiIdPart(kpi)}`,
    title,
    guide:
      "SRC: standard deviations of the KPI per standard deviation of the parameter (linear fit); PRCC: rank correlation with the other parameters held out (any monotone effect). Near 0: the parameter hardly matters.",
    spec,
  };
}

/** Coefficients charts of every KPI charted (the asked ones, else the primary KPI). */
export function buildSweepCoefficientsCharts(
  summary: SweepSummary,
  options: SweepChartOptions = {},
): ChartSpec[] {
  return chartedSweepKpis(summary, options.kpis)
    .map((kpi) => buildSweepCoefficientsChart(summary, kpi))
    .filter((c): c is ChartSpec => c !== undefined);
}
