/**
 * Beta-PERT distribution: X = min + (max - min) B with B ~ Beta(alpha, beta),
 * alpha = 1 + lambda (mode - min) / (max - min), beta = 1 + lambda (max - mode) / (max - min), lambda = 4 by
 * default (D. Vose, Risk Analysis, 3rd ed., Wiley 2008, section 9.1.2 "PERT"; D. G. Malcolm et al.,
 * Operations Research 7 (1959) 646-669). Mean (min + lambda mode + max) / (lambda + 2),
 * variance (mean - min)(max - mean) / (lambda + 3).
 */
import { beta } from "./beta.ts";
import { checkFinite, checkOrdered, checkPositive, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of PERT(min, mode, max) with shape `lambda` (default 4); `min === max` gives `min`.
 *
 * @example
 * const weeks = pert(createStream(1, 0, "effort"), 2, 4, 12); // mean 5
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when a parameter is not finite, not `min <= mode <= max`, or `lambda` is not > 0.
 */
export function pert(source: RandomSource, min: number, mode: number, max: number, lambda = 4): () => number {
  checkSource("pert", source);
  checkFinite("pert", "min", min);
  checkFinite("pert", "mode", mode);
  checkFinite("pert", "max", max);
  checkOrdered("pert", "min", min, "mode", mode);
  checkOrdered("pert", "mode", mode, "max", max);
  checkPositive("pert", "lambda", lambda);
  const width = max - min;
  checkFinite("pert", "max - min", width);
  if (width === 0) return () => min;
  const b = beta(source, 1 + (lambda * (mode - min)) / width, 1 + (lambda * (max - mode)) / width);
  return () => {
    const x = min + width * b();
    return Math.min(x, max); // rounding only
  };
}
