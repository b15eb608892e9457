/**
 * Look of every chart: fonts, sizes, the shared Vega-Lite config, and one fixed colour per category so that a
 * category keeps its colour across charts (colours from the Tableau 10 palette used by Vega-Lite).
 */
import type { Config } from "vega-lite";

/** Font stack: DejaVu Sans is shipped by the dejavu-fonts-ttf package and loaded for PNG rendering. */
export const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

/** Plot-area size of a standard chart, in pixels. */
export const CHART_WIDTH = 520;
export const CHART_HEIGHT = 240;
/** Plot-area size of one panel in a small-multiple (concat) chart. */
export const PANEL_WIDTH = 220;
export const PANEL_HEIGHT = 150;

/** Vega-Lite `$schema` of every spec. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Shared Vega-Lite config. */
export const CHART_CONFIG: Config = {
  font: FONT,
  background: "white",
  padding: 8,
  view: { stroke: null },
  title: { fontSize: 13, fontWeight: "bold", anchor: "start", subtitleFontSize: 11, subtitleColor: "#555" },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: "normal",
    titleColor: "#333",
    labelColor: "#333",
    gridColor: "#e6e6e6",
    domainColor: "#888",
    tickColor: "#888",
  },
  legend: { orient: "bottom", labelFontSize: 11, titleFontSize: 11, symbolSize: 80, columns: 4 },
  header: { labelFontSize: 11, titleFontSize: 11 },
  concat: { spacing: 24 },
};

/** Colour of the main series of a single-series chart and of its band. */
export const MAIN_COLOUR = "#2f6b9a";

/** Colours of the ledger cost categories. */
export const COST_COLOURS: Readonly<Record<string, string>> = {
  people: "#4c78a8",
  compute: "#f58518",
  serving: "#54a24b",
  tiers: "#b279a2",
  platform: "#72b7b2",
  investment: "#9d755d",
};

/** Colours of the organisation and platform resources. */
export const RESOURCE_COLOURS = {
  hub: "#4c78a8",
  spokes: "#e45756",
  cluster: "#f58518",
  demand: "#9d755d",
  pods: "#4c78a8",
  cache: "#54a24b",
  value: "#54a24b",
  cost: "#e45756",
} as const;

/** Colours of the guide's service tiers; other tier names take the categorical palette. */
export const TIER_COLOURS: Readonly<Record<string, string>> = {
  Bronze: "#a6761d",
  Silver: "#8c96a0",
  Gold: "#d4a017",
  Platinum: "#4a5a6a",
};

/** Categorical palette (Tableau 10) for scenarios, tenants, buckets. */
export const CATEGORICAL = [
  "#4c78a8",
  "#f58518",
  "#e45756",
  "#72b7b2",
  "#54a24b",
  "#eeca3b",
  "#b279a2",
  "#ff9da6",
  "#9d755d",
  "#bab0ac",
] as const;

/** Colours of the percentile markers P50, P80, P95. */
export const PERCENTILE_COLOURS = { p50: "#1b4f72", p80: "#d35400", p95: "#a93226" } as const;

/** Colour for reference lines (targets, break-even, zero). */
export const REFERENCE_COLOUR = "#c0392b";

/** Colour of `key` from a fixed map, else from the categorical palette by position. */
export function colourFor(key: string, index: number, fixed: Readonly<Record<string, string>> = {}): string {
  return fixed[key] ?? CATEGORICAL[index % CATEGORICAL.length]!;
}

/** Colour range matching a domain, using fixed colours first. */
export function colourRange(
  domain: readonly string[],
  fixed: Readonly<Record<string, string>> = {},
): string[] {
  return domain.map((key, i) => colourFor(key, i, fixed));
}
