import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  beta,
  binomial,
  categorical,
  createStream,
  type DistributionSpec,
  distributionMean,
  gamma,
  pert,
  poisson,
  sampler,
  triangular,
  zipf,
} from "../../../engine/random/index.ts";

const runs = { seed: 20_261_124, numRuns: 200 };
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const shape = fc.double({ min: 0.01, max: 50, noNaN: true });
const ordered3 = fc
  .tuple(finite, finite, finite)
  .map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);

describe("properties over arbitrary valid parameters (fast-check, fixed seed)", () => {
  it("triangular and PERT stay in [min, max], edge modes included", () => {
    fc.assert(
      fc.property(ordered3, fc.integer({ min: 0, max: 2 }), ([min, mid, max], edge) => {
        const mode = edge === 0 ? min : edge === 1 ? mid : max;
        const source = createStream(1, 0, "prop");
        const t = triangular(source, min, mode, max);
        const p = pert(source, min, mode, max);
        for (let i = 0; i < 50; i++) {
          const x = t();
          const y = p();
          expect(x >= min && x <= max).toBe(true);
          expect(y >= min && y <= max).toBe(true);
        }
      }),
      runs,
    );
  });

  it("gamma is positive and finite, beta is in [0, 1], for shapes 0.01..50", () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        const source = createStream(2, 0, "prop");
        const g = gamma(source, a, 1);
        const x = beta(source, a, b);
        for (let i = 0; i < 50; i++) {
          const v = g();
          const w = x();
          expect(Number.isFinite(v) && v >= 0).toBe(true);
          expect(w >= 0 && w <= 1).toBe(true);
        }
      }),
      runs,
    );
  });

  it("poisson and binomial return integers in their support", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (mean, n, p) => {
          const source = createStream(3, 0, "prop");
          const k = poisson(source, mean);
          const b = binomial(source, n, p);
          for (let i = 0; i < 20; i++) {
            const x = k();
            const y = b();
            expect(Number.isInteger(x) && x >= 0).toBe(true);
            expect(Number.isInteger(y) && y >= 0 && y <= n).toBe(true);
          }
        },
      ),
      runs,
    );
  });

  it("categorical never returns a zero-weight index; zipf stays in 1..n", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (weights, n, s) => {
          fc.pre(weights.some((w) => w > 0));
          const source = createStream(4, 0, "prop");
          const c = categorical(source, weights);
          const z = zipf(source, n, s);
          for (let i = 0; i < 50; i++) {
            const index = c();
            expect(weights[index]).toBeGreaterThan(0);
            const rank = z();
            expect(Number.isInteger(rank) && rank >= 1 && rank <= n).toBe(true);
          }
        },
      ),
      runs,
    );
  });

  it("the same spec on the same stream gives the same draws", () => {
    fc.assert(
      fc.property(ordered3, fc.nat({ max: 1000 }), ([min, mode, max], replication) => {
        const spec: DistributionSpec = { dist: "pert", min, mode, max };
        const a = sampler(spec, createStream(5, replication, "effort"));
        const b = sampler(spec, createStream(5, replication, "effort"));
        for (let i = 0; i < 20; i++) expect(a()).toBe(b());
        expect(Number.isFinite(distributionMean(spec))).toBe(true);
      }),
      runs,
    );
  });
});
