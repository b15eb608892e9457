/**
 * Compute cluster nodes provisioned against nodes busy over time (Pattern 11 autoscaling): the gap between them
 * is idle cost. Without the busy-nodes series, the provisioned nodes alone.
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
  const busy = findSeries(summary, "clusterBusyNodes");
  const items: FanSeries[] = [{ label: "Nodes provisioned", series: nodes }];
  if (busy !== undefined) items.push({ label: "Nodes busy", series: busy });
  const title = busy === undefined ? "Cluster nodes over time" : "Cluster nodes provisioned and busy";
  return {
    id: "cluster-capacity",
    title,
    guide:
      busy === undefined
        ? "Mean nodes provisioned each month (median line, P10–P90 band); autoscaling makes this follow the training workload."
        : "Nodes provisioned versus nodes running jobs (medians, P10–P90 bands): the gap between them is idle spend.",
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
