/**
 * Degenerate distribution (all mass at one value); no randomness, so it takes no source.
 */
import { checkFinite } from "./parameter-checks.ts";

/**
 * Returns a sampler that always returns `value`. Mean `value`, variance 0.
 *
 * @example
 * constant(3)(); // 3
 * @throws {RangeError} when `value` is not finite.
 */
export function constant(value: number): () => number {
  checkFinite("constant", "value", value);
  return () => value;
}
