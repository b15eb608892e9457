/**
 * Categorical distribution (index i with probability w_i / sum w) by the alias method in Vose's numerically
 * stable form: M. D. Vose, "A linear algorithm for generating random numbers with a given distribution",
 * IEEE Trans. Softw. Eng. 17 (1991) 972-975 (after A. J. Walker 1977). O(k) setup, O(1) per draw with two
 * uniforms (one picks the column, one the coin, so neither loses resolution to the other).
 */
import { checkNonNegative, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of an index 0..k-1 drawn with probability proportional to `weights` (zeros allowed).
 *
 * @example
 * const tier = categorical(createStream(1, 0, "tier"), [0.6, 0.3, 0.1]); // 0, 1 or 2
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `weights` is empty, holds a negative or non-finite weight, or sums to 0.
 */
export function categorical(source: RandomSource, weights: readonly number[]): () => number {
  checkSource("categorical", source);
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new RangeError(`categorical: weights must be a non-empty array, got ${JSON.stringify(weights)}`);
  }
  const k = weights.length;
  let total = 0;
  for (let i = 0; i < k; i++) {
    checkNonNegative("categorical", `weights[${i}]`, weights[i]!);
    total += weights[i]!;
  }
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new RangeError(`categorical: weights must have a finite positive sum, got ${total}`);
  }
  const probability = new Float64Array(k);
  const alias = new Int32Array(k);
  const scaled = new Float64Array(k);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < k; i++) {
    scaled[i] = (weights[i]! * k) / total;
    (scaled[i]! < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const less = small.pop()!;
    const more = large.pop()!;
    probability[less] = scaled[less]!;
    alias[less] = more;
    scaled[more] = scaled[more]! + scaled[less]! - 1;
    (scaled[more]! < 1 ? small : large).push(more);
  }
  // leftovers are 1 up to rounding (Vose's stable variant)
  for (const i of large) probability[i] = 1;
  for (const i of small) probability[i] = 1;
  return () => {
    const column = Math.floor(source() * k);
    return source() < probability[column]! ? column : alias[column]!;
  };
}
