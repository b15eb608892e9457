/**
 * Utilisation of hub, spokes and compute cluster over time (median and P10-P90 band each).
 */
import type { SeriesName } from "../../src/model/metrics.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { RESOURCE_COLOURS } from "../chart-theme.ts";
import { type FanSeries, fanChart } from "../fan-chart.ts";
import { findSeries } from "../metric-names.ts";
import { percentFactor } from "../metric-units.ts";

/** Utilisation chart; undefined when none of the three utilisation series is present. */
export function buildUtilisationChart(summary: RunSummary): ChartSpec | undefined {
  const wanted: { name: SeriesName; label: string; colour: string }[] = [
    { name: "hubUtilisation", label: "Hub", colour: RESOURCE_COLOURS.hub },
    { name: "spokeUtilisation", label: "Spokes", colour: RESOURCE_COLOURS.spokes },
    { name: "clusterUtilisation", label: "Cluster", colour: RESOURCE_COLOURS.cluster },
  ];
  const items: FanSeries[] = [];
  const colours: string[] = [];
  for (const w of wanted) {
    const series = findSeries(summary, w.name);
    if (series === undefined) continue;
    items.push({ label: w.label, series, factor: percentFactor(series.unit) });
    colours.push(w.colour);
  }
  if (items.length === 0) return undefined;
  const title = "Utilisation of hub, spokes and cluster";
  return {
    id: "utilisation",
    title,
    guide:
      "Lines are median utilisation, bands the P10–P90 range; sustained values near 100% mean queues and delays.",
    spec: fanChart({
      title,
      items,
      colours,
      yTitle: "Utilisation (%)",
      kind: "percent",
      months: summary.meta.horizonMonths,
      yDomain: [0, 100],
    }),
  };
}
