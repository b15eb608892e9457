/**
 * Exact mean and variance of a {@link DistributionSpec}.
 *
 * Formulas (N. L. Johnson, S. Kotz, N. Balakrishnan, Continuous Univariate Distributions, 2nd ed., vols 1-2):
 * uniform (a+b)/2, (b-a)^2/12; exponential m, m^2; normal mu, sd^2; lognormal m, s^2 (given directly);
 * triangular (a+c+b)/3, (a^2+b^2+c^2-ab-ac-bc)/18; PERT (a + lambda c + b)/(lambda+2),
 * (mean-a)(b-mean)/(lambda+3) (Vose 2008); gamma k theta, k theta^2; Weibull lambda Gamma(1+1/k),
 * lambda^2 (Gamma(1+2/k) - Gamma(1+1/k)^2); beta a/(a+b), ab/((a+b)^2(a+b+1)); empirical: sample mean and
 * population variance (divisor n) of the data, the moments of resampling.
 */
import type { DistributionSpec } from "./distribution-spec.ts";
import { logGamma } from "./log-gamma.ts";
import { sampler } from "./sampler.ts";

const neverCalled = (): number => {
  throw new Error("distribution moments never draw");
};

/** Checks the spec exactly as sampler() does, by building (and discarding) a sampler that is never called. */
function validate(spec: DistributionSpec): void {
  sampler(spec, neverCalled);
}

function dataMean(data: readonly number[]): number {
  let sum = 0;
  for (const x of data) sum += x;
  return sum / data.length;
}

/**
 * Returns the exact mean of `spec`.
 *
 * @example
 * distributionMean({ dist: "pert", min: 2, mode: 4, max: 12 }); // 5
 * @throws {RangeError} for the same invalid parameters as {@link sampler}.
 */
export function distributionMean(spec: DistributionSpec): number {
  validate(spec);
  switch (spec.dist) {
    case "constant":
      return spec.value;
    case "uniform":
      return (spec.min + spec.max) / 2;
    case "exponential":
    case "normal":
    case "lognormal":
      return spec.mean;
    case "triangular":
      return (spec.min + spec.mode + spec.max) / 3;
    case "pert": {
      const lambda = spec.lambda ?? 4;
      return (spec.min + lambda * spec.mode + spec.max) / (lambda + 2);
    }
    case "gamma":
      return spec.shape * spec.scale;
    case "weibull":
      return spec.scale * Math.exp(logGamma(1 + 1 / spec.shape));
    case "beta":
      return spec.alpha / (spec.alpha + spec.beta);
    case "empirical":
      return dataMean(spec.data);
  }
}

/**
 * Returns the exact variance of `spec`.
 *
 * @example
 * distributionVariance({ dist: "uniform", min: 0, max: 6 }); // 3
 * @throws {RangeError} for the same invalid parameters as {@link sampler}.
 */
export function distributionVariance(spec: DistributionSpec): number {
  validate(spec);
  switch (spec.dist) {
    case "constant":
      return 0;
    case "uniform":
      return (spec.max - spec.min) ** 2 / 12;
    case "exponential":
      return spec.mean * spec.mean;
    case "normal":
    case "lognormal":
      return spec.sd * spec.sd;
    case "triangular": {
      const { min: a, mode: c, max: b } = spec;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case "pert": {
      const lambda = spec.lambda ?? 4;
      const mean = (spec.min + lambda * spec.mode + spec.max) / (lambda + 2);
      return ((mean - spec.min) * (spec.max - mean)) / (lambda + 3);
    }
    case "gamma":
      return spec.shape * spec.scale * spec.scale;
    case "weibull": {
      const g1 = Math.exp(logGamma(1 + 1 / spec.shape));
      const g2 = Math.exp(logGamma(1 + 2 / spec.shape));
      return spec.scale * spec.scale * (g2 - g1 * g1);
    }
    case "beta": {
      const sum = spec.alpha + spec.beta;
      return (spec.alpha * spec.beta) / (sum * sum * (sum + 1));
    }
    case "empirical": {
      const mean = dataMean(spec.data);
      let squares = 0;
      for (const x of spec.data) squares += (x - mean) * (x - mean);
      return squares / spec.data.length;
    }
  }
}
