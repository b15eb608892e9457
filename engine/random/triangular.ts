/**
 * Triangular distribution by inversion of its CDF (D. Vose, Risk Analysis, 3rd ed., Wiley 2008; also
 * Devroye 1986, section II.2): with F_c = (mode - min) / (max - min),
 * X = min + sqrt(U (max - min)(mode - min)) if U < F_c, else max - sqrt((1 - U)(max - min)(max - mode)).
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
  if (width === 0) return () => min;
  const split = (mode - min) / width;
  const left = width * (mode - min);
  const right = width * (max - mode);
  return () => {
    const u = source();
    return u < split ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right);
  };
}
