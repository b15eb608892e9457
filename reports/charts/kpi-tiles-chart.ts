/**
 * KPI tiles as a chart (for the SVG/PNG export; the HTML report draws the same tiles as HTML): one cell per KPI
 * with its label, median and P10-P90 range.
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { buildKpiTiles } from "../kpi-tiles.ts";
import { shortLabel } from "../metric-label.ts";
import { frame } from "../spec-parts.ts";

const COLUMNS = 4;
const CELL_WIDTH = 230;
const CELL_HEIGHT = 84;

/** KPI tiles chart; undefined when the summary has no KPI. */
export function buildKpiTilesChart(summary: RunSummary): ChartSpec | undefined {
  const tiles = buildKpiTiles(summary);
  if (tiles.length === 0) return undefined;
  const values = tiles.map((t, i) => ({
    name: t.name,
    p10: t.p10,
    p50: t.p50,
    p90: t.p90,
    label: shortLabel(t.label),
    p50Text: t.p50Text,
    rangeText: `P10–P90 ${t.rangeText}`,
    col: i % COLUMNS,
    row: Math.floor(i / COLUMNS),
  }));
  const rows = Math.ceil(tiles.length / COLUMNS);
  const columns = Math.min(COLUMNS, tiles.length);
  const x = { field: "col", type: "quantitative", scale: { domain: [0, columns], nice: false }, axis: null };
  const y = {
    field: "row",
    type: "quantitative",
    scale: { domain: [0, rows], nice: false, reverse: true },
    axis: null,
  };
  const text = (field: string, dy: number, size: number, weight: string, colour: string) => ({
    mark: {
      type: "text",
      align: "left",
      baseline: "top",
      dx: 10,
      dy,
      fontSize: size,
      fontWeight: weight,
      color: colour,
      limit: CELL_WIDTH - 20,
    },
    encoding: { x, y, text: { field } },
  });
  const spec = {
    ...frame("Key results", "Median (P50) with the P10–P90 range across replications"),
    width: CELL_WIDTH * columns,
    height: CELL_HEIGHT * rows,
    data: { values },
    layer: [
      {
        mark: { type: "rect", fill: "#f4f7fa", stroke: "#c9d3dd", cornerRadius: 4 },
        encoding: {
          x: { ...x, field: "col" },
          x2: { field: "colEnd" },
          y: { ...y, field: "row" },
          y2: { field: "rowEnd" },
        },
        transform: [
          { calculate: "datum.col + 0.96", as: "colEnd" },
          { calculate: "datum.row + 0.92", as: "rowEnd" },
        ],
      },
      text("label", 10, 11, "normal", "#444"),
      text("p50Text", 30, 19, "bold", "#1b2a38"),
      text("rangeText", 58, 10, "normal", "#666"),
    ],
  } as unknown as TopLevelSpec;
  return {
    id: "kpi-tiles",
    title: "Key results",
    guide: "Each tile shows the median outcome; the range below it holds 80% of the simulated futures.",
    spec,
  };
}
