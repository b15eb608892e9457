/**
 * Streaming summary of one scalar across replications: count, mean, standard deviation, extremes and
 * quantiles, in memory bounded by `exactLimit` values.
 *
 * - Mean and variance: Welford's online update (engine/tally.ts), numerically stable in one pass.
 * - 95% confidence interval of the mean: mean +/- t(0.975, n - 1) s / sqrt(n) (Student t, see mean-confidence.ts).
 * - Quantiles: exact (Hyndman & Fan definition 7, quantile-sorted.ts) while at most `exactLimit` values have
 *   been seen; beyond that the kept values are replayed, in the order they arrived, into a merging t-digest
 *   (t-digest.ts) and dropped, so memory stops growing. The switch depends only on the count, so the result
 *   is identical for the same values in the same order.
 */
import { Tally } from "../../engine/index.ts";
import { meanHalfWidth95 } from "./mean-confidence.ts";
import { quantileSorted } from "./quantile-sorted.ts";
import { sortAscending } from "./sort-ascending.ts";
import { DEFAULT_COMPRESSION, TDigest } from "./t-digest.ts";

/** Values kept exactly per metric before switching to the t-digest. */
export const DEFAULT_EXACT_LIMIT = 20_000;

/** The distribution statistics every KPI and every month of a series reports. */
export interface ScalarStats {
  n: number;
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
  min: number;
  max: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  method: "exact" | "t-digest";
}

/**
 * Accumulates finite numbers one at a time; non-finite values (NaN, +/-Infinity) are counted in
 * {@link ScalarAccumulator.skipped} and otherwise ignored.
 *
 * @example
 * const acc = new ScalarAccumulator();
 * for (const x of [1, 2, 3]) acc.add(x);
 * acc.stats().mean; // 2
 */
export class ScalarAccumulator {
  /** Number of values kept exactly before the digest takes over. */
  readonly exactLimit: number;
  /** Compression of the digest used beyond the limit. */
  readonly compression: number;
  /** Non-finite values seen and ignored. */
  skipped = 0;
  readonly #moments = new Tally();
  #values: Float64Array | undefined = new Float64Array(16);
  #sorted: Float64Array | undefined;
  #digest: TDigest | undefined;

  /**
   * @param exactLimit values kept exactly, default {@link DEFAULT_EXACT_LIMIT}.
   * @param compression t-digest compression beyond the limit, default {@link DEFAULT_COMPRESSION}.
   * @throws {RangeError} when exactLimit is not an integer >= 0.
   */
  constructor(exactLimit: number = DEFAULT_EXACT_LIMIT, compression: number = DEFAULT_COMPRESSION) {
    if (!Number.isInteger(exactLimit) || exactLimit < 0) {
      throw new RangeError(`exactLimit must be an integer >= 0, got ${exactLimit}`);
    }
    this.exactLimit = exactLimit;
    this.compression = compression;
  }

  /** Number of finite values added. */
  get n(): number {
    return this.#moments.count;
  }

  /** Running mean (0 when empty). */
  get mean(): number {
    return this.#moments.count === 0 ? 0 : this.#moments.mean;
  }

  /** Sample standard deviation (n - 1 denominator); 0 when n < 2. */
  get sd(): number {
    return this.#moments.count < 2 ? 0 : this.#moments.sd;
  }

