/**
 * Exact sample quantile of sorted data by linear interpolation between order statistics: definition 7 of
 * R. J. Hyndman and Y. Fan, "Sample Quantiles in Statistical Packages", The American Statistician 50(4),
 * 1996 (the default of R, NumPy and Excel's PERCENTILE.INC): h = (n - 1) p, Q(p) = x[floor h] + (h - floor h)
 * (x[floor h + 1] - x[floor h]).
 */

/**
 * Quantile `p` of ascending `sorted` values (Hyndman & Fan definition 7); NaN when empty.
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 * @throws {RangeError} when p is outside [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const lowValue = sorted[low]!;
  if (low + 1 >= n) return lowValue;
  const highValue = sorted[low + 1]!;
  return lowValue + (h - low) * (highValue - lowValue);
}
