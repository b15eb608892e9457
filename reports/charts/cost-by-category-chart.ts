/**
 * Monthly cost by ledger category, stacked (means: unlike percentiles, means add up to the mean total).
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { COST_COLOURS, colourRange } from "../chart-theme.ts";
import { humanise } from "../metric-label.ts";
import { COST_SERIES, seriesFamily } from "../metric-names.ts";
import { frame, monthX, SIZE, valueY } from "../spec-parts.ts";

/**
 * Stacked cost chart, categories in the order the model emits its `cost.<category>` series (the ledger's);
 * undefined when there is none.
 */
export function buildCostByCategoryChart(summary: RunSummary): ChartSpec | undefined {
  const family = seriesFamily(summary, COST_SERIES);
  const present = [...family.keys()];
  if (present.length === 0) return undefined;
  const rows: { category: string; order: number; month: number; cost: number }[] = [];
  present.forEach((category, order) => {
    const s = family.get(category)!;
    s.mean.forEach((v, month) => {
      rows.push({ category: humanise(category), order, month, cost: Number.isFinite(v) ? v : 0 });
    });
  });
  const currency = summary.meta.currency;
  const title = "Monthly cost by category";
  const spec = {
    ...frame(title, "Mean across replications"),
    ...SIZE,
    data: { values: rows },
    mark: { type: "area", interpolate: "linear", opacity: 0.9 },
    encoding: {
      x: monthX(summary.meta.horizonMonths),
      y: valueY("cost", `Cost per month (${currency})`, "money", { stack: "zero" }),
      color: {
        field: "category",
        type: "nominal",
        title: null,
        scale: { domain: present.map(humanise), range: colourRange(present, COST_COLOURS) },
        sort: present.map(humanise),
      },
      order: { field: "order", type: "quantitative" },
      tooltip: [
        { field: "category", type: "nominal", title: "Category" },
        { field: "month", type: "quantitative", title: "Month" },
        { field: "cost", type: "quantitative", title: `Mean cost (${currency})`, format: ",.0f" },
      ],
    },
  } as unknown as TopLevelSpec;
  return {
    id: "cost-by-category",
    title,
    guide:
      "The height of each coloured layer is the mean monthly cost of that category; the top edge is the total.",
    spec,
  };
}
