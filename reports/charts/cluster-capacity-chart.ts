/**
 * Compute cluster nodes against node demand over time (Pattern 11 autoscaling): capacity above demand is idle
 * cost, demand above capacity is queueing.
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { RESOURCE_COLOURS } from "../chart-theme.ts";
import { fanChart } from "../fan-chart.ts";
import { SERIES } from "../metric-names.ts";

/** Cluster capacity chart; undefined unless both `clusterNodes` and `clusterDemand` are present. */
export function buildClusterCapacityChart(summary: RunSummary): ChartSpec | undefined {
  const nodes = summary.series[SERIES.clusterNodes];
  const demand = summary.series[SERIES.clusterDemand];
  if (nodes === undefined || demand === undefined) return undefined;
  const title = "Cluster nodes against demand";
  return {
    id: "cluster-capacity",
    title,
    guide:
      "Nodes provisioned versus nodes needed (medians, P10–P90 bands): a gap above demand is idle spend, below it jobs wait.",
    spec: fanChart({
      title,
      items: [
        { label: "Nodes provisioned", series: nodes },
        { label: "Node demand", series: demand },
      ],
      colours: [RESOURCE_COLOURS.cluster, RESOURCE_COLOURS.demand],
      yTitle: "Nodes",
      kind: "number",
      months: summary.meta.horizonMonths,
    }),
  };
}
