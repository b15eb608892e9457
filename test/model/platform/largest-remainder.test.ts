import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportionCents, toCents } from "../../../src/model/platform/largest-remainder.ts";

describe("apportionCents", () => {
  it("gives leftover cents to the largest remainders", () => {
    expect(apportionCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportionCents(1000, [0.5, 0.3, 0.2])).toEqual([500, 300, 200]);
    expect(apportionCents(7, [0, 0])).toEqual([4, 3]);
    expect(apportionCents(-100, [1, 2])).toEqual([-33, -67]);
  });
  it("always sums to the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = apportionCents(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const p of parts) expect(Number.isInteger(p)).toBe(true);
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
  it("rounds amounts to cents", () => {
    expect(toCents(1.006)).toBe(101);
    expect(toCents(1.004)).toBe(100);
    expect(toCents(-2.5)).toBe(-250);
  });
});
