/**
 * Zipf (finite, "Zipf-Mandelbrot" with q = 0) probabilities: P(k) = k^-s / H(n, s), H(n, s) = sum_{j=1..n} j^-s
 * (G. K. Zipf, Human Behavior and the Principle of Least Effort, 1949; N. L. Johnson, A. W. Kemp, S. Kotz,
 * Univariate Discrete Distributions, 3rd ed., section 11.2.20).
 */
import { checkInteger, checkNonNegative } from "./parameter-checks.ts";

/**
 * Returns the Zipf probabilities of ranks 1..n (index 0 is rank 1) with exponent `s`; they sum to 1.
 * `s = 0` is uniform; larger `s` concentrates popularity on the first ranks.
 *
 * @example
 * zipfWeights(3, 1); // [6/11, 3/11, 2/11]
 * @throws {RangeError} when `n` is not an integer >= 1 or `s` is not a finite number >= 0.
 */
export function zipfWeights(n: number, s: number): number[] {
  checkInteger("zipfWeights", "n", n, 1);
  checkNonNegative("zipfWeights", "s", s);
  const weights = new Array<number>(n);
  let total = 0;
  // sum smallest terms first to limit rounding error
  for (let k = n; k >= 1; k--) {
    const w = k ** -s;
    weights[k - 1] = w;
    total += w;
  }
  for (let i = 0; i < n; i++) weights[i] = weights[i]! / total;
  return weights;
}
