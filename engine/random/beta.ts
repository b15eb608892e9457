/**
 * Beta distribution.
 * - min(alpha, beta) > 1: algorithm BB of R. C. H. Cheng, "Generating beta variates with nonintegral shape
 *   parameters", Commun. ACM 21 (1978) 317-322: a logistic-type proposal W = a e^V, V = b' ln(U1 / (1 - U1)),
 *   with two squeezes before the exact log test; about 2 uniforms and 1.3 logarithms per draw, and no gamma
 *   variates. This is the case of every beta-PERT with min < mode < max.
 * - otherwise: X / (X + Y) with X ~ Gamma(alpha, 1), Y ~ Gamma(beta, 1) independent (Devroye 1986,
 *   section IX.4.1; gammas by Marsaglia-Tsang, see gamma.ts), valid for all alpha, beta > 0.
 * Mean alpha / (alpha + beta), variance alpha beta / ((alpha + beta)^2 (alpha + beta + 1)).
 */
import { gamma } from "./gamma.ts";
import { checkPositive, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

const LOG_4 = Math.log(4);
const ONE_PLUS_LOG_5 = 1 + Math.log(5);

function chengBB(source: RandomSource, alpha: number, beta: number): () => number {
  const a = Math.min(alpha, beta);
  const b = Math.max(alpha, beta);
  const sum = a + b;
  const scale = Math.sqrt((sum - 2) / (2 * a * b - sum));
  const shift = a + 1 / scale;
  const swapped = a !== alpha;
  return () => {
    let w: number;
    for (;;) {
      const u1 = source();
      if (u1 === 0) continue; // the proposal has no mass at 0; ln 0 would make every test pass
      const u2 = source();
      const v = scale * Math.log(u1 / (1 - u1));
      w = a * Math.exp(v);
      const z = u1 * u1 * u2;
      const r = shift * v - LOG_4;
      const s = a + r - w;
      if (s + ONE_PLUS_LOG_5 >= 5 * z) break;
      const t = Math.log(z);
      if (s > t) break;
      if (r + sum * Math.log(sum / (b + w)) >= t) break;
    }
    return swapped ? b / (b + w) : w / (b + w);
  };
}

/**
 * Returns a sampler of Beta(alpha, beta) on [0, 1].
 *
 * @example
 * const share = beta(createStream(1, 0, "share"), 2, 5); // mean 2/7
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `alpha` or `beta` is not a finite number > 0.
 */
export function beta(source: RandomSource, alpha: number, beta: number): () => number {
  checkSource("beta", source);
  checkPositive("beta", "alpha", alpha);
  checkPositive("beta", "beta", beta);
  if (alpha > 1 && beta > 1) return chengBB(source, alpha, beta);
  const x = gamma(source, alpha, 1);
  const y = gamma(source, beta, 1);
  const pOne = alpha / (alpha + beta);
  return () => {
    const gx = x();
    const sum = gx + y();
    // both gammas underflow to 0 only for tiny alpha and beta, where Beta is a Bernoulli(alpha/(alpha+beta)) limit
    return sum > 0 ? gx / sum : source() < pOne ? 1 : 0;
  };
}
