/**
 * Poisson distribution.
 * - mean < 10: multiplication method (D. E. Knuth, The Art of Computer Programming, vol. 2, 3rd ed.,
 *   section 3.4.1, algorithm Q): count uniforms until their product drops below e^-mean; mean + 1 draws.
 * - mean >= 10: PTRS, transformed rejection with squeeze (W. Hörmann, "The transformed rejection method for
 *   generating Poisson random variables", Insurance: Mathematics and Economics 12 (1993) 39-45), with the
 *   paper's constants; about 1.2 uniform pairs per draw whatever the mean, exact (not a normal approximation).
 * Mean = variance = mean.
 */
import { logGamma } from "./log-gamma.ts";
import { checkNonNegative, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Poisson(mean) counts; `mean = 0` always gives 0.
 *
 * @example
 * const arrivalsPerWeek = poisson(createStream(1, 0, "arrivals"), 3.5);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `mean` is not a finite number >= 0.
 */
export function poisson(source: RandomSource, mean: number): () => number {
  checkSource("poisson", source);
  checkNonNegative("poisson", "mean", mean);
  if (mean === 0) return () => 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    return () => {
      let k = 0;
      let product = source();
      while (product > limit) {
        k++;
        product *= source();
      }
      return k;
    };
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  return () => {
    for (;;) {
      const u = source() - 0.5;
      const v = source();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b) <=
        -mean + k * logMean - logGamma(k + 1)
      ) {
        return k;
      }
    }
  };
}
