import { describe, expect, it } from "vitest";
import {
  createStream,
  exponentialGap,
  exponentialGapFromUniform,
  nextThinnedArrival,
} from "../../../engine/random/index.ts";

describe("exponentialGap", () => {
  it("has mean 1/rate and variance 1/rate^2 over 100 000 draws (4 standard errors)", () => {
    const source = createStream(7, 0, "gap");
    const rate = 0.25;
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = exponentialGap(source, rate);
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    expect(Math.abs(mean - 4)).toBeLessThan(4 * (4 / Math.sqrt(n)));
    // the exponential's kurtosis is 9, so the sample variance has standard error sigma^2 * sqrt(8 / n)
    expect(Math.abs(variance - 16)).toBeLessThan(4 * 16 * Math.sqrt(8 / n));
  });

  it("is Infinity at rate 0 and draws nothing then", () => {
    const a = createStream(3, 0, "s");
    const b = createStream(3, 0, "s");
    expect(exponentialGap(a, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(a()).toBe(b());
  });

  it("inverts a given uniform as the drawing form does", () => {
    const a = createStream(5, 0, "s");
    const b = createStream(5, 0, "s");
    expect(exponentialGapFromUniform(a(), 3)).toBe(exponentialGap(b, 3));
  });
});

describe("nextThinnedArrival (Lewis & Shedler)", () => {
  it("gives a count over [0, T] whose mean is the integral of the rate", () => {
    // rate(t) = 2 + 2 sin(t): integral over [0, 20] = 40 + 2 (1 - cos 20)
    const rateAt = (t: number) => 2 + 2 * Math.sin(t);
    const horizon = 20;
    const expected = 2 * horizon + 2 * (1 - Math.cos(horizon));
    const source = createStream(11, 0, "thinning");
    const runs = 4000;
    let total = 0;
    let totalSq = 0;
    for (let r = 0; r < runs; r++) {
      let count = 0;
      for (let t = nextThinnedArrival(source, 0, 4, rateAt, horizon); t < horizon; ) {
        count++;
        t = nextThinnedArrival(source, t, 4, rateAt, horizon);
      }
      total += count;
      totalSq += count * count;
    }
    const mean = total / runs;
    const variance = totalSq / runs - mean * mean;
    // Poisson: variance equals the mean
    expect(Math.abs(mean - expected)).toBeLessThan(4 * Math.sqrt(expected / runs));
    expect(variance / mean).toBeGreaterThan(0.9);
    expect(variance / mean).toBeLessThan(1.1);
  });

  it("puts more arrivals where the rate is higher", () => {
    const rateAt = (t: number) => (t < 10 ? 0.5 : 3);
    const source = createStream(13, 0, "thinning");
    let early = 0;
    let late = 0;
    for (
      let t = nextThinnedArrival(source, 0, 3, rateAt, 20);
      t < 20;
      t = nextThinnedArrival(source, t, 3, rateAt, 20)
    ) {
      if (t < 10) early++;
      else late++;
    }
    expect(late).toBeGreaterThan(3 * early);
  });

  it("returns Infinity when no arrival comes before the end, and when the peak rate is 0", () => {
    const source = createStream(1, 0, "s");
    expect(nextThinnedArrival(source, 0, 1e-9, () => 1e-9, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(nextThinnedArrival(source, 0, 0, () => 0, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
