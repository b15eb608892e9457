/**
 * Every user-facing sentence of the scenario layer, one function per message (the vega-lite `log/message.ts`
 * habit): schemas, the loader and the renderer import from here, so wording is reviewed and changed in one place.
 * Messages are fragments without a trailing full stop; the path and location are added by `formatIssues`.
 */

/** Renders a value for a message: strings quoted, long values shortened. */
export function showValue(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** `min must be <= max` style message for an ordered pair of fields. */
export function orderedPair(lowKey: string, highKey: string, low: unknown, high: unknown): string {
  return `${lowKey} (${showValue(low)}) must be <= ${highKey} (${showValue(high)})`;
}

/** A list of thresholds that must strictly increase. */
export function notAscending(label: string, index: number, previous: number, current: number): string {
  return `${label} must be strictly increasing: ${label}[${index - 1}] is ${previous}, ${label}[${index}] is ${current}`;
}

/** A weight table whose entries must add up to 100 percentage points. */
export function weightsSum(sum: number, entries: Record<string, number>): string {
  const parts = Object.entries(entries)
    .map(([key, weight]) => `${key} ${weight}`)
    .join(" + ");
  return `weights must sum to 100, got ${round(sum)} (${parts})`;
}

/** Triangular/PERT: the mode must lie between min and max. */
export function modeOutsideRange(min: number, mode: number, max: number): string {
  return `mode must lie between min and max (min ${min} <= mode ${mode} <= max ${max})`;
}

/** Triangular/PERT: a zero-width range has no shape. */
export function emptyRange(min: number, max: number): string {
  return `min must be < max for this distribution, got min ${min} and max ${max}`;
}

/** Uniform: the range is reversed. */
export function reversedRange(min: number, max: number): string {
  return `min must be <= max, got min ${min} and max ${max}`;
}

/** Empirical distribution without data. */
export function emptyData(): string {
  return "data must hold at least one number";
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
