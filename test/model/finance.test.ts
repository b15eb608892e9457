import { describe, expect, it } from "vitest";
import { netPresentValue, rampFactor } from "../../src/model/finance.ts";

describe("finance", () => {
  it("discounts monthly flows at month ends", () => {
    expect(netPresentValue([0], [0], 0.1)).toBe(0);
    const twelve = new Array<number>(12).fill(0);
    twelve[11] = 110;
    expect(netPresentValue(twelve, [], 0.1)).toBeCloseTo(100, 9);
    expect(netPresentValue([100, 100], [40, 40], 0)).toBe(120);
  });

  it("averages a linear ramp-up over the live part of a month", () => {
    expect(rampFactor(0, 1, 0)).toBe(1);
    expect(rampFactor(0, 1, 2)).toBeCloseTo(0.25, 12);
    expect(rampFactor(1, 1, 2)).toBeCloseTo(0.75, 12);
    expect(rampFactor(1.5, 1, 2)).toBeCloseTo((0.5 * (0.75 + 1)) / 2 + 0.5, 12);
    expect(rampFactor(5, 1, 2)).toBe(1);
    expect(rampFactor(0, 0, 2)).toBe(0);
  });
});
