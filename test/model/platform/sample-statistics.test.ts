import fc from "fast-check";
import { quantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { quantileOrZero, quantilesOrZero } from "../../../src/model/platform/sample-statistics.ts";

/** The quantile as it was computed before: a copy sorted with a comparator, then simple-statistics. */
function reference(xs: readonly number[], q: number): number {
  return xs.length === 0
    ? 0
    : quantileSorted(
        [...xs].sort((a, b) => a - b),
        q,
      );
}

describe("quantilesOrZero", () => {
  it("equals a comparator sort and simple-statistics' quantile for samples without -0 or NaN", () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => !Object.is(x, -0)),
      fc.constantFrom(0, 1, 1.5, 24),
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 60 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (xs, qs) => {
          const expected = qs.map((q) => reference(xs, q));
          const actual = quantilesOrZero(xs, qs);
          actual.forEach((v, i) => {
            expect(Object.is(v, expected[i])).toBe(true);
          });
          expect(Object.is(quantileOrZero(xs, qs[0]!), expected[0])).toBe(true);
        },
      ),
      { seed: 23, numRuns: 1000 },
    );
  });
  it("reads 0 for an empty sample", () => {
    expect(quantilesOrZero([], [0.5, 0.95])).toEqual([0, 0]);
  });
});
