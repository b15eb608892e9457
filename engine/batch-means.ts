/**
 * Confidence interval for the steady-state mean of a correlated output series by the method of
 * non-overlapping batch means (A. M. Law, Simulation Modeling and Analysis, 5th ed., McGraw-Hill 2015,
 * section 9.5.3): the series is cut into b batches of m consecutive values; the batch means are treated as
 * approximately independent normal, so the half-width is t_{1-alpha/2, b-1} * s_b / sqrt(b), with s_b the
 * sample standard deviation of the batch means and t the Student t quantile (./student-t.ts).
 *
 * Streaming (the {@link BatchMeans} class): values are folded into batch sums as they arrive, so memory is
 * O(number of batches), not O(n). With a target number of batches b, the batch size starts at 1 and
 * doubles whenever 2b batches are complete, by averaging adjacent pairs, so between b and 2b - 1 batches
 * of equal size are kept (the doubling scheme of G. S. Fishman and L. S. Yarberry, "An implementation of
 * the batch means method", INFORMS J. on Computing 9(3), 1997). Values of an incomplete last batch are
 * never silently dropped: the result counts them in `unbatched`.
 */
import { studentTQuantile } from "./student-t.ts";

/** Result of {@link batchMeans} and {@link BatchMeans.result}. */
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
  /** Values per batch m (for a time-weighted statistic, the time length of a batch). */
  batchSize: number;
  /** The b batch means, in order. */
  means: number[];
  /** Confidence level used. */
  confidence: number;
  /** Values (or, time-weighted, time) not in any batch and so not in the interval. */
  unbatched: number;
}

/** Options of {@link BatchMeans}: exactly one of `batchSize` and `batches`. */
export type BatchMeansOptions =
  | { batchSize: number; batches?: never }
  | { batches: number; batchSize?: never };

/**
 * Batch-means confidence interval of the mean of `values` using `batches` batches at `confidence` (default
 * 0.95). With n values, m = floor(n / batches) per batch; the first n - batches * m values are left out
 * (as extra warm-up) and counted in `unbatched`.
 *
 * @example
 * batchMeans(waits, 20, 0.99); // { mean, halfWidth, low, high, batches: 20, batchSize, means, unbatched }
 * @throws RangeError when batches is not an integer >= 2, values has fewer than `batches` values, or
 * confidence is not in (0, 1)
 */
export function batchMeans(values: readonly number[], batches: number, confidence = 0.95): BatchMeansResult {
  checkBatches(batches, "batchMeans");
  checkConfidence(confidence, "batchMeans");
  const batchSize = Math.floor(values.length / batches);
  if (batchSize < 1) {
    throw new RangeError(`batchMeans requires at least ${batches} values, got ${values.length}`);
  }
  const start = values.length - batches * batchSize;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    const from = start + b * batchSize;
    for (let i = from; i < from + batchSize; i++) sum += values[i]!;
    means.push(sum / batchSize);
  }
  return intervalOfMeans(means, batchSize, confidence, start);
}

/**
 * Streaming batch means of a series of values: `add(x)` folds each value into the current batch, keeping
 * only the batch means. Give either a fixed `batchSize` or a target number of `batches` (between b and
 * 2b - 1 batches are kept, the batch size doubling as values arrive).
 *
 * @example
 * const wait = new BatchMeans({ batches: 30 });
 * wait.add(env.now - arrival); // for every customer after the warm-up
 * wait.result(0.99); // { mean, halfWidth, batches, batchSize, unbatched, ... }
 */
export class BatchMeans {
  private readonly series: BatchSeries;
  private sum = 0;
  private inBatch = 0;
  private n = 0;

  /** @throws RangeError unless exactly one of batchSize (an integer >= 1) and batches (an integer >= 2) is given */
  constructor(options: BatchMeansOptions) {
    this.series = BatchSeries.from(options, "BatchMeans");
  }

