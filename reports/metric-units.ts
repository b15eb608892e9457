/**
 * How a metric's unit is shown: which values are money, shares (0..1, shown in percent), multiples or plain
 * numbers, with axis titles and d3-format strings to match (d3-format: https://d3js.org/d3-format). Units are
 * those of the model's metric catalogue (src/model/metrics.ts), carried by every summary; nothing is inferred
 * from a metric's name or values.
 */
import type { Unit } from "../src/model/metrics.ts";

/**
 * The display kind of a value: "percent" is a value already in percent (a share after {@link toPercent}),
 * which no catalogue unit has.
 */
export type ValueKind = "money" | "share" | "percent" | "multiple" | "number";

/** Catalogue units that are not plain numbers. */
const UNIT_KINDS: Readonly<Partial<Record<Unit, ValueKind>>> = {
  currency: "money",
  ratio: "share",
  multiple: "multiple",
};

/** How to show a metric with this catalogue unit (any other unit is a plain number). */
export function valueKind(unit: string): ValueKind {
  return UNIT_KINDS[unit as Unit] ?? "number";
}

/** Factor turning values of this unit into what is charted: 100 for shares (charted in percent), else 1. */
export function percentFactor(unit: string): number {
  return valueKind(unit) === "share" ? 100 : 1;
}

/** A value of this unit as charted: shares in percent, everything else (multiples included) unchanged. */
export function toPercent(value: number, unit: string): number {
  return value * percentFactor(unit);
}

/** Axis title with its unit: `Cost (USD)`, `Utilisation (%)`; counts whose unit repeats the label stay bare. */
export function axisTitle(label: string, unit: string, currency: string): string {
  const kind = valueKind(unit);
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
