/**
 * First- and total-order Sobol' indices from model outputs on a Saltelli design (saltelli-design.ts), with
 * percentile bootstrap confidence intervals:
 *
 * - first order, Saltelli et al. 2010 (Comput. Phys. Commun. 181, table 2, estimator (b)):
 *   S_i = mean_j( f(B)_j (f(AB_i)_j - f(A)_j) ) / V;
 * - total order, Jansen 1999 (M. J. W. Jansen, "Analysis of variance designs for model output", Comput. Phys.
 *   Commun. 117; Saltelli et al. 2010, table 2, estimator (f)): ST_i = mean_j( (f(A)_j - f(AB_i)_j)^2 ) / (2 V);
 * - V is the population variance of the 2n outputs f(A) and f(B) together (as SALib's `sobol.analyze`).
 *
 * Confidence intervals: B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", 1993, chapter 13
 * (percentile interval): the n base rows are resampled with replacement `resamples` times, the indices
 * recomputed, and the interval is the (1 - level)/2 and (1 + level)/2 quantiles of the resampled indices.
 */
import type { RandomSource } from "../../engine/index.ts";
import { quantileSorted } from "./quantile-sorted.ts";

/** One parameter's Sobol' indices with their bootstrap intervals. */
export interface SobolIndex {
  first: number;
  firstLow: number;
  firstHigh: number;
  total: number;
  totalLow: number;
  totalHigh: number;
}

/** Options of {@link sobolIndices}. */
export interface SobolIndexOptions {
  /** Source of the bootstrap resampling (required: there is no default randomness). */
  source: RandomSource;
  /** Bootstrap resamples; default 500. */
  resamples?: number;
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
}

/**
 * Indices of each of the k parameters from `outputs`, the model's values at the Saltelli design points in
 * design order (n (k + 2) values). Non-finite outputs make every index NaN.
 *
 * @throws {RangeError} when outputs.length is not a multiple of k + 2 with at least 2 base rows, or resamples
 *   or level is out of range.
 */
export function sobolIndices(
  outputs: readonly number[],
  k: number,
  options: SobolIndexOptions,
): SobolIndex[] {
  const width = k + 2;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer >= 1, got ${k}`);
  if (outputs.length % width !== 0 || outputs.length < 2 * width) {
    throw new RangeError(
      `outputs must hold n (k + 2) values with n >= 2, got ${outputs.length} for k = ${k}`,
    );
  }
  const resamples = options.resamples ?? 500;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be an integer >= 1, got ${resamples}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const n = outputs.length / width;
  const all = Array.from({ length: n }, (_, j) => j);
  const estimate = estimator(outputs, k);
  const point = estimate(all);
  const firsts = Array.from({ length: k }, () => new Array<number>(resamples));
  const totals = Array.from({ length: k }, () => new Array<number>(resamples));
  const rows = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(options.source() * n);
    const resampled = estimate(rows);
    for (let i = 0; i < k; i++) {
      firsts[i]![r] = resampled.first[i]!;
      totals[i]![r] = resampled.total[i]!;
    }
  }
  const lowP = (1 - level) / 2;
  const highP = (1 + level) / 2;
  return Array.from({ length: k }, (_, i) => {
    const first = [...firsts[i]!].sort((a, b) => a - b);
    const total = [...totals[i]!].sort((a, b) => a - b);
    return {
      first: point.first[i]!,
      firstLow: quantileSorted(first, lowP),
      firstHigh: quantileSorted(first, highP),
      total: point.total[i]!,
      totalLow: quantileSorted(total, lowP),
      totalHigh: quantileSorted(total, highP),
    };
  });
}

// the estimators over a multiset of base rows (indices into 0..n-1, repeats allowed)
function estimator(outputs: readonly number[], k: number) {
  const width = k + 2;
  return (rows: readonly number[]): { first: number[]; total: number[] } => {
    let sum = 0;
    for (const j of rows) sum += outputs[j * width]! + outputs[j * width + k + 1]!;
    const mean = sum / (2 * rows.length);
    // two passes: KPI means can be large next to their spread
    let squares = 0;
    for (const j of rows) {
      squares += (outputs[j * width]! - mean) ** 2 + (outputs[j * width + k + 1]! - mean) ** 2;
    }
    const variance = squares / (2 * rows.length);
    const first = new Array<number>(k).fill(0);
    const total = new Array<number>(k).fill(0);
    for (const j of rows) {
      const a = outputs[j * width]!;
      const b = outputs[j * width + k + 1]!;
      for (let i = 0; i < k; i++) {
        const ab = outputs[j * width + 1 + i]!;
        first[i]! += b * (ab - a);
        total[i]! += (a - ab) ** 2;
      }
    }
    // a constant output (up to the rounding of its mean) has no variance to apportion
    const usable = variance > 1e-20 * mean * mean && Number.isFinite(variance);
    return {
      first: first.map((s) => (usable ? s / rows.length / variance : Number.NaN)),
      total: total.map((s) => (usable ? s / rows.length / (2 * variance) : Number.NaN)),
    };
  };
}
