/**
 * Pooled per-item observations across replications (e.g. every project's time to market in every
 * replication): count, mean and sd (Welford, engine/tally.ts), extremes, the percentiles P5-P95 and P80, and
 * a histogram.
 *
 * Quantiles are exact (Hyndman & Fan definition 7, quantile-sorted.ts) while at most `exactLimit` values have
 * been pooled. Beyond that they come from a merging t-digest (t-digest.ts) built in blocks of
 * {@link SAMPLE_BLOCK_REPLICATIONS} consecutive replications: each block's values are sorted and compressed in
 * one pass (TDigest.mergeSorted) and the block digests are merged in block order. A level-3 replication pools
 * several thousand values, and adding them to a digest one at a time (a re-merge of every centroid per thousand
 * values) was the largest cost of folding a replication; a block digest costs one sort (sort-ascending.ts).
 * Many samples are mostly one value (a wait that is 0 for nearly every item): while a block is filled, the copies
 * of the value that made up most of the previous block are only counted, and the block is sorted as its other
 * values sorted with that run opened at its place (sort-ascending.ts insertRun), the same array a full sort gives.
 * Blocks count replications in the order they are folded (replication-index order), so the digest does not
 * depend on worker count, batch size or queue job size. A block not yet complete is compressed into a copy when the
 * summary is asked for, so asking never changes what later additions give.
 *
 * Histogram bins are [e_i, e_i+1) with the last bin closed, edges at a nice step (nice-step.ts) spanning
 * min..max in about {@link HISTOGRAM_BINS} bins. While values are exact the counts are exact; beyond the exact
 * limit they are n * (F(e_i+1) - F(e_i)) from the t-digest CDF, rounded on the cumulative scale so that the
 * counts still add up to n.
 */

import { Tally } from "../../engine/index.ts";
import { niceStep } from "./nice-step.ts";
import { quantileSorted } from "./quantile-sorted.ts";
import { countBelow } from "./scalar-accumulator.ts";
import { insertRun, sortAscending } from "./sort-ascending.ts";
import { DEFAULT_COMPRESSION, TDigest } from "./t-digest.ts";
import type { MetricInfo, SampleSummary } from "./types.ts";

/** Pooled values kept exactly per sample before the t-digest takes over. */
export const DEFAULT_SAMPLE_EXACT_LIMIT = 100_000;

/** Target number of histogram bins. */
export const HISTOGRAM_BINS = 25;

/** Replications per block of the pooled t-digest (beyond the exact limit). */
export const SAMPLE_BLOCK_REPLICATIONS = 10;

/** Share of a sorted block its most frequent value must fill to be counted apart in the next block. */
const KEPT_APART_SHARE = 0.25;

/** Accumulates the pooled observations of one sample name, one replication at a time. */
export class SampleAccumulator {
  /** Pooled values kept exactly before the block digests take over. */
  readonly exactLimit: number;
  /** Non-finite values seen and ignored. */
  skipped = 0;
  readonly #moments = new Tally();
  /**
   * Every value in arrival order while exact; afterwards the values of the block being filled, except the copies
   * of #frequent, which are only counted (#frequentCount).
   */
  #values = new Float64Array(16);
  #length = 0;
  /** Beyond the exact limit: the value counted apart in the block being filled (NaN: none). */
  #frequent = Number.NaN;
  #frequentCount = 0;
  /** While exact: where each completed block ends in #values. */
  readonly #blockEnds: number[] = [];
  #replicationsInBlock = 0;
  /** Merged digest of the completed blocks (undefined while exact). */
  #digest: TDigest | undefined;
  /** Sorted exact values, or the digest including the block being filled; cleared by every addition. */
  #view: Float64Array | TDigest | undefined;

