/**
 * Text formatting of single values for KPI tiles, tables and chart labels (Intl.NumberFormat, compact notation).
 */
import { toPercent, type ValueKind, valueKind } from "./metric-units.ts";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const plain2 = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/** Format a number of a given display kind: `$1.2M`/`1.2M EUR`, `95.1%`, `2.1×`, `1,234`. */
export function formatKind(value: number, kind: ValueKind, currency: string): string {
  if (!Number.isFinite(value)) return "–";
  switch (kind) {
    case "money": {
      const text = compact.format(value);
      return currency.toUpperCase() === "USD" ? `$${text}` : `${text} ${currency}`;
    }
    case "share":
    case "percent":
      return `${plain.format(value)}%`;
    case "multiple":
      return `${plain2.format(value)}×`;
    default:
      return Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value);
  }
}

/** A formatted value split into the number text and a unit suffix shown smaller (empty when none). */
export interface FormattedParts {
  text: string;
  suffix: string;
}

/**
 * Like formatMetric, but with the unit of plain counts returned separately (`23.3` + `projects/year`).
 * `_name` is ignored (units come from the catalogue, not from names); src/cli still passes it.
 */
export function formatMetricParts(value: number, unit: string, currency: string, _name = ""): FormattedParts {
  const kind = valueKind(unit);
  const shown = toPercent(value, unit);
  const text = formatKind(shown, kind, currency);
  if (kind !== "number") return { text, suffix: "" };
  const u = unit.trim();
  if (u === "days" || u === "day") return { text: `${text} d`, suffix: "" };
  return { text, suffix: u };
}

/**
 * Format a metric value with its unit: money by currency, shares as percent, multiples with ×, days with a `d`
 * suffix. `_name` is ignored, as in {@link formatMetricParts}.
 */
export function formatMetric(value: number, unit: string, currency: string, _name = ""): string {
  const { text, suffix } = formatMetricParts(value, unit, currency);
  return suffix === "" ? text : `${text} ${suffix}`;
}
