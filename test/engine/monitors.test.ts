import fc from "fast-check";
import { mean, sampleVariance } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { batchMeans, Environment, studentTQuantile, Tally, TimeWeighted } from "../../engine/index.ts";

describe("TimeWeighted", () => {
  it("integrates a piecewise-constant value over time", () => {
    const env = new Environment();
    const queue = new TimeWeighted(env, 0);
    env.schedule(2, () => queue.record(3));
    env.schedule(5, () => queue.record(1));
    env.schedule(6, () => queue.record(0));
    env.run({ until: 10 });
    // (0*2 + 3*3 + 1*1 + 0*4) / 10
    expect(queue.integral()).toBe(10);
    expect(queue.mean()).toBeCloseTo(1, 12);
    expect([queue.min, queue.max, queue.current]).toEqual([0, 3, 0]);
  });

  it("reset() restarts integration at now keeping the current value (warm-up)", () => {
    const env = new Environment();
    const busy = new TimeWeighted(env, 5);
    env.schedule(4, () => busy.record(2));
    env.schedule(6, () => busy.reset());
    env.schedule(8, () => busy.record(4));
    env.run({ until: 10 });
    // after the reset at 6: 2 for 2 units, 4 for 2 units
    expect(busy.mean()).toBeCloseTo(3, 12);
    expect([busy.min, busy.max]).toEqual([2, 4]);
  });

  it("mean() is the current value when no time has passed", () => {
    const env = new Environment();
    expect(new TimeWeighted(env, 7).mean()).toBe(7);
    expect(() => new TimeWeighted(env).record(Number.NaN)).toThrow(RangeError);
  });
});

describe("Tally", () => {
  it("matches simple-statistics mean and sample variance", () => {
    const data = [2, 4, 4, 4, 5, 5, 7, 9];
    const tally = new Tally();
    for (const x of data) tally.add(x);
    expect(tally.count).toBe(8);
    expect(tally.mean).toBeCloseTo(mean(data), 12);
    expect(tally.variance).toBeCloseTo(sampleVariance(data), 12);
    expect(tally.sd).toBeCloseTo(Math.sqrt(sampleVariance(data)), 12);
    expect([tally.min, tally.max, tally.sum]).toEqual([2, 9, 40]);
    tally.reset();
    expect(tally.count).toBe(0);
    expect(tally.mean).toBeNaN();
    expect(tally.variance).toBeNaN();
  });

  it("is stable for large offsets (Welford)", () => {
    const tally = new Tally();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) tally.add(x);
    expect(tally.variance).toBeCloseTo(30, 6);
  });

  it("merge equals adding every observation to one tally (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 50 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 50 }),
        (xs, ys) => {
          const a = new Tally();
          const b = new Tally();
          const all = new Tally();
          for (const x of xs) {
            a.add(x);
            all.add(x);
          }
          for (const y of ys) {
            b.add(y);
            all.add(y);
          }
          a.merge(b);
          expect(a.count).toBe(all.count);
          if (all.count > 0) {
            expect(a.mean).toBeCloseTo(all.mean, 4);
            expect(a.min).toBe(all.min);
            expect(a.max).toBe(all.max);
          }
          if (all.count > 1) {
            expect(Math.abs(a.variance - all.variance)).toBeLessThanOrEqual(1e-6 * Math.max(1, all.variance));
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe("studentTQuantile", () => {
  it("matches tabulated values", () => {
    // Abramowitz & Stegun table 26.10 / NIST e-Handbook 1.3.6.7.2
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(studentTQuantile(0.995, 19)).toBeCloseTo(2.860935, 6);
    expect(studentTQuantile(0.95, 30)).toBeCloseTo(1.697261, 6);
    expect(studentTQuantile(0.995, 1000)).toBeCloseTo(2.580755, 5);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157, 6);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe("batchMeans", () => {
  it("computes the interval from batch means with Student t", () => {
    const values = [1, 3, 2, 4, 3, 5, 4, 6];
    const result = batchMeans(values, 4, 0.95);
    expect(result.means).toEqual([2, 3, 4, 5]);
    expect(result.mean).toBe(3.5);
    const sd = Math.sqrt(sampleVariance([2, 3, 4, 5]));
    expect(result.halfWidth).toBeCloseTo((3.182446 * sd) / 2, 5);
    expect(result.low).toBeCloseTo(3.5 - result.halfWidth, 12);
    expect(result.batchSize).toBe(2);
  });

  it("leaves out the oldest remainder values and says how many", () => {
    const result = batchMeans([100, 1, 1, 3, 3], 2);
    expect(result.means).toEqual([1, 3]);
    expect(result.unbatched).toBe(1);
    expect(batchMeans([1, 2, 3, 4], 2).unbatched).toBe(0);
  });

  it("rejects bad arguments", () => {
    expect(() => batchMeans([1, 2, 3], 1)).toThrow(RangeError);
    expect(() => batchMeans([1], 2)).toThrow("batchMeans requires at least 2 values, got 1");
    expect(() => batchMeans([1, 2], 2, 1)).toThrow(RangeError);
  });
});
