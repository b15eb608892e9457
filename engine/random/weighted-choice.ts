/**
 * Weighted choice among items, by the alias method of categorical.ts (Vose 1991).
 */
import { categorical } from "./categorical.ts";
import { checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler that picks `items[i]` with probability proportional to `weights[i]` (items are copied).
 *
 * @example
 * const size = weightedChoice(createStream(1, 0, "size"), ["S", "M", "L"], [5, 3, 1]);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `items` and `weights` differ in length, or as {@link categorical} for `weights`.
 */
export function weightedChoice<T>(
  source: RandomSource,
  items: readonly T[],
  weights: readonly number[],
): () => T {
  checkSource("weightedChoice", source);
  if (!Array.isArray(items) || !Array.isArray(weights) || items.length !== weights.length) {
    throw new RangeError(
      `weightedChoice: items and weights must be arrays of equal length, got ${items?.length} items and ${weights?.length} weights`,
    );
  }
  const chosen = items.slice();
  const index = categorical(source, weights);
  return () => chosen[index()]!;
}
