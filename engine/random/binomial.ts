/**
 * Binomial distribution. With r = min(p, 1 - p) (the result is mirrored as n - X when p > 1/2):
 * - n r < 30: sequential inversion, algorithm BINV of V. Kachitvichyanukul, B. W. Schmeiser, "Binomial random
 *   variate generation", Commun. ACM 31 (1988) 216-222; about n r + 1 steps per draw.
 * - n r >= 30: BTPE from the same paper (triangle, parallelograms and exponential tails with squeeze);
 *   bounded expected work whatever n. The final acceptance test compares with the exact log-probability ratio
 *   computed with logGamma (log-gamma.ts) instead of the paper's Stirling-series expansion, which is
 *   equivalent to rounding.
 * Mean n p, variance n p (1 - p).
 */
import { logGamma } from "./log-gamma.ts";
import { checkInteger, checkProbability, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

function inversion(source: RandomSource, n: number, r: number): () => number {
  const q = 1 - r;
  const ratio = r / q;
  const q0 = Math.exp(n * Math.log1p(-r));
  const bound = Math.min(n, n * r + 10 * Math.sqrt(n * r * q + 1));
  return () => {
    let x = 0;
    let px = q0;
    let u = source();
    while (u > px) {
      x++;
      if (x > bound) {
        // far tail left by rounding: restart (probability below 1e-20)
        x = 0;
        px = q0;
        u = source();
      } else {
        u -= px;
        px *= ((n - x + 1) * ratio) / x;
      }
    }
    return x;
  };
}

function btpe(source: RandomSource, n: number, r: number): () => number {
  const q = 1 - r;
  const npq = n * r * q;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const xm = m + 0.5;
  const p1 = Math.floor(2.195 * Math.sqrt(npq) - 4.6 * q) + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let t = (fm - xl) / (fm - xl * r);
  const lambdaLeft = t * (1 + t / 2);
  t = (xr - fm) / (xr * q);
  const lambdaRight = t * (1 + t / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / lambdaLeft;
  const p4 = p3 + c / lambdaRight;
  const s = r / q;
  const a = s * (n + 1);
  const logRatio = Math.log(s);
  const logModeTerm = logGamma(m + 1) + logGamma(n - m + 1);
  return () => {
    for (;;) {
      const u = source() * p4;
      let v = source();
      let y: number;
      if (u <= p1) return Math.floor(xm - p1 * v + u); // triangle: accepted outright
      if (u <= p2) {
        const x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        y = Math.floor(xl + Math.log(v) / lambdaLeft);
        if (y < 0 || v === 0) continue;
        v *= (u - p2) * lambdaLeft;
      } else {
        y = Math.floor(xr - Math.log(v) / lambdaRight);
        if (y > n || v === 0) continue;
        v *= (u - p3) * lambdaRight;
      }
      const k = Math.abs(y - m);
      if (k <= 20 || k >= npq / 2 - 1) {
        // near the mode: f(y)/f(m) by the recursive product, cheaper than logarithms
        let f = 1;
        if (m < y) for (let i = m + 1; i <= y; i++) f *= a / i - s;
        else if (m > y) for (let i = y + 1; i <= m; i++) f /= a / i - s;
        if (v <= f) return y;
        continue;
      }
      const rho = (k / npq) * ((k * (k / 3 + 0.625) + 1 / 6) / npq + 0.5);
      const tt = (-k * k) / (2 * npq);
      const logV = Math.log(v);
      if (logV < tt - rho) return y;
      if (logV > tt + rho) continue;
      if (logV <= logModeTerm - logGamma(y + 1) - logGamma(n - y + 1) + (y - m) * logRatio) return y;
    }
  };
}

/**
 * Returns a sampler of Binomial(n, p): successes in `n` independent trials of probability `p`.
 *
 * @example
 * const passed = binomial(createStream(1, 0, "reviews"), 40, 0.7);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `n` is not an integer >= 0 or `p` is not in [0, 1].
 */
export function binomial(source: RandomSource, n: number, p: number): () => number {
  checkSource("binomial", source);
  checkInteger("binomial", "n", n, 0);
  checkProbability("binomial", "p", p);
  if (n === 0 || p === 0) return () => 0;
  if (p === 1) return () => n;
  const mirrored = p > 0.5;
  const r = mirrored ? 1 - p : p;
  const draw = n * r < 30 ? inversion(source, n, r) : btpe(source, n, r);
  return mirrored ? () => n - draw() : draw;
}
