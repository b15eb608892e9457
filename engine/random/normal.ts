/**
 * Normal distribution by the Marsaglia polar method: G. Marsaglia, T. A. Bray, "A convenient method for
 * generating normal variables", SIAM Review 6 (1964) 260-264. Each accepted point (x, y) in the unit disc
 * yields two independent normals; the second is cached per sampler and returned by the next call.
 */
import { checkFinite, checkNonNegative, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Normal(mean, sd^2).
 *
 * @example
 * const noise = normal(createStream(1, 0, "noise"), 0, 1);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `mean` is not finite or `sd` is not a finite number >= 0.
 */
export function normal(source: RandomSource, mean: number, sd: number): () => number {
  checkSource("normal", source);
  checkFinite("normal", "mean", mean);
  checkNonNegative("normal", "sd", sd);
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return mean + sd * spare;
    }
    let x: number;
    let y: number;
    let r: number;
    do {
      x = 2 * source() - 1;
      y = 2 * source() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const factor = Math.sqrt((-2 * Math.log(r)) / r);
    spare = y * factor;
    hasSpare = true;
    return mean + sd * x * factor;
  };
}
