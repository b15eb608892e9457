/**
 * Time-weighted statistics of a piecewise-constant quantity (queue length, units in use): the time average
 * is the integral of the value over time divided by the elapsed time, (1/T) * sum(value_i * duration_i)
 * (A. M. Law, Simulation Modeling and Analysis, 5th ed., section 1.4.3, time-average number in queue).
 * With `batchLength`, it also keeps batch means of the time average over consecutive intervals of that
 * length (Law section 9.5.3 applied to time averages), for a confidence interval without a sampling
 * process; with `batches` too, the length doubles whenever 2 * batches intervals are complete (./batch-means.ts).
 */
import { type BatchMeansResult, BatchSeries } from "./batch-means.ts";
import type { Environment } from "./environment.ts";

/** Options of {@link TimeWeighted} for batch means. */
export interface TimeWeightedOptions {
  /** Time length of a batch (> 0): keep the time average of each interval of this length. */
  batchLength?: number;
  /** Target number of batches (an integer >= 2): the length doubles whenever twice as many are complete. */
  batches?: number;
}

/** Time-weighted monitor of a value that changes at event times; the clock is `env.now`. */
export class TimeWeighted {
  private readonly env: Environment;
  // The number fields start as numbers (the constructor sets them): a class field left undefined until then
  // holds doubles as separate heap numbers, allocating at every `record`.
  private value = 0;
  private area = 0;
  private since = 0;
  private lastChange = 0;
  private lo = 0;
  private hi = 0;
  private readonly series: BatchSeries | null;
  private batchStart = 0;
  private batchPoint = 0;
  private batchArea = 0;

  /**
   * Start monitoring at `env.now` with value `initial` (default 0); `options.batchLength` turns on batch means.
   * @throws RangeError when initial is NaN, batchLength is not > 0 and finite, or batches is given without
   * batchLength or is not an integer >= 2
   */
  constructor(env: Environment, initial = 0, options: TimeWeightedOptions = {}) {
    if (Number.isNaN(initial)) throw new RangeError("initial must be a number, got NaN");
    this.env = env;
    this.value = initial;
    this.since = env.now;
    this.lastChange = env.now;
    this.lo = initial;
    this.hi = initial;
    this.batchStart = env.now;
    this.batchPoint = env.now;
    const { batchLength, batches } = options;
    if (batchLength === undefined) {
      if (batches !== undefined) throw new RangeError("TimeWeighted batches requires batchLength");
      this.series = null;
      return;
    }
    if (!(batchLength > 0 && Number.isFinite(batchLength))) {
      throw new RangeError(`TimeWeighted requires a finite batchLength > 0, got ${batchLength}`);
    }
    if (batches !== undefined && !(Number.isInteger(batches) && batches >= 2)) {
      throw new RangeError(`TimeWeighted requires an integer number of batches >= 2, got ${batches}`);
    }
    this.series = new BatchSeries(batchLength, batches ?? Number.POSITIVE_INFINITY);
  }

  /**
   * Set the value from now on.
   * @throws RangeError when value is NaN
   */
  record(value: number): void {
    if (Number.isNaN(value)) throw new RangeError("record requires a number, got NaN");
    const now = this.env.now;
    this.area += this.value * (now - this.lastChange);
    this.lastChange = now;
    if (this.series !== null) this.advanceBatches(now);
    this.value = value;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
  }

  /** The value now. */
  get current(): number {
    return this.value;
  }

  /** Smallest value since the start or the last reset. */
  get min(): number {
    return this.lo;
  }

  /** Largest value since the start or the last reset. */
  get max(): number {
    return this.hi;
  }

  /** Integral of the value over time since the start or the last reset, up to now. */
  integral(): number {
    return this.area + this.value * (this.env.now - this.lastChange);
  }

  /** Time average since the start or the last reset, up to now (the current value when no time has passed). */
  mean(): number {
    const elapsed = this.env.now - this.since;
    return elapsed > 0 ? this.integral() / elapsed : this.value;
  }

  /**
   * Batch-means confidence interval of the time average: the time averages of the complete intervals of
   * `batchLength` since the start or the last reset; the time in the incomplete interval is `unbatched`.
   * @throws Error when the monitor was made without batchLength; RangeError with fewer than 2 complete
   * batches or a confidence outside (0, 1)
   */
  batchMeans(confidence = 0.95): BatchMeansResult {
    const series = this.series;
    if (series === null) throw new Error("batchMeans requires a TimeWeighted made with { batchLength }");
    const now = this.env.now;
    this.advanceBatches(now);
    return series.result(confidence, now - this.batchStart, "TimeWeighted.batchMeans");
  }

  /** Restart integration, min and max (and batch means) at `env.now` keeping the current value (end of a warm-up period). */
  reset(): void {
    const now = this.env.now;
    this.area = 0;
    this.since = now;
    this.lastChange = now;
    this.lo = this.value;
    this.hi = this.value;
    if (this.series !== null) {
      this.series.reset();
      this.batchStart = now;
      this.batchPoint = now;
      this.batchArea = 0;
    }
  }

  /** Integrate the current value into the batches up to `now`, closing every interval that ends by then. */
  private advanceBatches(now: number): void {
    const series = this.series!;
    let end = this.batchStart + series.size;
    while (end <= now) {
      this.batchArea += this.value * (end - this.batchPoint);
      const length = series.size;
      series.push(this.batchArea / length);
      this.batchStart = end;
      this.batchPoint = end;
      this.batchArea = 0;
      end = this.batchStart + series.size;
    }
    this.batchArea += this.value * (now - this.batchPoint);
    this.batchPoint = now;
  }
}
