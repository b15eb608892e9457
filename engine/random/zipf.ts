/**
 * Zipf distribution over ranks 1..n with exponent s, by inversion on the precomputed CDF with binary search
 * (Devroye 1986, section III.2, "inversion by search"; probabilities from zipf-weights.ts). O(n) memory and
 * setup, O(log n) per draw. Mean H(n, s-1) / H(n, s), variance H(n, s-2) / H(n, s) - mean^2.
 */
import { checkInteger, checkNonNegative, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";
import { zipfWeights } from "./zipf-weights.ts";

/**
 * Returns a sampler of a rank in 1..n with P(k) proportional to k^-s.
 *
 * @example
 * const rank = zipf(createStream(1, 0, "popularity"), 1000, 1.1);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `n` is not an integer >= 1 or `s` is not a finite number >= 0.
 */
export function zipf(source: RandomSource, n: number, s: number): () => number {
  checkSource("zipf", source);
  checkInteger("zipf", "n", n, 1);
  checkNonNegative("zipf", "s", s);
  const weights = zipfWeights(n, s);
  const cdf = new Float64Array(n);
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += weights[i]!;
    cdf[i] = running;
  }
  cdf[n - 1] = 1; // rounding must not leave a gap above the last rank
  const last = n - 1;
  return () => {
    const u = source();
    let low = 0;
    let high = last;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cdf[mid]! > u) high = mid;
      else low = mid + 1;
    }
    return low + 1;
  };
}
