/**
 * The hub's work (issue 10 point 2): its utilisation over all its work and the split into expert support, gate
 * reviews and platform work, with the reviewers' own utilisation, which the support-only hubUtilisation hides.
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { kpiRangeChart } from "./kpi-range-chart.ts";

/** Hub work chart; undefined without a hub. */
export function buildHubWorkChart(summary: RunSummary): ChartSpec | undefined {
  return kpiRangeChart(summary, {
    id: "hub-work",
    title: "The hub's work and its reviewers",
    guide:
      "Hub utilisation over all its work (support, reviews, platform) and its parts as shares of the hub's FTE; " +
      "reviewer utilisation near 100% means gate reviews queue (see the gate wait).",
    xTitle: "Share (%)",
    kpis: [
      { name: "hubWorkUtilisation", label: "Hub, all work" },
      { name: "hubWork.support", label: "of which support" },
      { name: "hubWork.reviews", label: "of which gate reviews" },
      { name: "hubWork.platform", label: "of which platform work" },
      { name: "reviewerUtilisation", label: "Gate reviewers" },
    ],
  });
}
