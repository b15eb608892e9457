import { describe, expect, it } from "vitest";
import {
  createStream,
  type DistributionSpec,
  distributionMean,
  distributionVariance,
  logGamma,
  sampler,
} from "../../../engine/random/index.ts";
import { judgeMoments, sampleMoments } from "./moment-check.ts";

const specs: DistributionSpec[] = [
  { dist: "constant", value: 4 },
  { dist: "uniform", min: 1, max: 7 },
  { dist: "exponential", mean: 3 },
  { dist: "normal", mean: 5, sd: 2 },
  { dist: "lognormal", mean: 8, sd: 3 },
  { dist: "triangular", min: 1, mode: 2, max: 6 },
  { dist: "pert", min: 2, mode: 4, max: 12 },
  { dist: "pert", min: 0, mode: 1, max: 10, lambda: 6 },
  { dist: "gamma", shape: 2.5, scale: 1.5 },
  { dist: "weibull", shape: 2, scale: 10 },
  { dist: "beta", alpha: 3, beta: 2 },
  { dist: "empirical", data: [2, 4, 4, 4, 5, 5, 7, 9] },
];

describe("sampler(spec) agrees with distributionMean/Variance (n = 100 000, within 4 SE)", () => {
  it.each(specs.map((spec) => [JSON.stringify(spec), spec] as const))("%s", (_label, spec) => {
    const draw = sampler(spec, createStream(31_337, 0, spec.dist));
    const verdict = judgeMoments(
      sampleMoments(draw, 100_000),
      distributionMean(spec),
      distributionVariance(spec),
    );
    expect(verdict.ok, verdict.detail).toBe(true);
  });
});

describe("distributionMean / distributionVariance closed forms", () => {
  it("match hand-computed values", () => {
    expect(distributionMean({ dist: "pert", min: 2, mode: 4, max: 12 })).toBe(5);
    expect(distributionVariance({ dist: "pert", min: 2, mode: 4, max: 12 })).toBe(3);
    expect(distributionMean({ dist: "triangular", min: 1, mode: 2, max: 6 })).toBe(3);
    expect(distributionVariance({ dist: "triangular", min: 1, mode: 2, max: 6 })).toBeCloseTo(21 / 18, 14);
    expect(distributionVariance({ dist: "uniform", min: 0, max: 6 })).toBe(3);
    expect(distributionVariance({ dist: "exponential", mean: 3 })).toBe(9);
    expect(distributionMean({ dist: "empirical", data: [2, 4, 4, 4, 5, 5, 7, 9] })).toBe(5);
    expect(distributionVariance({ dist: "empirical", data: [2, 4, 4, 4, 5, 5, 7, 9] })).toBe(4);
    expect(distributionMean({ dist: "weibull", shape: 2, scale: 10 })).toBeCloseTo(
      5 * Math.sqrt(Math.PI),
      12,
    );
    expect(distributionVariance({ dist: "weibull", shape: 1, scale: 10 })).toBeCloseTo(100, 10);
    expect(distributionVariance({ dist: "beta", alpha: 3, beta: 2 })).toBeCloseTo(6 / 150, 15);
    expect(distributionMean({ dist: "gamma", shape: 2.5, scale: 1.5 })).toBe(3.75);
    expect(distributionVariance({ dist: "constant", value: 4 })).toBe(0);
    expect(logGamma(1 + 1 / 2)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
  });

  it("validate the spec like sampler() does", () => {
    expect(() => distributionMean({ dist: "exponential", mean: 0 })).toThrow(
      "exponential: mean must be > 0, got 0",
    );
    expect(() => distributionVariance({ dist: "gamma", shape: -1, scale: 1 })).toThrow(RangeError);
    expect(() => distributionMean({ dist: "pert", min: 3, mode: 1, max: 2 })).toThrow(
      "pert: min must be <= mode, got min=3, mode=1",
    );
  });

  it("unknown dist is a RangeError", () => {
    const bogus = { dist: "cauchy", x: 1 } as unknown as DistributionSpec;
    expect(() => sampler(bogus, createStream(1, 0, "x"))).toThrow('sampler: unknown dist "cauchy"');
  });
});
