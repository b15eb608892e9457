/**
 * Compute cluster nodes against node demand over time (Pattern 11 autoscaling): capacity above demand is idle
 * cost, demand above capacity is queueing. Without a demand series, the provisioned nodes alone.
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { RESOURCE_COLOURS } from "../chart-theme.ts";
import { type FanSeries, fanChart } from "../fan-chart.ts";
import { findSeries } from "../metric-names.ts";

/** Cluster capacity chart; undefined without `clusterNodes`. */
export function buildClusterCapacityChart(summary: RunSummary): ChartSpec | undefined {
  const nodes = findSeries(summary, "clusterNodes");
  if (nodes === undefined) return undefined;
  const demand = findSeries(summary, "clusterBusyNodes");
  const items: FanSeries[] = [{ label: "Nodes provisioned", series: nodes }];
  if (demand !== undefined) items.push({ label: "Node demand", series: demand });
  const title = demand === undefined ? "Cluster nodes over time" : "Cluster nodes against demand";
  return {
    id: "cluster-capacity",
    title,
    guide:
      demand === undefined
        ? "Mean nodes provisioned each month (median line, P10–P90 band); autoscaling makes this follow the training workload."
        : "Nodes provisioned versus nodes needed (medians, P10–P90 bands): a gap above demand is idle spend, below it jobs wait.",
    spec: fanChart({
      title,
      items,
      colours: [RESOURCE_COLOURS.cluster, RESOURCE_COLOURS.demand].slice(0, items.length),
      yTitle: "Nodes",
      kind: "number",
      months: summary.meta.horizonMonths,
    }),
  };
}
