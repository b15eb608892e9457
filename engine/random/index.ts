/**
 * engine/random public surface: seeded streams and distributions. Every sampler takes an explicit
 * {@link RandomSource}; there is no default source. Algorithms are cited at the top of each file.
 */
export { bernoulli } from "./bernoulli.ts";
export { beta } from "./beta.ts";
export { binomial } from "./binomial.ts";
export { categorical } from "./categorical.ts";
export { constant } from "./constant.ts";
export { createStream } from "./create-stream.ts";
export { deriveSeed } from "./derive-seed.ts";
export { distributionMean, distributionVariance } from "./distribution-moments.ts";
export type { DistributionName, DistributionSpec } from "./distribution-spec.ts";
export { empirical } from "./empirical.ts";
export { exponential } from "./exponential.ts";
export { exponentialGap, exponentialGapFromUniform } from "./exponential-gap.ts";
export { fnv1a64 } from "./fnv1a64.ts";
export { gamma } from "./gamma.ts";
export { geometric } from "./geometric.ts";
export { logGamma } from "./log-gamma.ts";
export type { LognormalParameters } from "./lognormal.ts";
export { lognormal, lognormalLogParameters } from "./lognormal.ts";
export { normal } from "./normal.ts";
export { pert } from "./pert.ts";
export { poisson } from "./poisson.ts";
export type { RandomSource } from "./random-source.ts";
export { sampler } from "./sampler.ts";
export { StreamFactory } from "./stream-factory.ts";
export { nextThinnedArrival } from "./thinning.ts";
export { triangular } from "./triangular.ts";
export { uniform } from "./uniform.ts";
export { weibull } from "./weibull.ts";
export { weightedChoice } from "./weighted-choice.ts";
export { zipf } from "./zipf.ts";
export { zipfWeights } from "./zipf-weights.ts";
