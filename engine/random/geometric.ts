/**
 * Geometric distribution (number of Bernoulli(p) trials up to and including the first success, support
 * 1, 2, ...) by inversion: X = 1 + floor(ln(1 - U) / ln(1 - p)) (Devroye 1986, section X.2; same convention
 * as d3-random randomGeometric). Mean 1 / p, variance (1 - p) / p^2.
 */
import { checkPositive, checkProbability, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of the number of trials until the first success, each succeeding with probability `p`.
 *
 * @example
 * const attempts = geometric(createStream(1, 0, "retries"), 0.25); // mean 4
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `p` is not in (0, 1].
 */
export function geometric(source: RandomSource, p: number): () => number {
  checkSource("geometric", source);
  checkProbability("geometric", "p", p);
  checkPositive("geometric", "p", p);
  if (p === 1) return () => 1;
  const inverseLogQ = 1 / Math.log1p(-p);
  return () => 1 + Math.floor(Math.log(1 - source()) * inverseLogQ);
}