  /**
   * @param exactLimit pooled values kept exactly, default {@link DEFAULT_SAMPLE_EXACT_LIMIT}.
   * @throws {RangeError} when exactLimit is not an integer >= 0.
   */
  constructor(exactLimit: number = DEFAULT_SAMPLE_EXACT_LIMIT) {
    if (!Number.isInteger(exactLimit) || exactLimit < 0) {
      throw new RangeError(`exactLimit must be an integer >= 0, got ${exactLimit}`);
    }
    this.exactLimit = exactLimit;
  }

  /** Number of finite values added. */
  get n(): number {
    return this.#moments.count;
  }

  /** Adds every value of one replication's sample, in order (non-finite values are skipped). */
  addAll(values: ArrayLike<number>): void {
    this.#view = undefined;
    const moments = this.#moments;
    // while exact every value is kept; NaN counts nothing apart (a finite x is never the same number)
    const frequent = this.#digest === undefined ? Number.NaN : this.#frequent;
    let count = 0;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (!Number.isFinite(x)) {
        this.skipped++;
        continue;
      }
      moments.add(x);
      // -0 and +0 are different values here (a sort puts -0 first)
      if (x === frequent && (x !== 0 || Object.is(x, frequent))) count++;
      else this.#push(x);
    }
    this.#frequentCount += count;
    if (++this.#replicationsInBlock === SAMPLE_BLOCK_REPLICATIONS) this.#closeBlock();
    if (this.#digest === undefined && moments.count > this.exactLimit) this.#leaveExact();
  }

  /** Quantile `p` in [0, 1]: exact while within the limit, from the block digests beyond; NaN when empty. */
  quantile(p: number): number {
    if (this.#moments.count === 0) return Number.NaN;
    const view = this.#currentView();
    return view instanceof TDigest ? view.quantile(p) : quantileSorted(view, p);
  }

  /** Share of values strictly below `x` (the t-digest CDF beyond the exact limit); NaN when empty. */
  shareBelow(x: number): number {
    const n = this.#moments.count;
    if (n === 0) return Number.NaN;
    const view = this.#currentView();
    return view instanceof TDigest ? view.cdf(x) : countBelow(view, x) / n;
  }

  /** The summary of all values added, labelled with `info`. */
  summary(name: string, info: MetricInfo): SampleSummary {
    const moments = this.#moments;
    const empty = moments.count === 0;
    return {
      name,
      ...info,
      n: moments.count,
      mean: empty ? Number.NaN : moments.mean,
      sd: empty ? Number.NaN : moments.count < 2 ? 0 : moments.sd,
      p5: this.quantile(0.05),
      p10: this.quantile(0.1),
      p25: this.quantile(0.25),
      p50: this.quantile(0.5),
      p75: this.quantile(0.75),
      p80: this.quantile(0.8),
      p90: this.quantile(0.9),
      p95: this.quantile(0.95),
      min: empty ? Number.NaN : moments.min,
      max: empty ? Number.NaN : moments.max,
      histogram: empty ? { edges: [], counts: [] } : histogram(moments.count, moments.min, moments.max, this),
    };
  }

  #push(x: number): void {
    if (this.#length === this.#values.length) this.#reserve(this.#length + 1);
    this.#values[this.#length++] = x;
  }

  #closeBlock(): void {
    this.#replicationsInBlock = 0;
    if (this.#digest === undefined) {
      this.#blockEnds.push(this.#length);
      return;
    }
    const length = this.#length;
    const count = this.#frequentCount;
    this.#reserve(length + count);
    this.#mergeBlock(this.#sortedBlock(this.#values, length, count));
    this.#length = 0;
    this.#frequentCount = 0;
  }

  /**
   * `values[0, length)` sorted with the `count` copies of #frequent opened at their place: the block's values in
   * the order a full sort gives (`values` holds at least `length + count` entries).
   */
  #sortedBlock(values: Float64Array, length: number, count: number): Float64Array {
    sortAscending(values.subarray(0, length));
    return count === 0
      ? values.subarray(0, length)
      : insertRun(values, length, this.#frequent, count).subarray(0, length + count);
  }

  /**
   * Merges a sorted block into the digest and compresses at once (canonical state per block); first picks the
   * value to count apart in the next block: #frequent again if it filled half of this one, else this block's most
   * frequent value if it fills {@link KEPT_APART_SHARE} of it, else none. Which value is counted apart changes
   * the cost of a block only, never its sorted values.
   */
  #mergeBlock(sorted: Float64Array): void {
    const n = sorted.length;
    if (n === 0) return;
    if (this.#frequentCount * 2 <= n) this.#frequent = mostFrequent(sorted, KEPT_APART_SHARE);
    // only called with a digest: #leaveExact creates it before merging the exact blocks
    const digest = this.#digest!;
    // the block's values are not needed afterwards: compressed in place
    digest.mergeSorted(sorted);
    digest.centroidCount();
  }

  /** Grows #values (doubling at least) to hold `n` values. */
  #reserve(n: number): void {
    if (n <= this.#values.length) return;
    const grown = new Float64Array(Math.max(n, this.#values.length * 2));
    grown.set(this.#values.subarray(0, this.#length));
    this.#values = grown;
  }

  /** Past the exact limit: completed blocks become digests, the block being filled stays as values. */
  #leaveExact(): void {
    this.#digest = new TDigest(DEFAULT_COMPRESSION);
    let from = 0;
    for (const end of this.#blockEnds) {
      this.#mergeBlock(sortAscending(this.#values.subarray(from, end)));
      from = end;
    }
    this.#blockEnds.length = 0;
    this.#values.copyWithin(0, from, this.#length);
    this.#length -= from;
  }

  /** The values kept (all of them while exact, else the block being filled), sorted, in a copy. */
  #sortedCopy(): Float64Array {
    const copy = new Float64Array(this.#length + this.#frequentCount);
    copy.set(this.#values.subarray(0, this.#length));
    return this.#sortedBlock(copy, this.#length, this.#frequentCount);
  }

  #currentView(): Float64Array | TDigest {
    if (this.#view !== undefined) return this.#view;
    if (this.#digest === undefined) {
      this.#view = this.#sortedCopy();
    } else if (this.#length + this.#frequentCount === 0) {
      this.#view = this.#digest;
    } else {
      const digest = TDigest.fromState(this.#digest.toState());
      digest.mergeSorted(this.#sortedCopy());
      this.#view = digest;
    }
    return this.#view;
  }
}

/**
 * The value of the longest run of equal values in `sorted` (the first such run on a tie) if that run fills at least
 * `share` of it, else NaN. -0 and +0 make different runs.
 */
function mostFrequent(sorted: Float64Array, share: number): number {
  let best = Number.NaN;
  let bestLength = 0;
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && Object.is(sorted[i], sorted[start])) continue;
    if (i - start > bestLength) {
      bestLength = i - start;
      best = sorted[start]!;
    }
    start = i;
  }
  return bestLength >= sorted.length * share ? best : Number.NaN;
}

function histogram(
  n: number,
  min: number,
  max: number,
  acc: { shareBelow(x: number): number },
): { edges: number[]; counts: number[] } {
  if (min === max) return { edges: [min, max], counts: [n] };
  const step = niceStep((max - min) / HISTOGRAM_BINS);
  const first = Math.floor(min / step);
  const last = Math.max(first + 1, Math.ceil(max / step));
  const edges: number[] = [];
  for (let k = first; k <= last; k++) edges.push(k * step);
  const counts: number[] = [];
  let previous = 0;
  for (let i = 1; i < edges.length; i++) {
    // share strictly below the upper edge; the last bin is closed and takes everything left
    const below = i === edges.length - 1 ? n : Math.round(n * acc.shareBelow(edges[i]!));
    counts.push(Math.max(0, below - previous));
    previous = Math.max(previous, below);
  }
  return { edges, counts };
}
