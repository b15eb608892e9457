/**
 * Latin hypercube sampling: M. D. McKay, R. J. Beckman and W. J. Conover, "A Comparison of Three Methods for
 * Selecting Values of Input Variables in the Analysis of Output from a Computer Code", Technometrics 21(2),
 * 1979. For n points and k dimensions, each dimension's [0, 1) is cut into n equal strata and every stratum is
 * used exactly once: u[i][j] = (pi_j(i) + v_ij) / n with pi_j a random permutation (Fisher-Yates, Knuth TAOCP
 * vol. 2, algorithm 3.4.2 P) and v_ij uniform on [0, 1).
 */
import type { RandomSource } from "../../engine/index.ts";

/**
 * An n x k Latin hypercube on [0, 1)^k drawn from `source` (deterministic for a given source).
 *
 * @throws {RangeError} when n or k is not an integer >= 1.
 */
export function latinHypercube(n: number, k: number, source: RandomSource): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer >= 1, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer >= 1, got ${k}`);
  const points = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const permutation = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const swap = Math.floor(source() * (i + 1));
      [permutation[i], permutation[swap]] = [permutation[swap]!, permutation[i]!];
    }
    for (let i = 0; i < n; i++) points[i]![j] = (permutation[i]! + source()) / n;
  }
  return points;
}
