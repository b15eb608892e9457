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
  return xs.length === 0
    ? 0
    : quantileSorted(
        [...xs].sort((a, b) => a - b),
        q,
      );
}
