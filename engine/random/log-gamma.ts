/**
 * Natural logarithm of the gamma function.
 *
 * Lanczos approximation with g = 7, n = 9 (C. Lanczos, "A precision approximation of the gamma function",
 * SIAM J. Numer. Anal. B 1 (1964) 86-96; coefficients by P. Godfrey, as tabulated in Press et al.,
 * Numerical Recipes, 3rd ed., section 6.1), relative error about 1e-15 for x > 0. Values below 0.5 use the
 * reflection formula Gamma(x) Gamma(1 - x) = pi / sin(pi x).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * Returns ln |Gamma(x)| for real x > 0 (also x < 0 away from the poles); `logGamma(n + 1)` is ln n!.
 *
 * @example
 * logGamma(5); // ln 24 = 3.1780538303479458
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
