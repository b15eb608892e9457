/**
 * Exponential distribution by inversion: X = -ln(1 - U) / rate (L. Devroye, Non-Uniform Random Variate
 * Generation, Springer 1986, section II.2). 1 - U is in (0, 1], so the logarithm is always finite; Math.log(1 - U)
 * is used rather than log1p(-U) because it is faster in V8 and exact for the 2^-32-grid output of our streams.
 * Mean 1 / rate, variance 1 / rate^2.
 */
import { checkPositive, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Exponential(rate), `rate` in events per time unit (mean 1 / rate).
 *
 * @example
 * const gap = exponential(createStream(1, 0, "arrivals"), 0.5); // mean 2
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `rate` is not a finite number > 0.
 */
export function exponential(source: RandomSource, rate: number): () => number {
  checkSource("exponential", source);
  checkPositive("exponential", "rate", rate);
  const scale = 1 / rate;
  return () => -Math.log(1 - source()) * scale;
}