  /**
   * Add one value.
   * @throws RangeError when x is NaN
   */
  add(x: number): void {
    if (Number.isNaN(x)) throw new RangeError("add requires a number, got NaN");
    this.n++;
    this.sum += x;
    // The size only doubles when a batch completes, so a partial batch never outgrows it.
    if (++this.inBatch === this.series.size) {
      this.series.push(this.sum / this.inBatch);
      this.sum = 0;
      this.inBatch = 0;
    }
  }

  /** Number of values added. */
  get count(): number {
    return this.n;
  }

  /** Number of complete batches so far. */
  get batches(): number {
    return this.series.means.length;
  }

  /** Forget every value (for example at the end of a warm-up period); the batch size starts again. */
  reset(): void {
    this.series.reset();
    this.sum = 0;
    this.inBatch = 0;
    this.n = 0;
  }

  /**
   * The confidence interval from the complete batches; the values of the incomplete batch are counted in
   * `unbatched`.
   * @throws RangeError with fewer than 2 complete batches, or when confidence is not in (0, 1)
   */
  result(confidence = 0.95): BatchMeansResult {
    return this.series.result(confidence, this.inBatch, "BatchMeans");
  }
}

/**
 * @internal The complete batch means of a series with a fixed batch size, or with a target number of
 * batches b, merging adjacent pairs (doubling the size) whenever 2b are complete. Shared by
 * {@link BatchMeans} and time-weighted batch means (./time-weighted.ts), whose "size" is a time length.
 */
export class BatchSeries {
  /** Complete batch means, in order. */
  readonly means: number[] = [];
  /** Current batch size. */
  size: number;
  private readonly initialSize: number;
  private readonly target: number;

  /** A series with batches of `size`, merging pairs at 2 * `target` batches (Infinity: never). */
  constructor(size: number, target: number) {
    this.size = size;
    this.initialSize = size;
    this.target = target;
  }

  /** @internal Check `options` of {@link BatchMeans} and build the series (size 1 when a target count is given). */
  static from(options: BatchMeansOptions, name: string): BatchSeries {
    const hasSize = options.batchSize !== undefined;
    const hasCount = options.batches !== undefined;
    if (hasSize === hasCount) throw new RangeError(`${name} requires exactly one of batchSize and batches`);
    if (hasSize) {
      const size = options.batchSize!;
      if (!Number.isInteger(size) || size < 1) {
        throw new RangeError(`${name} requires an integer batchSize >= 1, got ${size}`);
      }
      return new BatchSeries(size, Number.POSITIVE_INFINITY);
    }
    checkBatches(options.batches!, name);
    return new BatchSeries(1, options.batches!);
  }

  /** Append a complete batch mean; at 2 * target batches, merge adjacent pairs and double the size. */
  push(mean: number): void {
    const means = this.means;
    means.push(mean);
    if (means.length === 2 * this.target) {
      for (let i = 0; i < this.target; i++) means[i] = (means[2 * i]! + means[2 * i + 1]!) / 2;
      means.length = this.target;
      this.size *= 2;
    }
  }

  /** Forget every batch and restore the initial size. */
  reset(): void {
    this.means.length = 0;
    this.size = this.initialSize;
  }

  /** The interval from the complete batches; `unbatched` is reported as given. */
  result(confidence: number, unbatched: number, name: string): BatchMeansResult {
    checkConfidence(confidence, name);
    if (this.means.length < 2) {
      throw new RangeError(`${name} requires at least 2 complete batches, got ${this.means.length}`);
    }
    return intervalOfMeans(this.means.slice(), this.size, confidence, unbatched);
  }
}

function intervalOfMeans(
  means: number[],
  batchSize: number,
  confidence: number,
  unbatched: number,
): BatchMeansResult {
  const batches = means.length;
  let total = 0;
  for (const m of means) total += m;
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
    unbatched,
  };
}

function checkBatches(batches: number, name: string): void {
  if (!Number.isInteger(batches) || batches < 2) {
    throw new RangeError(`${name} requires an integer number of batches >= 2, got ${batches}`);
  }
}

function checkConfidence(confidence: number, name: string): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${name} requires confidence in (0, 1), got ${confidence}`);
  }
}
