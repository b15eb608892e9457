/**
 * Distributions as data, for scenario files: a discriminated union on `dist`.
 * Parameterisations follow the samplers in this folder; `exponential` is given by its mean (not its rate)
 * and `lognormal` by the mean and sd of the variable itself, as users estimate them.
 */

/** A distribution described as plain data; build a sampler with `sampler(spec, source)`. */
export type DistributionSpec =
  | { dist: "constant"; value: number }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "exponential"; mean: number }
  | { dist: "normal"; mean: number; sd: number }
  | { dist: "lognormal"; mean: number; sd: number }
  | { dist: "triangular"; min: number; mode: number; max: number }
  /** `lambda` defaults to 4 (beta-PERT). */
  | { dist: "pert"; min: number; mode: number; max: number; lambda?: number | undefined }
  | { dist: "gamma"; shape: number; scale: number }
  | { dist: "weibull"; shape: number; scale: number }
  | { dist: "beta"; alpha: number; beta: number }
  | { dist: "empirical"; data: readonly number[] };

/** The `dist` tags of {@link DistributionSpec}. */
export type DistributionName = DistributionSpec["dist"];
