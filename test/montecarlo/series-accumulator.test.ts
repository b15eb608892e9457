import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScalarAccumulator } from "../../src/montecarlo/scalar-accumulator.ts";
import { SeriesAccumulator } from "../../src/montecarlo/series-accumulator.ts";
import type { SeriesSummary } from "../../src/montecarlo/types.ts";

const info = { label: "x", unit: "items" };

/** The former SeriesAccumulator: one ScalarAccumulator per month. */
class ReferenceSeries {
  readonly months: ScalarAccumulator[] = [];
  replications = 0;
  constructor(readonly exactLimit: number) {}

  add(values: ArrayLike<number>): void {
    this.replications++;
    while (this.months.length < values.length) this.months.push(new ScalarAccumulator(this.exactLimit));
    for (let m = 0; m < values.length; m++) this.months[m]!.add(values[m]!);
  }

  summary(name: string): SeriesSummary {
    const months = this.months.map((acc) => acc.stats());
    const pick = (key: Exclude<keyof (typeof months)[number], "method">): number[] =>
      months.map((s) => s[key]);
    return {
      name,
      ...info,
      months: months.length,
      n: this.replications,
      mean: pick("mean"),
      sd: pick("sd"),
      ciLow: pick("ciLow"),
      ciHigh: pick("ciHigh"),
      min: pick("min"),
      max: pick("max"),
      p5: pick("p5"),
      p10: pick("p10"),
      p25: pick("p25"),
      p50: pick("p50"),
      p75: pick("p75"),
      p90: pick("p90"),
      p95: pick("p95"),
    };
  }
}

/** `x` as text, telling -0 from 0. */
function show(x: unknown): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

/** Every field of `actual` equals that of `expected` by Object.is (NaN equals NaN, -0 differs from 0). */
function expectIdentical(actual: SeriesSummary, expected: SeriesSummary): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const key of Object.keys(expected) as (keyof SeriesSummary)[]) {
    const a = actual[key];
    const e = expected[key];
    if (Array.isArray(e)) {
      expect(Array.isArray(a) && a.length === e.length, key).toBe(true);
      e.forEach((x, m) => {
        if (!Object.is((a as number[])[m], x))
          expect.fail(`${key}[${m}]: ${show((a as number[])[m])} !== ${show(x)}`);
      });
    } else if (!Object.is(a, e)) expect.fail(`${key}: ${show(a)} !== ${show(e)}`);
  }
}

// special values, duplicates and ordinary numbers, as a month of a real series mixes them
const value = fc.oneof(
  fc.constantFrom(0, -0, 1, 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.double(),
);
const series = fc.oneof(
  fc.array(value, { maxLength: 40 }),
  fc.array(value, { maxLength: 40 }).map((values) => Float64Array.from(values)),
);

describe("SeriesAccumulator", () => {
  it("reports every month bit for bit as one ScalarAccumulator per month would, across the t-digest switch", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.tuple(series, fc.boolean()), { maxLength: 120 }),
        (exactLimit, replications) => {
          const actual = new SeriesAccumulator(exactLimit);
          const expected = new ReferenceSeries(exactLimit);
          for (const [values, ask] of replications) {
            actual.add(values);
            expected.add(values);
            // a summary midway must not change what follows (sorted copies are cached until the next add)
            if (ask) expectIdentical(actual.summary("s", info), expected.summary("s"));
          }
          expect(actual.replications).toBe(expected.replications);
          expect(actual.length).toBe(expected.months.length);
          expectIdentical(actual.summary("s", info), expected.summary("s"));
          for (let m = -1; m <= actual.length; m++) {
            const q = actual.quantile(m, 0.95);
            const r = expected.months[m]?.quantile(0.95) ?? Number.NaN;
            if (!Object.is(q, r)) expect.fail(`quantile(${m}, 0.95): ${show(q)} !== ${show(r)}`);
            expect(actual.skipped(m)).toBe(expected.months[m]?.skipped ?? 0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees across several chunks of exact values and series that lengthen late", () => {
    // mostly short series, now and then a long one, so months are added after the first chunks have filled
    const length = fc.oneof(
      { weight: 30, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: 4, max: 40 }) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 400 }),
        fc.array(length, { minLength: 130, maxLength: 450 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (exactLimit, lengths, seed) => {
          const actual = new SeriesAccumulator(exactLimit);
          const expected = new ReferenceSeries(exactLimit);
          let state = seed;
          const next = (): number => {
            state = (Math.imul(state, 48271) >>> 0) % 2147483647;
            return state % 7 === 0 ? -0 : (state % 1000) / 8;
          };
          lengths.forEach((n, r) => {
            const values = Array.from({ length: n }, next);
            actual.add(values);
            expected.add(values);
            if (r % 97 === 96) expectIdentical(actual.summary("s", info), expected.summary("s"));
          });
          expectIdentical(actual.summary("s", info), expected.summary("s"));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("replays the kept values into the digest in arrival order", () => {
    // the digest's min is the first of -0 and 0 to arrive, and p5 interpolates from it
    for (const order of [
      [-0, 0, 5],
      [0, -0, 5],
    ]) {
      const series = new SeriesAccumulator(2);
      const reference = new ReferenceSeries(2);
      for (const x of order) {
        series.add([x]);
        reference.add([x]);
      }
      expectIdentical(series.summary("s", info), reference.summary("s"));
    }
  });

  it("switches a month to the t-digest only past the exact limit, month by month", () => {
    const series = new SeriesAccumulator(3);
    for (let r = 0; r < 4; r++) series.add(r < 2 ? [r, r, r] : [r]);
    // month 0 has 4 values (digest), months 1 and 2 have 2 (exact)
    const reference = new ReferenceSeries(3);
    for (let r = 0; r < 4; r++) reference.add(r < 2 ? [r, r, r] : [r]);
    expect(reference.months.map((acc) => acc.method)).toEqual(["t-digest", "exact", "exact"]);
    expectIdentical(series.summary("s", info), reference.summary("s"));
  });

  it("rejects an exact limit that is not an integer >= 0", () => {
    expect(() => new SeriesAccumulator(-1)).toThrow(RangeError);
    expect(() => new SeriesAccumulator(1.5)).toThrow("exactLimit must be an integer >= 0, got 1.5");
  });
});
