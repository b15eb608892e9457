/**
 * Time-to-market distribution: histogram of every delivered project's approval-to-production time, pooled over
 * replications, with the P50, P80 and P95 marked.
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR, PERCENTILE_COLOURS } from "../chart-theme.ts";
import { findSample } from "../metric-names.ts";
import { formatMetric } from "../number-format.ts";
import { frame, SIZE } from "../spec-parts.ts";

/** Time-to-market histogram; undefined without the `timeToMarketDays` sample or with an empty histogram. */
export function buildTimeToMarketChart(summary: RunSummary): ChartSpec | undefined {
  const sample = findSample(summary.samples, "timeToMarketDays");
  if (sample === undefined || sample.n === 0) return undefined;
  const { edges, counts } = sample.histogram;
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0 || edges.length !== counts.length + 1) return undefined;
  const bins = counts.map((count, i) => ({
    x0: edges[i]!,
    x1: edges[i + 1]!,
    count,
    share: (100 * count) / total,
  }));
  const currency = summary.meta.currency;
  const markers = (["p50", "p80", "p95"] as const).map((p) => ({
    percentile: p.toUpperCase(),
    value: sample[p],
    text: `${p.toUpperCase()} ${formatMetric(sample[p], sample.unit, currency)}`,
  }));
  const unitTitle = `Time to market (${sample.unit === "" ? "days" : sample.unit})`;
  const title = "Time to market";
  const percentileColour = {
    field: "percentile",
    type: "nominal",
    title: null,
    scale: {
      domain: ["P50", "P80", "P95"],
      range: [PERCENTILE_COLOURS.p50, PERCENTILE_COLOURS.p80, PERCENTILE_COLOURS.p95],
    },
    legend: null,
  };
  const spec = {
    ...frame(
      title,
      `${total.toLocaleString("en-US")} delivered projects across ${summary.replications} replications`,
    ),
    ...SIZE,
    layer: [
      {
        data: { values: bins },
        mark: { type: "bar", color: MAIN_COLOUR, opacity: 0.75, binSpacing: 1 },
        encoding: {
          x: { field: "x0", type: "quantitative", title: unitTitle, bin: { binned: true } },
          x2: { field: "x1" },
          y: {
            field: "share",
            type: "quantitative",
            title: "Share of projects (%)",
            scale: { domain: [0, Math.max(...bins.map((b) => b.share)) * 1.4] },
          },
          tooltip: [
            { field: "x0", type: "quantitative", title: "From" },
            { field: "x1", type: "quantitative", title: "To" },
            { field: "count", type: "quantitative", title: "Projects" },
            { field: "share", type: "quantitative", title: "Share (%)", format: ".1f" },
          ],
        },
      },
      {
        data: { values: markers },
        mark: { type: "rule", strokeWidth: 2, strokeDash: [5, 3] },
        encoding: { x: { field: "value", type: "quantitative" }, color: percentileColour },
      },
      ...markers.map((marker, i) => ({
        data: { values: [marker] },
        mark: { type: "text", align: "left", dx: 4, y: 8 + 16 * i, fontSize: 11, fontWeight: "bold" },
        encoding: {
          x: { field: "value", type: "quantitative" },
          text: { field: "text" },
          color: percentileColour,
        },
      })),
    ],
  } as unknown as TopLevelSpec;
  return {
    id: "time-to-market",
    title,
    guide:
      "Bars show how often each approval-to-production time occurs; dashed lines mark the median (P50), P80 and P95.",
    spec,
  };
}
