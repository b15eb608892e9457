/**
 * Weibull distribution by inversion: X = scale (-ln(1 - U))^(1/shape) (Devroye 1986, section II.2).
 * Mean scale Gamma(1 + 1/shape), variance scale^2 (Gamma(1 + 2/shape) - Gamma(1 + 1/shape)^2).
 */
import { checkPositive, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Weibull(shape, scale); shape 1 is Exponential with mean `scale`.
 *
 * @example
 * const lifetime = weibull(createStream(1, 0, "failures"), 1.5, 100);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `shape` or `scale` is not a finite number > 0.
 */
export function weibull(source: RandomSource, shape: number, scale: number): () => number {
  checkSource("weibull", source);
  checkPositive("weibull", "shape", shape);
  checkPositive("weibull", "scale", scale);
  const inverseShape = 1 / shape;
  return () => scale * (-Math.log(1 - source())) ** inverseShape;
}
