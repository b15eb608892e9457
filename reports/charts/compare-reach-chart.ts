/**
 * Probability of reaching each delivery target by month, every scenario's S-curve on one chart: one panel per
 * target, one line per scenario, the 80% line dashed.
 */
import type { TopLevelSpec } from "vega-lite";
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL, PANEL_HEIGHT, REFERENCE_COLOUR } from "../chart-theme.ts";
import { targetText } from "../delivery-targets.ts";
import { deliversProjects } from "../metric-names.ts";
import { frame, monthX, reachProbabilityY } from "../spec-parts.ts";
import { scenarioLabels } from "./scenario-labels.ts";

/** Panels per row. */
const COLUMNS = 3;

/**
 * The overlaid S-curves; undefined unless at least two scenarios deliver projects and share reach thresholds
 * (compareScenarios gives them the same ones).
 */
export function buildCompareReachChart(summary: CompareSummary): ChartSpec | undefined {
  const runs = summary.scenarios;
  if (runs.length < 2 || !runs.every(deliversProjects)) return undefined;
  const thresholds = runs[0]!.reach.thresholds;
  if (thresholds.length === 0) return undefined;
  const labels = scenarioLabels(summary);
  const targets = thresholds.map(targetText);
  const rows: { scenario: string; target: string; month: number; probability: number }[] = [];
  runs.forEach((run, s) => {
    thresholds.forEach((threshold, t) => {
      const i = run.reach.thresholds.indexOf(threshold);
      if (i < 0) return;
      (run.reach.probability[i] ?? []).forEach((p, month) => {
        rows.push({ scenario: labels[s]!, target: targets[t]!, month, probability: 100 * p });
      });
    });
  });
  if (rows.length === 0) return undefined;
  const months = Math.max(...runs.map((r) => r.meta.horizonMonths));
  const title = "Probability of reaching each delivery target, by scenario";
  const spec = {
    ...frame(title, "Share of replications that reached the target by each month; dashed: 80%"),
    data: { values: rows },
    facet: { field: "target", type: "ordinal", title: null, sort: targets },
    columns: Math.min(COLUMNS, targets.length),
    spec: {
      width: targets.length === 1 ? 520 : 240,
      height: targets.length === 1 ? 240 : PANEL_HEIGHT,
      layer: [
        {
          mark: { type: "line", strokeWidth: 2.2, interpolate: "monotone" },
          encoding: {
            x: monthX(months),
            y: reachProbabilityY(),
            color: {
              field: "scenario",
              type: "nominal",
              title: null,
              scale: { domain: labels, range: labels.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]!) },
            },
            tooltip: [
              { field: "scenario", type: "nominal", title: "Scenario" },
              { field: "target", type: "nominal", title: "Target" },
              { field: "month", type: "quantitative", title: "Month" },
              { field: "probability", type: "quantitative", title: "Probability (%)", format: ".0f" },
            ],
          },
        },
        {
          mark: { type: "rule", strokeDash: [4, 4], color: REFERENCE_COLOUR, opacity: 0.6 },
          encoding: { y: { datum: 80 } },
        },
      ],
    },
  } as unknown as TopLevelSpec;
  return {
    id: "compare-reach",
    title,
    // one panel per target: the small multiples need the full width of the page
    ...(targets.length > 1 ? { wide: true } : {}),
    guide:
      "Where a scenario's curve crosses the dashed line, the target is reached in 80% of futures; the curve further left reaches it sooner.",
    spec,
  };
}