  /** Half-width of the 95% confidence interval of the mean; 0 when n < 2. */
  get halfWidth95(): number {
    return meanHalfWidth95(this.sd, this.#moments.count);
  }

  /** Adds one observation. */
  add(x: number): void {
    if (!Number.isFinite(x)) {
      this.skipped++;
      return;
    }
    this.#moments.add(x);
    const n = this.#moments.count;
    this.#sorted = undefined;
    if (this.#digest !== undefined) {
      this.#digest.add(x);
      return;
    }
    let values = this.#values!;
    if (n > this.exactLimit) {
      const digest = new TDigest(this.compression);
      for (let i = 0; i < n - 1; i++) digest.add(values[i]!);
      digest.add(x);
      this.#digest = digest;
      this.#values = undefined;
      return;
    }
    if (n > values.length) {
      const grown = new Float64Array(
        Math.min(Math.max(16, values.length * 2), Math.max(this.exactLimit, 16)),
      );
      grown.set(values);
      values = grown;
      this.#values = grown;
    }
    values[n - 1] = x;
  }

  /** Quantile `p` in [0, 1]: exact while within the limit, from the t-digest beyond; NaN when empty. */
  quantile(p: number): number {
    const n = this.#moments.count;
    if (n === 0) return Number.NaN;
    if (this.#digest !== undefined) return this.#digest.quantile(p);
    return quantileSorted(this.#sortedValues(), p);
  }

  /**
   * Share of values strictly below `x`: exact while within the limit, the t-digest CDF beyond; NaN when
   * empty.
   */
  shareBelow(x: number): number {
    const n = this.#moments.count;
    if (n === 0) return Number.NaN;
    if (this.#digest !== undefined) return this.#digest.cdf(x);
    return countBelow(this.#sortedValues(), x) / n;
  }

  /** The exact values in ascending order (sorted once per change, while within the limit). */
  #sortedValues(): Float64Array {
    this.#sorted ??= sortAscending(this.#values!.slice(0, this.#moments.count));
    return this.#sorted;
  }

  /** Whether quantiles come from all values ("exact") or from the sketch ("t-digest"). */
  get method(): "exact" | "t-digest" {
    return this.#digest === undefined ? "exact" : "t-digest";
  }

  /** Smallest value (NaN when empty). */
  get min(): number {
    return this.#moments.count === 0 ? Number.NaN : this.#moments.min;
  }

  /** Largest value (NaN when empty). */
  get max(): number {
    return this.#moments.count === 0 ? Number.NaN : this.#moments.max;
  }

  /**
   * Every statistic of {@link ScalarStats}. With no values every number is NaN; with one value sd is 0 and
   * the confidence interval collapses to the value.
   */
  stats(): ScalarStats {
    const moments = this.#moments;
    return scalarStats(
      { n: moments.count, mean: moments.mean, sd: this.sd, min: moments.min, max: moments.max },
      (p) => this.quantile(p),
      this.method,
    );
  }
}

/** Count, mean, sample standard deviation (0 when n < 2), smallest and largest of some finite values. */
export interface ScalarMoments {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/**
 * Every statistic of {@link ScalarStats} from the moments of the values and their quantile function. With no
 * values every number is NaN (and `quantile` is not called); with one value sd is 0 and the confidence interval
 * collapses to the value.
 */
export function scalarStats(
  moments: ScalarMoments,
  quantile: (p: number) => number,
  method: ScalarStats["method"],
): ScalarStats {
  const { n } = moments;
  if (n === 0) {
    const nan = Number.NaN;
    return {
      n,
      mean: nan,
      sd: nan,
      ciLow: nan,
      ciHigh: nan,
      min: nan,
      max: nan,
      p5: nan,
      p10: nan,
      p25: nan,
      p50: nan,
      p75: nan,
      p90: nan,
      p95: nan,
      method,
    };
  }
  const halfWidth = meanHalfWidth95(moments.sd, n);
  return {
    n,
    mean: moments.mean,
    sd: moments.sd,
    ciLow: moments.mean - halfWidth,
    ciHigh: moments.mean + halfWidth,
    min: moments.min,
    max: moments.max,
    p5: quantile(0.05),
    p10: quantile(0.1),
    p25: quantile(0.25),
    p50: quantile(0.5),
    p75: quantile(0.75),
    p90: quantile(0.9),
    p95: quantile(0.95),
    method,
  };
}

/** Number of values of ascending `sorted` strictly below `x` (binary search). */
export function countBelow(sorted: Float64Array, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < x) low = mid + 1;
    else high = mid;
  }
  return low;
}
