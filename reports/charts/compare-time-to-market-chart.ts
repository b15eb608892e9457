/**
 * Time-to-market distributions of the scenarios overlaid: each scenario's histogram as a step line of the share
 * of projects per bin (shares, not counts, so scenarios with different numbers of projects compare).
 */
import type { TopLevelSpec } from "vega-lite";
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL } from "../chart-theme.ts";
import { findSample } from "../metric-names.ts";
import { frame, SIZE } from "../spec-parts.ts";
import { scenarioLabels } from "./scenario-labels.ts";

/** Overlaid time-to-market histograms; undefined unless every scenario has a non-empty sample. */
export function buildCompareTimeToMarketChart(summary: CompareSummary): ChartSpec | undefined {
  const runs = summary.scenarios;
  const samples = runs.map((r) => findSample(r.samples, "timeToMarketDays"));
  if (
    runs.length < 2 ||
    samples.some((s) => s === undefined || s.histogram.counts.reduce((a, b) => a + b, 0) === 0)
  )
    return undefined;
  const labels = scenarioLabels(summary);
  const rows: { scenario: string; x: number; share: number }[] = [];
  const medians: { scenario: string; p50: number }[] = [];
  samples.forEach((s, i) => {
    const { edges, counts } = s!.histogram;
    const total = counts.reduce((a, b) => a + b, 0);
    counts.forEach((c, b) => {
      rows.push({ scenario: labels[i]!, x: edges[b]!, share: (100 * c) / total });
    });
    rows.push({ scenario: labels[i]!, x: edges[edges.length - 1]!, share: 0 });
    medians.push({ scenario: labels[i]!, p50: s!.p50 });
  });
  const colour = {
    field: "scenario",
    type: "nominal",
    title: null,
    scale: { domain: labels, range: labels.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]) },
  };
  const unit = samples[0]!.unit;
  const title = "Time to market by scenario";
  const spec = {
    ...frame(title, "Dashed lines: medians"),
    ...SIZE,
    layer: [
      {
        data: { values: rows },
        mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
        encoding: {
          x: {
            field: "x",
            type: "quantitative",
            title: unit === "" ? "Time to market" : `Time to market (${unit})`,
          },
          y: { field: "share", type: "quantitative", title: "Share of projects (%)" },
          color: colour,
        },
      },
      {
        data: { values: medians },
        mark: { type: "rule", strokeDash: [5, 3], strokeWidth: 2 },
        encoding: {
          x: { field: "p50", type: "quantitative" },
          color: colour,
          tooltip: [
            { field: "scenario", type: "nominal", title: "Scenario" },
            { field: "p50", type: "quantitative", title: "Median", format: ".1f" },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: "compare-time-to-market",
    title,
    guide:
      "Distributions further left deliver faster; dashed lines mark each scenario's median time to market.",
    spec,
  };
}
