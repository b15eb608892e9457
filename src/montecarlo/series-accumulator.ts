/**
 * Streaming summary of one monthly series across replications: for every month the statistics of
 * scalar-accumulator.ts, bit for bit (Welford mean and sd, Student t CI, exact or t-digest quantiles).
 *
 * - Mean and variance: Welford's online update, in the order of engine/tally.ts (B. P. Welford, "Note on a
 *   method for calculating corrected sums of squares and products", Technometrics 4(3), 1962):
 *   n += 1; delta = x - mean; mean += delta / n; m2 += delta (x - mean); sd = sqrt(m2 / (n - 1)).
 * - Quantiles: the rule of ScalarAccumulator per month: exact (quantile-sorted.ts) while the month has at most
 *   `exactLimit` values; the value beyond it replays the kept ones, in arrival order, into a t-digest
 *   (t-digest.ts) that takes every later value of that month.
 *
 * Why not one ScalarAccumulator per month: a level-3 replication adds 38 series of 36 months, and 1 368
 * separate accumulators (each a Tally object and a growing Float64Array) made every value a few cache misses.
 * Here the state is a struct of arrays: per statistic one Float64Array indexed by month, and the exact values
 * in chunks of {@link CHUNK_VALUES} values per month: the k-th finite value of month m is
 * `chunks[k / CHUNK_VALUES][m * CHUNK_VALUES + k % CHUNK_VALUES]`, so adding a replication touches a few arrays
 * in month order. Chunks are appended, never copied: one block of all months, doubled and re-laid out as it
 * filled, spent five times as long in copying and fresh pages as in adding.
 */

import { quantileSorted } from "./quantile-sorted.ts";
import { DEFAULT_EXACT_LIMIT, type ScalarStats, scalarStats } from "./scalar-accumulator.ts";
import { sortAscending } from "./sort-ascending.ts";
import { DEFAULT_COMPRESSION, TDigest } from "./t-digest.ts";
import type { MetricInfo, SeriesSummary } from "./types.ts";

/** Exact values per month in one chunk (a power of two); a chunk of 36 months is 36 KB. */
const CHUNK_VALUES = 128;
const CHUNK_SHIFT = Math.log2(CHUNK_VALUES);

/**
 * Accumulates one series: month m of every replication goes to the statistics of month m; non-finite values
 * are counted as skipped and otherwise ignored.
 *
 * @example
 * const series = new SeriesAccumulator();
 * series.add([1, 2, 3]);
 * series.add([3, 4]);
 * series.summary("s", { label: "s", unit: "items" }).mean; // [2, 3, 3]
 */
export class SeriesAccumulator {
  readonly #exactLimit: number;
  #replications = 0;
  /** Months seen (the longest series). */
  #length = 0;
  /** Months the arrays below have room for. */
  #monthCapacity = 0;
  #count = new Float64Array(0);
  #mean = new Float64Array(0);
  #m2 = new Float64Array(0);
  #min = new Float64Array(0);
  #max = new Float64Array(0);
  #skipped = new Float64Array(0);
  /** The exact values, {@link CHUNK_VALUES} per month a chunk; dropped once every month has a digest. */
  #chunks: Float64Array[] = [];
  /** The digest of each month beyond the exact limit. */
  #digests: (TDigest | undefined)[] = [];
  /** Months that have a digest. */
  #digestCount = 0;
  /** Sorted copies of the exact values, per month, until the next add. */
  #sorted: (Float64Array | undefined)[] | undefined;

  /**
   * @param exactLimit values kept exactly per month, default {@link DEFAULT_EXACT_LIMIT}.
   * @throws {RangeError} when exactLimit is not an integer >= 0.
   */
  constructor(exactLimit: number = DEFAULT_EXACT_LIMIT) {
    if (!Number.isInteger(exactLimit) || exactLimit < 0) {
      throw new RangeError(`exactLimit must be an integer >= 0, got ${exactLimit}`);
    }
    this.#exactLimit = exactLimit;
  }

  /** Number of replications added. */
  get replications(): number {
    return this.#replications;
  }

  /** Number of months (the longest series seen). */
  get length(): number {
    return this.#length;
  }

  /** Non-finite values seen and ignored in month `m` (0 beyond the longest series). */
  skipped(m: number): number {
    return m >= 0 && m < this.#length ? this.#skipped[m]! : 0;
  }

