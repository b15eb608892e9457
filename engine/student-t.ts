/**
 * Quantiles of Student's t distribution.
 *
 * CDF through the regularized incomplete beta function: for t >= 0,
 * P(T <= t) = 1 - I_x(nu/2, 1/2) / 2 with x = nu / (nu + t^2) (Abramowitz & Stegun, Handbook of Mathematical
 * Functions, 26.7.1 and 26.5.27). I_x(a, b) by its continued fraction evaluated with the modified Lentz
 * method (Press et al., Numerical Recipes, 3rd ed., section 6.4, `betacf`); the quantile by bisection on the
 * CDF, to a relative precision of about 1e-12. ln Gamma from ./random/log-gamma.ts (Lanczos).
 */
import { logGamma } from "./random/log-gamma.ts";

/**
 * Returns the p-quantile of Student's t distribution with `degreesOfFreedom` (> 0, not necessarily integer).
 *
 * @example
 * studentTQuantile(0.975, 9); // 2.2621571628...
 * @throws RangeError when p is not in (0, 1) or degreesOfFreedom is not > 0
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile requires p in (0, 1), got ${p}`);
  if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
    throw new RangeError(`studentTQuantile requires degreesOfFreedom > 0, got ${degreesOfFreedom}`);
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
  // Upper tail probability q = 1 - p, solved on the tail to keep precision for p close to 1.
  const q = 1 - p;
  const tail = (t: number): number =>
    0.5 * regularizedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
  let lo = 0;
  let hi = 1;
  while (tail(hi) > q) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (tail(mid) > q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Regularized incomplete beta I_x(a, b) (Numerical Recipes 3rd ed. 6.4, `betai`). */
function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Continued fraction of the incomplete beta, modified Lentz method (Numerical Recipes 3rd ed. 6.4, `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}
