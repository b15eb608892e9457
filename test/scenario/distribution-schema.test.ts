import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createStream, sampler } from "../../engine/random/index.ts";
import {
  ascending,
  distributionSchema,
  minMax,
  percentWeights,
  probability,
} from "../../src/scenario/distribution-schema.ts";

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("distributionSchema", () => {
  const valid = [
    { dist: "constant", value: 3 },
    { dist: "uniform", min: 1, max: 1 },
    { dist: "exponential", mean: 2 },
    { dist: "normal", mean: -1, sd: 0.5 },
    { dist: "lognormal", mean: 6, sd: 3 },
    { dist: "triangular", min: 1, mode: 1, max: 4 },
    { dist: "pert", min: 2, mode: 4, max: 12 },
    { dist: "pert", min: 2, mode: 4, max: 12, lambda: 6 },
    { dist: "gamma", shape: 2, scale: 3 },
    { dist: "weibull", shape: 1.5, scale: 10 },
    { dist: "beta", alpha: 2, beta: 3 },
    { dist: "empirical", data: [1, 2, 2, 5] },
  ];

  it.each(valid)("accepts $dist and the engine builds a sampler from it", (spec) => {
    const parsed = distributionSchema.parse(spec);
    expect(parsed).toEqual(spec);
    const draw = sampler(parsed, createStream(1, 0, "test"));
    expect(Number.isFinite(draw())).toBe(true);
  });

  it.each([
    [{ dist: "normal", mean: 0, sd: 0 }, "sd: Too small: expected number to be >0"],
    [{ dist: "exponential", mean: -1 }, "mean: Too small: expected number to be >0"],
    [{ dist: "uniform", min: 3, max: 1 }, "max: min must be <= max, got min 3 and max 1"],
    [{ dist: "triangular", min: 3, mode: 2, max: 1 }, "max: min must be <= max, got min 3 and max 1"],
    [
      { dist: "pert", min: 1, mode: 9, max: 5 },
      "mode: mode must lie between min and max (min 1 <= mode 9 <= max 5)",
    ],
    [{ dist: "pert", min: 1, mode: 2, max: 5, lambda: 0 }, "lambda: Too small: expected number to be >=0.01"],
    [{ dist: "beta", alpha: 0, beta: 1 }, "alpha: Too small: expected number to be >=0.01"],
    [{ dist: "weibull", shape: 1e-3, scale: 1 }, "shape: Too small: expected number to be >=0.1"],
    [{ dist: "uniform", min: 0, max: 1e13 }, "max: Too big: expected number to be <=1000000000000"],
    [{ dist: "gamma", shape: 1, scale: -2 }, "scale: Too small: expected number to be >0"],
    [
      { dist: "lognormal", mean: 5e-324, sd: 1e-160 },
      "sd: sd (1e-160) is too large relative to mean (5e-324) for a lognormal",
    ],
    [{ dist: "exponential", mean: 5e-324 }, "mean: 5e-324 is too close to 0 to be used as a mean"],
    [{ dist: "empirical", data: [] }, "data: data must hold at least one number"],
    [
      { dist: "normal", mean: Number.POSITIVE_INFINITY, sd: 1 },
      "mean: Invalid input: expected number, received Infinity",
    ],
  ])("rejects %j", (spec, message) => {
    expect(messages(distributionSchema, spec)).toEqual([message]);
  });

  it("rejects unknown parameters and unknown distributions", () => {
    expect(messages(distributionSchema, { dist: "normal", mean: 1, sd: 1, sdev: 2 })).toEqual([
      ': Unrecognized key: "sdev"',
    ]);
    expect(distributionSchema.safeParse({ dist: "cauchy", x: 1 }).success).toBe(false);
  });

  const number = fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    fc.double({ noNaN: true }),
  );
  const anySpec = fc.oneof(
    fc.record({ dist: fc.constant("uniform"), min: number, max: number }),
    fc.record({ dist: fc.constant("triangular"), min: number, mode: number, max: number }),
    fc.record({ dist: fc.constant("pert"), min: number, mode: number, max: number }),
    fc.record({ dist: fc.constant("normal"), mean: number, sd: number }),
    fc.record({ dist: fc.constant("lognormal"), mean: number, sd: number }),
    fc.record({ dist: fc.constant("gamma"), shape: number, scale: number }),
    fc.record({ dist: fc.constant("weibull"), shape: number, scale: number }),
    fc.record({ dist: fc.constant("beta"), alpha: number, beta: number }),
    fc.record({ dist: fc.constant("exponential"), mean: number }),
  );

  it("accepts only specs the engine accepts, and each of them samples finite numbers", () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const parsed = distributionSchema.safeParse(spec);
        let engineError: unknown;
        try {
          const draw = sampler(spec as never, createStream(7, 0, "property"));
          if (parsed.success) expect(Number.isFinite(draw())).toBe(true);
        } catch (error) {
          engineError = error;
        }
        // The schema is stricter than the engine on purpose (sd > 0 where the engine allows a degenerate 0).
        if (parsed.success) expect(engineError).toBeUndefined();
      }),
      { seed: 2027, numRuns: 5000 },
    );
  });
});

