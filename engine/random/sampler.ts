/**
 * Builds a sampler from a {@link DistributionSpec}; algorithms and citations are in each distribution's file.
 */
import { beta } from "./beta.ts";
import { constant } from "./constant.ts";
import type { DistributionSpec } from "./distribution-spec.ts";
import { empirical } from "./empirical.ts";
import { exponential } from "./exponential.ts";
import { gamma } from "./gamma.ts";
import { lognormal } from "./lognormal.ts";
import { normal } from "./normal.ts";
import { checkPositive, checkSource } from "./parameter-checks.ts";
import { pert } from "./pert.ts";
import type { RandomSource } from "./random-source.ts";
import { triangular } from "./triangular.ts";
import { uniform } from "./uniform.ts";
import { weibull } from "./weibull.ts";

/**
 * Returns a zero-argument sampler for `spec` drawing from `source`; parameters are checked here, once.
 *
 * @example
 * const effort = sampler({ dist: "pert", min: 2, mode: 4, max: 12 }, streams.get("effort"));
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when a parameter is invalid (message names the distribution, argument and value) or
 *   `spec.dist` is unknown.
 */
export function sampler(spec: DistributionSpec, source: RandomSource): () => number {
  checkSource(spec?.dist ?? "sampler", source);
  switch (spec?.dist) {
    case "constant":
      return constant(spec.value);
    case "uniform":
      return uniform(source, spec.min, spec.max);
    case "exponential":
      checkPositive("exponential", "mean", spec.mean);
      return exponential(source, 1 / spec.mean);
    case "normal":
      return normal(source, spec.mean, spec.sd);
    case "lognormal":
      return lognormal(source, { mean: spec.mean, sd: spec.sd });
    case "triangular":
      return triangular(source, spec.min, spec.mode, spec.max);
    case "pert":
      return pert(source, spec.min, spec.mode, spec.max, spec.lambda ?? 4);
    case "gamma":
      return gamma(source, spec.shape, spec.scale);
    case "weibull":
      return weibull(source, spec.shape, spec.scale);
    case "beta":
      return beta(source, spec.alpha, spec.beta);
    case "empirical":
      return empirical(source, spec.data);
    default:
      throw new RangeError(
        `sampler: unknown dist ${JSON.stringify((spec as { dist?: unknown } | undefined)?.dist)}`,
      );
  }
}
