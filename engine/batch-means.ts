/**
 * Confidence interval for the steady-state mean of a correlated output series by the method of
 * non-overlapping batch means (A. M. Law, Simulation Modeling and Analysis, 5th ed., McGraw-Hill 2015,
 * section 9.5.3): the series is cut into b batches of m consecutive values; the batch means are treated as
 * approximately independent normal, so the half-width is t_{1-alpha/2, b-1} * s_b / sqrt(b), with s_b the
 * sample standard deviation of the batch means and t the Student t quantile (./student-t.ts).
 */
import { studentTQuantile } from "./student-t.ts";

/** Result of {@link batchMeans}. */
export interface BatchMeansResult {
  /** Grand mean of the batch means. */
  mean: number;
  /** Half-width of the confidence interval. */
  halfWidth: number;
  /** mean - halfWidth. */
  low: number;
  /** mean + halfWidth. */
  high: number;
  /** Number of batches b. */
  batches: number;
  /** Values per batch m. */
  batchSize: number;
  /** The b batch means, in order. */
  means: number[];
  /** Confidence level used. */
  confidence: number;
}

/**
 * Batch-means confidence interval of the mean of `values` using `batches` batches at `confidence` (default
 * 0.95). With n values, m = floor(n / batches) per batch; the first n - batches * m values are dropped (as
 * extra warm-up).
 *
 * @example
 * batchMeans(waits, 20, 0.99); // { mean, halfWidth, low, high, batches: 20, ... }
 * @throws RangeError when batches is not an integer >= 2, values has fewer than `batches` values, or
 * confidence is not in (0, 1)
 */
export function batchMeans(values: readonly number[], batches: number, confidence = 0.95): BatchMeansResult {
  if (!Number.isInteger(batches) || batches < 2) {
    throw new RangeError(`batchMeans requires an integer number of batches >= 2, got ${batches}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`batchMeans requires confidence in (0, 1), got ${confidence}`);
  }
  const batchSize = Math.floor(values.length / batches);
  if (batchSize < 1) {
    throw new RangeError(`batchMeans requires at least ${batches} values, got ${values.length}`);
  }
  const start = values.length - batches * batchSize;
  const means: number[] = [];
  let total = 0;
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    const from = start + b * batchSize;
    for (let i = from; i < from + batchSize; i++) sum += values[i]!;
    const mean = sum / batchSize;
    means.push(mean);
    total += mean;
  }
  const mean = total / batches;
  let squares = 0;
  for (const m of means) squares += (m - mean) * (m - mean);
  const sd = Math.sqrt(squares / (batches - 1));
  const halfWidth = (studentTQuantile(1 - (1 - confidence) / 2, batches - 1) * sd) / Math.sqrt(batches);
  return {
    mean,
    halfWidth,
    low: mean - halfWidth,
    high: mean + halfWidth,
    batches,
    batchSize,
    means,
    confidence,
  };
}