  /** Adds one replication's series (index 0 = month 0); a shorter series leaves later months unobserved. */
  add(values: ArrayLike<number>): void {
    this.#replications++;
    const length = values.length;
    if (length > this.#length) this.#lengthen(length);
    this.#sorted = undefined;
    const count = this.#count;
    const mean = this.#mean;
    const m2 = this.#m2;
    const min = this.#min;
    const max = this.#max;
    const limit = this.#exactLimit;
    const chunks = this.#chunks;
    for (let m = 0; m < length; m++) {
      const x = values[m]!;
      if (!Number.isFinite(x)) {
        this.#skipped[m]!++;
        continue;
      }
      const n = count[m]! + 1;
      count[m] = n;
      const delta = x - mean[m]!;
      const mu = mean[m]! + delta / n;
      mean[m] = mu;
      m2[m]! += delta * (x - mu);
      if (x < min[m]!) min[m] = x;
      if (x > max[m]!) max[m] = x;
      if (n > limit) {
        this.#toDigest(m, n, x);
        continue;
      }
      const k = n - 1;
      const c = k >> CHUNK_SHIFT;
      const chunk = c < chunks.length ? chunks[c]! : this.#newChunk();
      chunk[(m << CHUNK_SHIFT) + (k & (CHUNK_VALUES - 1))] = x;
    }
  }

  /** Quantile `p` in [0, 1] of month `m`: exact within the limit, from the t-digest beyond; NaN when unknown or empty. */
  quantile(m: number, p: number): number {
    if (!(Number.isInteger(m) && m >= 0 && m < this.#length) || this.#count[m] === 0) return Number.NaN;
    const digest = this.#digests[m];
    if (digest !== undefined) return digest.quantile(p);
    return quantileSorted(this.#sortedValues(m), p);
  }

  /** The summary, labelled with `info`; `n` is the number of replications that reported the series. */
  summary(name: string, info: MetricInfo): SeriesSummary {
    const months = Array.from({ length: this.#length }, (_, m) => this.#stats(m));
    const pick = (key: Exclude<keyof ScalarStats, "method">): number[] => months.map((s) => s[key]);
    return {
      name,
      ...info,
      months: months.length,
      n: this.#replications,
      mean: pick("mean"),
      sd: pick("sd"),
      ciLow: pick("ciLow"),
      ciHigh: pick("ciHigh"),
      min: pick("min"),
      max: pick("max"),
      p5: pick("p5"),
      p10: pick("p10"),
      p25: pick("p25"),
      p50: pick("p50"),
      p75: pick("p75"),
      p90: pick("p90"),
      p95: pick("p95"),
    };
  }

  /** The statistics of month `m`, as ScalarAccumulator.stats reports them. */
  #stats(m: number): ScalarStats {
    const n = this.#count[m]!;
    // engine/tally.ts: sample variance m2 / (n - 1); ScalarAccumulator reports sd 0 below two values
    const sd = n < 2 ? 0 : Math.sqrt(this.#m2[m]! / (n - 1));
    return scalarStats(
      { n, mean: this.#mean[m]!, sd, min: this.#min[m]!, max: this.#max[m]! },
      (p) => this.quantile(m, p),
      this.#digests[m] === undefined ? "exact" : "t-digest",
    );
  }

  /** Month `m`'s `n`-th value `x` is beyond the exact limit: to the digest, created from the kept values. */
  #toDigest(m: number, n: number, x: number): void {
    let digest = this.#digests[m];
    if (digest === undefined) {
      digest = new TDigest(DEFAULT_COMPRESSION);
      const kept = this.#exactValues(m, n - 1);
      for (let i = 0; i < n - 1; i++) digest.add(kept[i]!);
      this.#digests[m] = digest;
      // the chunks' memory goes once no month needs it; a later, longer series starts new ones
      if (++this.#digestCount === this.#length) this.#chunks = [];
    }
    digest.add(x);
  }

  /** The first `n` exact values of month `m`, in arrival order, in a new array. */
  #exactValues(m: number, n: number): Float64Array {
    const values = new Float64Array(n);
    for (let start = 0; start < n; start += CHUNK_VALUES) {
      const from = m << CHUNK_SHIFT;
      const chunk = this.#chunks[start >> CHUNK_SHIFT]!;
      values.set(chunk.subarray(from, from + Math.min(CHUNK_VALUES, n - start)), start);
    }
    return values;
  }

  /** Appends an empty chunk and returns it. */
  #newChunk(): Float64Array {
    const chunk = new Float64Array(this.#monthCapacity << CHUNK_SHIFT);
    this.#chunks.push(chunk);
    return chunk;
  }

  /** The exact values of month `m` in ascending order (sorted once per add). */
  #sortedValues(m: number): Float64Array {
    const sorted = (this.#sorted ??= []);
    let values = sorted[m];
    if (values === undefined) {
      values = sortAscending(this.#exactValues(m, this.#count[m]!));
      sorted[m] = values;
    }
    return values;
  }

  /** Makes room for `length` months: new months are empty (min +Infinity, max -Infinity). */
  #lengthen(length: number): void {
    if (length > this.#monthCapacity) {
      const months = Math.max(length, this.#monthCapacity * 2);
      this.#count = grown(this.#count, months, 0);
      this.#mean = grown(this.#mean, months, 0);
      this.#m2 = grown(this.#m2, months, 0);
      this.#min = grown(this.#min, months, Number.POSITIVE_INFINITY);
      this.#max = grown(this.#max, months, Number.NEGATIVE_INFINITY);
      this.#skipped = grown(this.#skipped, months, 0);
      // month m's values sit at m * CHUNK_VALUES in every chunk, so a longer chunk keeps them in place
      this.#chunks = this.#chunks.map((chunk) => grown(chunk, months << CHUNK_SHIFT, 0));
      this.#monthCapacity = months;
    }
    while (this.#digests.length < length) this.#digests.push(undefined);
    this.#length = length;
  }
}

/** `array` copied into a longer array whose new tail holds `fill`. */
function grown(array: Float64Array, length: number, fill: number): Float64Array<ArrayBuffer> {
  const longer = new Float64Array(length);
  longer.set(array);
  longer.fill(fill, array.length);
  return longer;
}
