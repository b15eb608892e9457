/**
 * How a metric's unit is shown: which values are money, shares (0..1 or percent), multiples or plain counts,
 * with axis titles and d3-format strings to match (d3-format: https://d3js.org/d3-format).
 */
import { KPIS } from "./metric-names.ts";

/** The display kind of a metric, decided from its unit (and its name for ROI). */
export type ValueKind = "money" | "share" | "percent" | "multiple" | "number";

const SHARE_UNITS = new Set(["ratio", "share", "fraction", "probability"]);
const PERCENT_UNITS = new Set(["%", "percent", "pct"]);
const MULTIPLE_UNITS = new Set(["x", "×", "multiple", "times"]);
/** Names that are shares when the model gave no unit (`successRate`, `hubUtilisation`, `cacheHitRatio`). */
const UNITLESS_SHARE_NAME = /(rate|ratio|utilisation|utilization|compliance|attainment|share)$/i;
const MONEY_UNITS = new Set(["usd", "eur", "gbp", "chf", "jpy", "currency", "money"]);

/** Decide how to show a metric with this unit; `currency` is the scenario currency code. */
export function valueKind(unit: string, currency: string, name = ""): ValueKind {
  const u = unit.trim().toLowerCase();
  if (u === currency.toLowerCase() || MONEY_UNITS.has(u)) return "money";
  if (MULTIPLE_UNITS.has(u) || (KPIS.roi as readonly string[]).includes(name)) return "multiple";
  if (SHARE_UNITS.has(u) || (u === "" && UNITLESS_SHARE_NAME.test(name))) return "share";
  if (PERCENT_UNITS.has(u)) return "percent";
  return "number";
}

/** Convert a share-like value to percent (0.95 -> 95 for ratio units, unchanged for percent units). */
export function toPercent(value: number, unit: string, name = ""): number {
  const u = unit.trim().toLowerCase();
  return SHARE_UNITS.has(u) || (u === "" && UNITLESS_SHARE_NAME.test(name)) ? value * 100 : value;
}

/** True when the unit is a share (0..1) or a percent. */
export function isShareLike(unit: string): boolean {
  const u = unit.trim().toLowerCase();
  return SHARE_UNITS.has(u) || PERCENT_UNITS.has(u);
}

/** Axis title with its unit: `Cost (USD)`, `Utilisation (%)`; counts whose unit repeats the label stay bare. */
export function axisTitle(label: string, unit: string, currency: string, name = ""): string {
  const kind = valueKind(unit, currency, name);
  if (kind === "money") return `${label} (${currency})`;
  if (kind === "share" || kind === "percent") return `${label} (%)`;
  if (kind === "multiple") return `${label} (×)`;
  if (unit === "" || label.toLowerCase().includes(unit.toLowerCase())) return label;
  return `${label} (${unit})`;
}

/**
 * Vega expression formatting `datum.value` for an axis of this kind (compact money with B for billions,
 * percent for shares already scaled to percent, one decimal for multiples).
 */
export function axisLabelExpr(kind: ValueKind): string {
  switch (kind) {
    case "money":
      return "replace(format(datum.value, '~s'), 'G', 'B')";
    case "share":
    case "percent":
      return "format(datum.value, '~r') + '%'";
    case "multiple":
      return "format(datum.value, '.1f') + '×'";
    default:
      return "format(datum.value, '~s')";
  }
}

/** d3-format string for tooltips of this kind (values of share kinds are already in percent). */
export function tooltipFormat(kind: ValueKind): string {
  switch (kind) {
    case "money":
      return ",.0f";
    case "share":
    case "percent":
      return ".1f";
    case "multiple":
      return ".2f";
    default:
      return ",.1f";
  }
}

/**
 * Factor turning values of a share-like metric into percent: 100 for share units, 1 for percent units, and for a
 * metric without a unit 100 when every finite value lies in [0, 1] (a ratio), else 1.
 */
export function percentFactor(unit: string, values: Iterable<number>): number {
  const u = unit.trim().toLowerCase();
  if (SHARE_UNITS.has(u)) return 100;
  if (PERCENT_UNITS.has(u) || u !== "") return 1;
  for (const v of values) if (Number.isFinite(v) && (v < 0 || v > 1)) return 1;
  return 100;
}

/** Convert a value for charting: shares become percent, everything else (multiples included) is unchanged. */
export function chartValue(value: number, unit: string, name = ""): number {
  return valueKind(unit, "", name) === "share" ? toPercent(value, unit, name) : value;
}
