/**
 * One exponential inter-event gap at a rate that may change from call to call, by inversion:
 * X = -ln(1 - U) / rate (L. Devroye, Non-Uniform Random Variate Generation, Springer 1986, section II.2).
 * Use {@link exponential} for a fixed rate; this is for callers whose rate varies (a sampler per rate would
 * allocate). Division by the rate, not multiplication by its inverse, so every caller rounds the same way.
 */
import type { RandomSource } from "./random-source.ts";

/**
 * Draws one Exponential(`rate`) gap from `source`: `-ln(1 - u) / rate`; Infinity when `rate` is not > 0
 * (an event at rate 0 never happens). Draws one number of `source` when the rate is > 0, none otherwise.
 *
 * @example
 * const gapDays = exponentialGap(createStream(1, 0, "arrivals"), 0.5); // mean 2 days
 */
export function exponentialGap(source: RandomSource, rate: number): number {
  if (!(rate > 0)) return Number.POSITIVE_INFINITY;
  return -Math.log(1 - source()) / rate;
}

/**
 * The exponential gap that inverts a uniform `u` already drawn (for callers that use the same uniform for a
 * Bernoulli test first, as in "was the model used in this step, and if so when"): `-ln(1 - u) / rate`.
 *
 * @example
 * const u = source();
 * if (u < 1 - Math.exp(-rate * step)) firstUse = exponentialGapFromUniform(u, rate);
 */
export function exponentialGapFromUniform(u: number, rate: number): number {
  return -Math.log(1 - u) / rate;
}
