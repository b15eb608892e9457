/**
 * Bernoulli distribution: 1 when U < p, else 0 (d3-random randomBernoulli). Mean p, variance p (1 - p).
 */
import { checkProbability, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Bernoulli(p): 1 with probability `p`, else 0.
 *
 * @example
 * const fails = bernoulli(createStream(1, 0, "failures"), 0.1);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `p` is not in [0, 1].
 */
export function bernoulli(source: RandomSource, p: number): () => number {
  checkSource("bernoulli", source);
  checkProbability("bernoulli", "p", p);
  return () => (source() < p ? 1 : 0);
}
