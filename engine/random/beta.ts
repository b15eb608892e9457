/**
 * Beta distribution as X / (X + Y) with X ~ Gamma(alpha, 1), Y ~ Gamma(beta, 1) independent
 * (Devroye 1986, section IX.4.1; gammas by Marsaglia-Tsang, see gamma.ts).
 * Mean alpha / (alpha + beta), variance alpha beta / ((alpha + beta)^2 (alpha + beta + 1)).
 */
import { gamma } from "./gamma.ts";
import { checkPositive, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Beta(alpha, beta) on [0, 1].
 *
 * @example
 * const share = beta(createStream(1, 0, "share"), 2, 5); // mean 2/7
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `alpha` or `beta` is not a finite number > 0.
 */
export function beta(source: RandomSource, alpha: number, beta: number): () => number {
  checkSource("beta", source);
  checkPositive("beta", "alpha", alpha);
  checkPositive("beta", "beta", beta);
  const x = gamma(source, alpha, 1);
  const y = gamma(source, beta, 1);
  const pOne = alpha / (alpha + beta);
  return () => {
    const gx = x();
    const sum = gx + y();
    // both gammas underflow to 0 only for tiny alpha and beta, where Beta is a Bernoulli(alpha/(alpha+beta)) limit
    return sum > 0 ? gx / sum : source() < pOne ? 1 : 0;
  };
}
