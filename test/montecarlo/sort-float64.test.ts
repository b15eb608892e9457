import { describe, expect, it } from "vitest";
import { createStream, exponential, normal } from "../../engine/index.ts";
import { sortFloat64 } from "../../src/montecarlo/sort-float64.ts";

/** Bit patterns, so that -0 and +0 (and every last bit) are told apart. */
function bits(values: Float64Array): bigint[] {
  return Array.from(new BigUint64Array(values.buffer, values.byteOffset, values.length));
}

describe("sortFloat64", () => {
  it("orders like Float64Array.prototype.sort, bit for bit, across signs, zeros, ties and extremes", () => {
    const draw = normal(createStream(3, 0, "sort"), 0, 1e3);
    const tail = exponential(createStream(3, 1, "sort"), 1e-6);
    const special = [
      0,
      -0,
      5e-324,
      -5e-324,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Infinity,
      -Infinity,
      1,
      1,
      -1,
    ];
    for (const n of [0, 1, 2_047, 2_048, 5_000, 20_000]) {
      const values = Float64Array.from({ length: n }, (_, i) =>
        i < special.length ? special[i]! : i % 3 === 0 ? Math.round(draw()) : i % 3 === 1 ? draw() : tail(),
      );
      const expected = values.slice().sort();
      const actual = sortFloat64(values);
      expect(actual).toBe(values);
      expect(bits(actual), `n = ${n}`).toEqual(bits(expected));
    }
  });

  it("sorts values that share their high bits (passes with a single digit are skipped)", () => {
    const values = Float64Array.from({ length: 4_000 }, (_, i) => 1 + ((i * 7919) % 4_000) * 2 ** -40);
    expect(bits(sortFloat64(values.slice()))).toEqual(bits(values.slice().sort()));
  });
});
