/**
 * Triangular distribution by inversion of its CDF (D. Vose, Risk Analysis, 3rd ed., Wiley 2008; also
 * Devroye 1986, section II.2): with F_c = (mode - min) / (max - min),
 * X = min + (max - min) sqrt(U F_c) if U < F_c, else max - (max - min) sqrt((1 - U)(1 - F_c)), the same
 * formula as sqrt(U (max - min)(mode - min)) written with shares so that it cannot underflow.
 * Mean (min + mode + max) / 3, variance (a^2 + b^2 + c^2 - ab - ac - bc) / 18.
 */
import { checkFinite, checkOrdered, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Triangular(min, mode, max); `min === max` gives `min` every time.
 *
 * @example
 * const weeks = triangular(createStream(1, 0, "effort"), 2, 4, 10);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when a parameter is not finite or not `min <= mode <= max`.
 */
export function triangular(source: RandomSource, min: number, mode: number, max: number): () => number {
  checkSource("triangular", source);
  checkFinite("triangular", "min", min);
  checkFinite("triangular", "mode", mode);
  checkFinite("triangular", "max", max);
  checkOrdered("triangular", "min", min, "mode", mode);
  checkOrdered("triangular", "mode", mode, "max", max);
  const width = max - min;
  checkFinite("triangular", "max - min", width);
  if (width === 0) return () => min;
  const split = (mode - min) / width;
  const rightShare = (max - mode) / width;
  // shares, not products of widths: (max - min)(max - mode) underflows for tiny ranges and leaves [min, max]
  return () => {
    const u = source();
    const x = u < split ? min + width * Math.sqrt(u * split) : max - width * Math.sqrt((1 - u) * rightShare);
    return Math.max(min, Math.min(x, max)); // rounding only
  };
}
