/**
 * Probability of reaching N delivered projects by each month (one S-curve per threshold N).
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { REFERENCE_COLOUR } from "../chart-theme.ts";
import { deliversProjects } from "../metric-names.ts";
import { frame, monthX, reachProbabilityY, SIZE } from "../spec-parts.ts";

const REACH_COLOURS = ["#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];

/** Reach S-curves; undefined when the summary has no thresholds or the scenario delivers nothing. */
export function buildReachChart(summary: RunSummary): ChartSpec | undefined {
  const { thresholds, probability } = summary.reach;
  if (thresholds.length === 0 || probability.length === 0 || !deliversProjects(summary)) return undefined;
  const months = summary.meta.horizonMonths;
  const labels = thresholds.map((t) => `≥ ${t.toLocaleString("en-US")}`);
  const rows: { threshold: string; month: number; probability: number }[] = [];
  thresholds.forEach((_, t) => {
    (probability[t] ?? []).forEach((p, m) => {
      rows.push({ threshold: labels[t]!, month: m, probability: 100 * p });
    });
  });
  const title = "Probability of reaching N delivered projects";
  const spec = {
    ...frame(
      title,
      summary.reach.thresholdSource === "targets"
        ? "Your delivery targets (--targets); dashed: 80%"
        : undefined,
    ),
    ...SIZE,
    layer: [
      {
        data: { values: rows },
        mark: { type: "line", strokeWidth: 2.2, interpolate: "monotone" },
        encoding: {
          x: monthX(months),
          y: reachProbabilityY(),
          color: {
            field: "threshold",
            type: "ordinal",
            title: "Projects delivered",
            scale: { domain: labels, range: REACH_COLOURS.slice(-labels.length) },
            sort: labels,
          },
          tooltip: [
            { field: "threshold", type: "nominal", title: "Projects" },
            { field: "month", type: "quantitative", title: "Month" },
            { field: "probability", type: "quantitative", title: "Probability (%)", format: ".0f" },
          ],
        },
      },
      {
        data: { values: [{ y: 80 }] },
        mark: { type: "rule", strokeDash: [4, 4], color: REFERENCE_COLOUR, opacity: 0.6 },
        encoding: { y: { field: "y", type: "quantitative" } },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: "reach",
    title,
    guide:
      "Read across a curve to see by which month a delivery target becomes likely; the dashed line marks 80% confidence.",
    spec,
  };
}
