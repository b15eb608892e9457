import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apportionCents,
  apportionCentsInto,
  toCents,
} from "../../../src/model/platform/largest-remainder.ts";

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

/** The largest-remainder method written plainly: floors, then sorted remainders (a sort, not the insertion sort). */
function referenceApportion(totalCents: number, weights: readonly number[]): number[] {
  const n = weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const magnitude = Math.abs(totalCents);
  const exact = weights.map((w) => magnitude * (sum > 0 ? w / sum : 1 / n));
  const parts = exact.map((e) => Math.floor(e + 1e-9));
  const remainders = exact.map((e, i) => e - parts[i]!);
  let left = magnitude - parts.reduce((a, b) => a + b, 0);
  const indices = weights.map((_, i) => i);
  if (left > 0) {
    const order = indices.sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]!]! += 1;
  } else if (left < 0) {
    const order = indices.sort((a, b) => remainders[a]! - remainders[b]! || b - a);
    for (let k = 0; left < 0; k = (k + 1) % n)
      if (parts[order[k]!]! > 0) {
        parts[order[k]!]! -= 1;
        left++;
      }
  }
  return totalCents < 0 ? parts.map((p) => -p) : parts;
}

describe("apportionCentsInto", () => {
  it("equals a plain largest-remainder reference, whatever the scratch space held before", () => {
    const parts = [7, 7, 7];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0, 1, 2, 3, 1e-12)), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 5 }),
        (total, weights, extra) => {
          // weights beyond `count` are never read
          const padded = [...weights, ...new Array<number>(extra).fill(Number.NaN)];
          apportionCentsInto(total, padded, weights.length, parts);
          expect(parts.slice(0, weights.length)).toEqual(referenceApportion(total, weights));
          expect(apportionCents(total, weights)).toEqual(referenceApportion(total, weights));
        },
      ),
      { seed: 17, numRuns: 2000 },
    );
  });
});
