/**
 * Summaries of a KPI's pooled sample (job waits, data lost per outage) by simple-statistics, reading 0 for an
 * empty sample: a run without jobs reports a zero wait rather than leaving the KPI out.
 */
import { meanSimple, quantileSorted } from "simple-statistics";

/** Arithmetic mean of `xs` (summed in order), 0 when empty. */
export function meanOrZero(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : meanSimple(xs as number[]);
}

/**
 * Quantile `q` of `xs` by linear interpolation between order statistics (Hyndman & Fan definition 7, the
 * default of R and NumPy), 0 when empty.
 */
export function quantileOrZero(xs: readonly number[], q: number): number {
  return quantilesOrZero(xs, [q])[0]!;
}

/**
 * Quantiles `qs` of `xs` as {@link quantileOrZero}, from one sort: the values are sorted numerically in a
 * Float64Array (native, no comparator calls). That order equals a sort by `a - b` for every sample without -0
 * or NaN (the job waits summarised here are differences of clock readings, never -0).
 */
export function quantilesOrZero(xs: readonly number[], qs: readonly number[]): number[] {
  if (xs.length === 0) return qs.map(() => 0);
  const sorted = Float64Array.from(xs).sort();
  // quantileSorted only reads `length` and indices, so it takes the typed array as it is: copying it back to an
  // array went through the typed array's iterator, a boxed number per value
  return qs.map((q) => quantileSorted(sorted as unknown as number[], q));
}