describe("helpers", () => {
  it("probability is [0, 1] inclusive", () => {
    expect(probability.safeParse(0).success && probability.safeParse(1).success).toBe(true);
    expect(probability.safeParse(1.5).success || probability.safeParse(-0.1).success).toBe(false);
  });

  it("percentWeights accepts tables summing to 100 and names the entries otherwise", () => {
    const weights = percentWeights(["a", "b", "c"]);
    expect(weights.parse({ a: 50, b: 30, c: 20 })).toEqual({ a: 50, b: 30, c: 20 });
    expect(weights.safeParse({ a: 33.3, b: 33.3, c: 33.4 }).success).toBe(true);
    expect(messages(weights, { a: 50, b: 30, c: 30 })).toEqual([
      ": weights must sum to 100, got 110 (a 50 + b 30 + c 30)",
    ]);
    expect(messages(weights, { a: 50, b: 50, c: -0 })).toEqual([]);
    expect(messages(weights, { a: 50, b: 50 })[0]).toMatch(/^c: /);
    expect(messages(weights, { a: 50, b: 50, c: 0, d: 0 })).toEqual([': Unrecognized key: "d"']);
  });

  it("percentWeights with defaults fills each weight and the whole table", () => {
    const weights = percentWeights(["x", "y"], { x: 70, y: 30 });
    expect(weights.parse(undefined)).toEqual({ x: 70, y: 30 });
    expect(weights.parse({ x: 60, y: 40 })).toEqual({ x: 60, y: 40 });
    expect(messages(weights, { x: 60 })).toEqual([": weights must sum to 100, got 90 (x 60 + y 30)"]);
    expect(() => percentWeights(["x", "y"], { x: 70, y: 20 })).toThrow(RangeError);
  });

  it("minMax reports on the upper field and ignores absent sides", () => {
    const range = z
      .strictObject({ minNodes: z.number(), maxNodes: z.number().optional() })
      .superRefine(minMax("minNodes", "maxNodes"));
    expect(messages(range, { minNodes: 5, maxNodes: 2 })).toEqual([
      "maxNodes: minNodes (5) must be <= maxNodes (2)",
    ]);
    expect(messages(range, { minNodes: 5, maxNodes: 5 })).toEqual([]);
    expect(messages(range, { minNodes: 5 })).toEqual([]);
  });

  it("ascending reports the first element out of order", () => {
    const tiers = z.array(z.number()).superRefine(ascending("tiers"));
    expect(messages(tiers, [40, 60, 80])).toEqual([]);
    expect(messages(tiers, [40, 60, 60, 20])).toEqual([
      "2: tiers must be strictly increasing: tiers[1] is 60, tiers[2] is 60",
    ]);
  });
});
