import { describe, expect, it } from "vitest";
import { createStream, normal } from "../../engine/index.ts";
import { quantileSorted } from "../../src/montecarlo/quantile-sorted.ts";
import { ScalarAccumulator } from "../../src/montecarlo/scalar-accumulator.ts";

// standard normal quantiles (Abramowitz & Stegun table 26.5)
const Z = {
  p5: -1.644854,
  p10: -1.281552,
  p25: -0.67449,
  p50: 0,
  p75: 0.67449,
  p90: 1.281552,
  p95: 1.644854,
};

describe("quantileSorted (Hyndman & Fan type 7)", () => {
  it("interpolates between order statistics", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.1)).toBe(14);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe("ScalarAccumulator", () => {
  it("summarises a normal sample: mean, sd and percentiles within sampling tolerance", () => {
    const draw = normal(createStream(3, 0, "kpi"), 100, 15);
    const acc = new ScalarAccumulator();
    for (let i = 0; i < 20_000; i++) acc.add(draw());
    const stats = acc.stats();
    expect(stats.method).toBe("exact");
    expect(stats.n).toBe(20_000);
    // standard error of the mean 15 / sqrt(20000) = 0.106; of a quantile about 0.15 - 0.2
    expect(stats.mean).toBeGreaterThan(100 - 0.4);
    expect(stats.mean).toBeLessThan(100 + 0.4);
    expect(stats.sd).toBeCloseTo(15, 0);
    for (const [key, z] of Object.entries(Z)) {
      expect(Math.abs(stats[key as keyof typeof Z] - (100 + 15 * z)), key).toBeLessThan(0.8);
    }
    expect(stats.ciLow).toBeLessThan(stats.mean);
    expect(stats.ciHigh - stats.mean).toBeCloseTo(stats.mean - stats.ciLow, 10);
    expect(stats.ciHigh - stats.ciLow).toBeCloseTo(2 * 1.96 * (stats.sd / Math.sqrt(20_000)), 3);
  });

  it("switches to the t-digest beyond the exact limit and stays close to the exact quantiles", () => {
    const draw = normal(createStream(4, 0, "kpi"), 0, 1);
    const values = Array.from({ length: 50_000 }, () => draw());
    const exact = new ScalarAccumulator(100_000);
    const sketched = new ScalarAccumulator(1_000);
    for (const x of values) {
      exact.add(x);
      sketched.add(x);
    }
    expect(exact.method).toBe("exact");
    expect(sketched.method).toBe("t-digest");
    const a = exact.stats();
    const b = sketched.stats();
    expect(b.mean).toBe(a.mean);
    expect(b.sd).toBe(a.sd);
    expect(b.min).toBe(a.min);
    expect(b.max).toBe(a.max);
    for (const key of Object.keys(Z) as (keyof typeof Z)[])
      expect(Math.abs(b[key] - a[key]), key).toBeLessThan(0.01);
  });

  it("skips non-finite values and handles 0 and 1 observations", () => {
    const acc = new ScalarAccumulator();
    expect(acc.stats().mean).toBeNaN();
    acc.add(Number.NaN);
    acc.add(Number.POSITIVE_INFINITY);
    acc.add(7);
    const stats = acc.stats();
    expect(acc.skipped).toBe(2);
    expect(stats).toMatchObject({ n: 1, mean: 7, sd: 0, ciLow: 7, ciHigh: 7, p5: 7, p95: 7 });
  });

  it("95% CI covers the true mean in about 95% of 2000 repeats of n = 10 (Student t, not z)", () => {
    const draw = normal(createStream(5, 0, "coverage"), 50, 10);
    let covered = 0;
    let coveredByZ = 0;
    const repeats = 2000;
    for (let r = 0; r < repeats; r++) {
      const acc = new ScalarAccumulator();
      for (let i = 0; i < 10; i++) acc.add(draw());
      const stats = acc.stats();
      if (stats.ciLow <= 50 && 50 <= stats.ciHigh) covered++;
      const zHalf = (1.959964 * stats.sd) / Math.sqrt(10);
      if (Math.abs(stats.mean - 50) <= zHalf) coveredByZ++;
    }
    expect(covered / repeats).toBeGreaterThanOrEqual(0.93);
    expect(covered / repeats).toBeLessThanOrEqual(0.97);
    // the normal approximation under-covers at n = 10 (about 92%): the t quantile is doing the work
    expect(coveredByZ).toBeLessThan(covered);
  });

  it("rejects a bad limit", () => {
    expect(() => new ScalarAccumulator(-1)).toThrow(RangeError);
  });
});
