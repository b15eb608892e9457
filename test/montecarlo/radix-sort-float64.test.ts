import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { radixSortFloat64 } from "../../src/montecarlo/radix-sort-float64.ts";

/** The bits of every value, so that -0 and +0 (and NaN payloads) are told apart. */
function bits(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("hex");
}

/** The double whose IEEE-754 bits are `high` (sign, exponent, top of the mantissa) and `low`. */
function fromBits(high: number, low: number): number {
  const words = Uint32Array.of(low, high);
  return new Float64Array(words.buffer)[0]!;
}

/** Expects the radix sort of a copy of `values` to have the native sort's bits. */
function expectNativeBits(values: Float64Array): void {
  const native = values.slice().sort();
  const sorted = values.slice();
  expect(radixSortFloat64(sorted)).toBe(sorted);
  expect(bits(sorted)).toBe(bits(native));
}

const SUBNORMAL = 5e-324;
const MIN_NORMAL = 2.2250738585072014e-308;
/** Values at the edges of the key transform: zeros, subnormals, the normal limits, infinities. */
const edges = [
  0,
  -0,
  SUBNORMAL,
  -SUBNORMAL,
  1e-310,
  -1e-310,
  MIN_NORMAL,
  -MIN_NORMAL,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1,
  -1,
];
const anyDouble = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(...edges));

describe("radixSortFloat64", () => {
  it("orders the edge values as the native sort does, -0 before +0", () => {
    const sorted = radixSortFloat64(Float64Array.from([...edges, ...edges].reverse()));
    expect(Array.from(sorted, (x) => (Object.is(x, -0) ? "-0" : String(x)))).toEqual([
      "-Infinity",
      "-Infinity",
      String(-Number.MAX_VALUE),
      String(-Number.MAX_VALUE),
      "-1",
      "-1",
      String(-MIN_NORMAL),
      String(-MIN_NORMAL),
      "-1e-310",
      "-1e-310",
      "-5e-324",
      "-5e-324",
      "-0",
      "-0",
      "0",
      "0",
      "5e-324",
      "5e-324",
      "1e-310",
      "1e-310",
      String(MIN_NORMAL),
      String(MIN_NORMAL),
      "1",
      "1",
      String(Number.MAX_VALUE),
      String(Number.MAX_VALUE),
      "Infinity",
      "Infinity",
    ]);
  });

  it("leaves arrays of zero and one element as they are", () => {
    expect(radixSortFloat64(new Float64Array(0)).length).toBe(0);
    expect(Object.is(radixSortFloat64(Float64Array.of(-0))[0], -0)).toBe(true);
  });

  it("gives the native sort's bits for any doubles, short or several thousand long", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(anyDouble, { maxLength: 50 }),
          fc.array(anyDouble, { minLength: 2000, maxLength: 6000 }),
        ),
        (list) => expectNativeBits(Float64Array.from(list)),
      ),
      { numRuns: 150, seed: 23 },
    );
  });

  it("gives the native sort's bits when the keys differ in one digit only, for each of the six digits", () => {
    // keys equal but for bits [from, from + 11) leave every pass but one skipped: each pass and each skip is
    // tested alone, including the digit that straddles the two words and the sign/exponent digit
    const arbitrary = fc
      .record({
        high: fc.nat({ max: 0xffffffff }),
        low: fc.nat({ max: 0xffffffff }),
        pass: fc.integer({ min: 0, max: 5 }),
        digits: fc.array(fc.nat({ max: 0x7ff }), { minLength: 1, maxLength: 3000 }),
      })
      .map(({ high, low, pass, digits }) =>
        digits.map((digit) => {
          let bitsHigh = high;
          let bitsLow = low;
          for (let bit = 0; bit < 11; bit++) {
            const at = pass * 11 + bit;
            if (at >= 64) break;
            const set = (digit >>> bit) & 1;
            if (at < 32) bitsLow = (bitsLow & ~(1 << at)) | (set << at);
            else bitsHigh = (bitsHigh & ~(1 << (at - 32))) | (set << (at - 32));
          }
          const x = fromBits(bitsHigh >>> 0, bitsLow >>> 0);
          return Number.isNaN(x) ? 0 : x;
        }),
      );
    fc.assert(
      fc.property(arbitrary, (list) => expectNativeBits(Float64Array.from(list))),
      { numRuns: 300, seed: 29 },
    );
  });

  it("gives the native sort's bits for arrays with many duplicates", () => {
    const pool = fc.constantFrom(0, -0, 1, -1, 0.5, 7, 42, 3.25, 1e-310, Number.POSITIVE_INFINITY);
    fc.assert(
      fc.property(fc.array(pool, { minLength: 1000, maxLength: 5000 }), (list) =>
        expectNativeBits(Float64Array.from(list)),
      ),
      { numRuns: 60, seed: 31 },
    );
  });

  it("sorts a subarray at a byte offset and leaves the bytes around it untouched", () => {
    fc.assert(
      fc.property(
        fc.array(anyDouble, { minLength: 1, maxLength: 3000 }),
        fc.nat(20),
        fc.nat(20),
        (list, before, after) => {
          const whole = new Float64Array(before + list.length + after);
          for (let i = 0; i < whole.length; i++) whole[i] = -i - 0.5;
          whole.set(list, before);
          const outside = () => bits(whole.subarray(0, before)) + bits(whole.subarray(before + list.length));
          const untouched = outside();
          const part = whole.subarray(before, before + list.length);
          const native = part.slice().sort();
          expect(radixSortFloat64(part)).toBe(part);
          expect(bits(part)).toBe(bits(native));
          expect(outside()).toBe(untouched);
        },
      ),
      { numRuns: 150, seed: 37 },
    );
  });

  it("leaves an array holding a NaN to the native sort, NaN payloads and signs included", () => {
    // NaNs as [high, low] words: a NaN held in a JS number may not keep its payload
    const nans = fc.constantFrom<[number, number]>(
      [0x7ff80000, 0],
      [0x7ff00000, 1],
      [0xfff80000, 0],
      [0x7fffffff, 0xffffffff],
      [0xfff00000, 0x12345],
    );
    const numbers = anyDouble.map((x): [number, number] => {
      const [low, high] = new Uint32Array(Float64Array.of(x).buffer);
      return [high!, low!];
    });
    const arbitrary = fc
      .tuple(fc.array(numbers, { maxLength: 3000 }), fc.array(nans, { minLength: 1, maxLength: 20 }))
      .chain(([finite, withNaN]) => {
        const list = [...finite, ...withNaN];
        return fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length });
      });
    fc.assert(
      fc.property(arbitrary, (list) => {
        const values = new Float64Array(list.length);
        const words = new Uint32Array(values.buffer);
        list.forEach(([high, low], i) => {
          words[2 * i] = low;
          words[2 * i + 1] = high;
        });
        expectNativeBits(values);
      }),
      { numRuns: 100, seed: 41 },
    );
  });
});
