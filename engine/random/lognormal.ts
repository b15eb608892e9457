/**
 * Lognormal distribution: X = exp(mu + sigma Z) with Z standard normal (Marsaglia polar, see normal.ts).
 * From the arithmetic mean m and standard deviation s: sigma^2 = ln(1 + s^2 / m^2), mu = ln m - sigma^2 / 2
 * (N. L. Johnson, S. Kotz, N. Balakrishnan, Continuous Univariate Distributions, vol. 1, 2nd ed., ch. 14).
 * Mean exp(mu + sigma^2 / 2), variance (exp(sigma^2) - 1) exp(2 mu + sigma^2).
 */
import { normal } from "./normal.ts";
import { checkFinite, checkNonNegative, checkPositive, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/** Lognormal parameters: either the mean and sd of X itself, or mu and sigma of ln X. */
export type LognormalParameters = { mean: number; sd: number } | { mu: number; sigma: number };

/**
 * Converts lognormal parameters to (mu, sigma) of the underlying normal.
 *
 * @throws {RangeError} when `mean` is not > 0, `sd`/`sigma` is not >= 0, or `mu` is not finite.
 */
export function lognormalLogParameters(parameters: LognormalParameters): { mu: number; sigma: number } {
  if ("mu" in parameters) {
    checkFinite("lognormal", "mu", parameters.mu);
    checkNonNegative("lognormal", "sigma", parameters.sigma);
    return { mu: parameters.mu, sigma: parameters.sigma };
  }
  checkPositive("lognormal", "mean", parameters.mean);
  checkNonNegative("lognormal", "sd", parameters.sd);
  const cv = parameters.sd / parameters.mean;
  const variance = Math.log1p(cv * cv);
  return { mu: Math.log(parameters.mean) - variance / 2, sigma: Math.sqrt(variance) };
}

/**
 * Returns a sampler of a lognormal variable given `{ mean, sd }` of X or `{ mu, sigma }` of ln X.
 *
 * @example
 * const effort = lognormal(createStream(1, 0, "effort"), { mean: 10, sd: 4 });
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} as {@link lognormalLogParameters}.
 */
export function lognormal(source: RandomSource, parameters: LognormalParameters): () => number {
  checkSource("lognormal", source);
  const { mu, sigma } = lognormalLogParameters(parameters);
  const z = normal(source, mu, sigma);
  return () => Math.exp(z());
}
