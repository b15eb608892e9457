import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStream, normal } from "../../engine/index.ts";
import { quantileSorted } from "../../src/montecarlo/quantile-sorted.ts";
import { countBelow } from "../../src/montecarlo/scalar-accumulator.ts";
import { TDigest } from "../../src/montecarlo/t-digest.ts";

function normalSample(n: number, seed: number): number[] {
  const draw = normal(createStream(seed, 0, "digest"), 0, 1);
  return Array.from({ length: n }, () => draw());
}

/** Share of the sorted sample below x: the rank error of a quantile estimate. */
function rankOf(sorted: Float64Array, x: number): number {
  return countBelow(sorted, x) / sorted.length;
}

describe("TDigest", () => {
  const values = normalSample(100_000, 11);
  const sorted = Float64Array.from(values).sort();
  const digest = new TDigest();
  for (const x of values) digest.add(x);

  it("estimates quantiles of 100 000 normal values within 0.2% of rank (0.05% in the tails)", () => {
    for (const q of [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]) {
      const rankError = Math.abs(rankOf(sorted, digest.quantile(q)) - q);
      const tolerance = Math.min(q, 1 - q) < 0.02 ? 0.0005 : 0.002;
      expect(rankError, `q = ${q}`).toBeLessThan(tolerance);
    }
  });

  it("matches the exact quantiles of the same data closely", () => {
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      expect(digest.quantile(q)).toBeCloseTo(quantileSorted(sorted, q), 2);
    }
  });

  it("reports the exact min and max at q = 0 and 1 and keeps about compression centroids", () => {
    expect(digest.quantile(0)).toBe(sorted[0]);
    expect(digest.quantile(1)).toBe(sorted[sorted.length - 1]);
    expect(digest.count).toBe(100_000);
    expect(digest.centroidCount()).toBeLessThanOrEqual(200);
    expect(digest.centroidCount()).toBeGreaterThan(50);
  });

  it("CDF is the inverse of the quantile function", () => {
    for (const q of [0.1, 0.5, 0.9]) expect(digest.cdf(digest.quantile(q))).toBeCloseTo(q, 2);
    expect(digest.cdf(-100)).toBe(0);
    expect(digest.cdf(100)).toBe(1);
  });

  it("merges: two digests of halves answer like one digest of the whole", () => {
    const left = new TDigest();
    const right = new TDigest();
    for (let i = 0; i < values.length; i++) (i % 2 === 0 ? left : right).add(values[i]!);
    left.merge(TDigest.fromState(JSON.parse(JSON.stringify(right.toState()))));
    expect(left.count).toBe(100_000);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.99]) {
      expect(Math.abs(rankOf(sorted, left.quantile(q)) - q), `q = ${q}`).toBeLessThan(0.002);
    }
  });

  it("is deterministic: the same values in the same order give identical centroids", () => {
    const again = new TDigest();
    for (const x of values) again.add(x);
    expect(again.toState()).toEqual(digest.toState());
  });

  it("is exact for few values and NaN when empty", () => {
    const small = new TDigest();
    for (const x of [5, 1, 3]) small.add(x);
    expect(small.quantile(0.5)).toBe(3);
    expect(new TDigest().quantile(0.5)).toBeNaN();
  });

  it("rejects bad arguments", () => {
    expect(() => new TDigest(5)).toThrow(RangeError);
    expect(() => digest.add(Number.NaN)).toThrow(/value must be finite/);
    expect(() => digest.quantile(1.5)).toThrow(/q must be in/);
  });
});

describe("TDigest.mergeSorted", () => {
  // the Monte Carlo block digests rely on mergeSorted giving exactly merge(fromSorted(...)): same state, bit for bit
  const block = fc.array(
    fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, 2.5)),
    { maxLength: 3000 },
  );
  it("equals merge(fromSorted(values)) for any blocks, ties and signed zeros", () => {
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 6 }),
        fc.integer({ min: 10, max: 300 }),
        (blocks, compression) => {
          const viaDigest = new TDigest(compression);
          const inPlace = new TDigest(compression);
          for (const values of blocks) {
            const sorted = Float64Array.from(values).sort();
            viaDigest.merge(TDigest.fromSorted(sorted.slice(), compression));
            inPlace.mergeSorted(sorted);
            viaDigest.centroidCount();
            inPlace.centroidCount();
          }
          expect(inPlace.toState()).toEqual(viaDigest.toState());
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives every centroid the mean of its points by the update m += (x - m) * 1 / W, signed zeros included", () => {
    // compress skips the division when a point equals the mean; the centroid means must not change by a bit
    const run = fc.tuple(fc.constantFrom(0, -0, 1, 2.5, 1e-300), fc.integer({ min: 1, max: 400 }));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(run, fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(1))),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.integer({ min: 10, max: 200 }),
        (runs, compression) => {
          const sorted = Float64Array.from(runs.flatMap(([x, n]) => Array<number>(n).fill(x))).sort();
          const { means, weights } = TDigest.fromSorted(sorted, compression).toState();
          let start = 0;
          for (let i = 0; i < means.length; i++) {
            let mean = sorted[start]!;
            for (let k = 1; k < weights[i]!; k++) mean += ((sorted[start + k]! - mean) * 1) / (k + 1);
            expect(Object.is(means[i], mean), `centroid ${i}`).toBe(true);
            start += weights[i]!;
          }
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it("leaves no trace between calls (the shared unit weights stay 1)", () => {
    const a = new TDigest();
    const b = new TDigest();
    const big = Float64Array.from(normalSample(20_000, 3)).sort();
    a.mergeSorted(big.slice());
    const small = Float64Array.from(normalSample(500, 4)).sort();
    a.mergeSorted(small.slice());
    b.merge(TDigest.fromSorted(big));
    b.merge(TDigest.fromSorted(small));
    expect(a.toState()).toEqual(b.toState());
  });
});
