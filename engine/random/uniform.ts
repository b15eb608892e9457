/**
 * Continuous uniform distribution on [min, max) by scaling the source (d3-random randomUniform).
 * Mean (min + max) / 2, variance (max - min)^2 / 12.
 */
import { checkFinite, checkOrdered, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Uniform[min, max); `min === max` gives `min` every time.
 *
 * @example
 * const u = uniform(createStream(1, 0, "u"), 2, 5);
 * u(); // 2 <= x < 5
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `min` or `max` is not finite, or `min > max`.
 */
export function uniform(source: RandomSource, min: number, max: number): () => number {
  checkSource("uniform", source);
  checkFinite("uniform", "min", min);
  checkFinite("uniform", "max", max);
  checkOrdered("uniform", "min", min, "max", max);
  const width = max - min;
  checkFinite("uniform", "max - min", width);
  return () => min + width * source();
}
