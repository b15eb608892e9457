import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RADIX_SORT_MIN_LENGTH, sortAscending } from "../../src/montecarlo/sort-ascending.ts";

/** The bits of every value, so that -0 and +0 (and NaN payloads) are told apart. */
function bits(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("hex");
}

describe("sortAscending", () => {
  it("orders -0 before +0 as the native sort does", () => {
    // long enough for the partial sort, with +0 dominant and -0 among the rest
    const values = Float64Array.from({ length: 100 }, (_, i) => (i % 10 === 3 ? -0 : i % 10 === 7 ? 1 : 0));
    const sorted = Array.from(sortAscending(values), (x) => (Object.is(x, -0) ? "-0" : String(x)));
    expect(sorted).toEqual([...Array(10).fill("-0"), ...Array(80).fill("0"), ...Array(10).fill("1")]);
  });

  it("sorts in place and returns the same array", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 3 : i));
    expect(sortAscending(values)).toBe(values);
    expect(Array.from(values)).toEqual(Array.from(values).sort((a, b) => a - b));
    expect(values[99]).toBe(99);
  });

  it("gives the native sort's bits whatever share the most frequent value has, -0 and NaN included", () => {
    const pool = [0, -0, 1, -1, 0.5, 1e300, -1e-300, 7, 42, Number.NaN, 3.25];
    const drawn = fc.array(fc.constantFrom(...pool), { maxLength: 400 });
    // one value (any double, NaN and -0 included) at a drawn share, the rest drawn from the pool or anywhere
    const dominated = fc
      .tuple(
        fc.oneof(fc.constantFrom(0, -0, 1, Number.NaN), fc.double()),
        fc.array(fc.oneof(fc.constantFrom(...pool), fc.double()), { maxLength: 300 }),
        fc.nat(600),
      )
      .map(([value, rest, copies]) => [...rest, ...Array<number>(copies).fill(value)])
      .chain((list) => fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }));
    fc.assert(
      fc.property(fc.oneof(drawn, dominated, fc.array(fc.double(), { maxLength: 100 })), (list) => {
        const native = Float64Array.from(list).sort();
        expect(bits(sortAscending(Float64Array.from(list)))).toBe(bits(native));
      }),
      { numRuns: 1000, seed: 17 },
    );
  });

  it("gives the native sort's bits when the whole array or the rest is long enough for the radix sort", () => {
    const pool = [0, -0, 1, -1, 0.5, 1e300, -1e-300, 5e-324, Number.NEGATIVE_INFINITY, 42, 3.25];
    const value = fc.oneof(fc.constantFrom(...pool), fc.double({ noNaN: true }));
    const long = { minLength: RADIX_SORT_MIN_LENGTH, maxLength: 3 * RADIX_SORT_MIN_LENGTH };
    const shuffled = (list: number[]) =>
      fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length });
    // no dominant value (the whole array is sorted), or one filling a drawn share (the rest is, at full length)
    const dominated = fc
      .tuple(fc.constantFrom(0, -0, 1, 2.5), fc.array(value, long), fc.nat(6 * RADIX_SORT_MIN_LENGTH))
      .map(([dominant, rest, copies]) => [...rest, ...Array<number>(copies).fill(dominant)])
      .chain(shuffled);
    const withNaN = fc.array(value, long).chain((list) => shuffled([...list, Number.NaN]));
    fc.assert(
      fc.property(fc.oneof(fc.array(value, long), dominated, withNaN), (list) => {
        const native = Float64Array.from(list).sort();
        expect(bits(sortAscending(Float64Array.from(list)))).toBe(bits(native));
      }),
      { numRuns: 200, seed: 19 },
    );
  });
});
