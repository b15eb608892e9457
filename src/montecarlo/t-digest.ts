/**
 * Merging t-digest: a small, mergeable sketch of a distribution that answers quantile queries with error
 * that shrinks in the tails.
 *
 * Algorithm: T. Dunning and O. Ertl, "Computing Extremely Accurate Quantiles Using t-Digests" (2019,
 * arXiv:1902.04023), Algorithm 1 (merging digest) with the k1 scale function
 * k1(q) = delta / (2 pi) * asin(2q - 1), and the quantile interpolation of section 2.9 as implemented in the
 * reference `MergingDigest.quantile` (https://github.com/tdunning/t-digest). Singleton centroids are
 * reported exactly and the outermost half-centroids interpolate towards the exact min and max.
 *
 * Why not the npm `tdigest` package: its `compress()` shuffles centroids with `Math.random`, so two runs with
 * the same seed would report different quantiles (and Math.random is banned in src/). This digest is
 * deterministic: the same values added in the same order always give the same centroids, which is what the
 * bit-identical-results guarantee of the Monte Carlo layer needs.
 */

import { sortAscending } from "./sort-ascending.ts";

/** Plain-object form of a digest (structured-cloneable, JSON-safe), for transfer and merging. */
export interface TDigestState {
  compression: number;
  count: number;
  min: number;
  max: number;
  means: number[];
  weights: number[];
}

/** Compression used when none is given: about 100-200 centroids, quantile errors well below 0.5% of rank. */
export const DEFAULT_COMPRESSION = 200;

/**
 * A merging t-digest over finite numbers; add values (or whole digests) then ask for quantiles.
 *
 * @example
 * const digest = new TDigest();
 * for (let i = 0; i < 100_000; i++) digest.add(i);
 * digest.quantile(0.5); // ~ 49 999.5
 */
export class TDigest {
  /** The delta of the paper: larger keeps more centroids (more accurate, more memory). */
  readonly compression: number;
  #means: Float64Array;
  #weights: Float64Array;
  #size = 0;
  #bufferMeans: Float64Array;
  #bufferWeights: Float64Array;
  #bufferSize = 0;
  /** Whether every buffered point has weight 1 (plain adds), so the buffer sorts natively. */
  #bufferUnitWeights = true;
  /** Whether the buffered points are already in ascending order (one merged digest), so need no sort. */
  #bufferSorted = true;
  #count = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = Number.NEGATIVE_INFINITY;

  /**
   * Creates an empty digest.
   *
   * @param compression delta of the paper, default {@link DEFAULT_COMPRESSION}.
   * @throws {RangeError} when compression is not a finite number >= 10.
   */
  constructor(compression: number = DEFAULT_COMPRESSION) {
    if (!Number.isFinite(compression) || compression < 10) {
      throw new RangeError(`compression must be a number >= 10, got ${compression}`);
    }
    this.compression = compression;
    // the k1 scale bounds the centroid count by about delta; headroom for the merge pass
    const capacity = Math.ceil(compression) + 10;
    this.#means = new Float64Array(capacity);
    this.#weights = new Float64Array(capacity);
    const bufferCapacity = Math.ceil(compression) * 5;
    this.#bufferMeans = new Float64Array(bufferCapacity);
    this.#bufferWeights = new Float64Array(bufferCapacity);
  }

  /** Total weight added (the number of values when every weight is 1). */
  get count(): number {
    return this.#count;
  }

  /** Smallest value added (Infinity when empty). */
  get min(): number {
    return this.#min;
  }

  /** Largest value added (-Infinity when empty). */
  get max(): number {
    return this.#max;
  }

  /**
   * Adds `value` with `weight` (default 1).
   *
   * @throws {RangeError} when value is not finite or weight is not > 0.
   */
  add(value: number, weight = 1): void {
    if (!Number.isFinite(value)) throw new RangeError(`value must be finite, got ${value}`);
    if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`weight must be > 0, got ${weight}`);
    if (this.#bufferSize === this.#bufferMeans.length) this.#flush();
    if (this.#bufferSize > 0 && value < this.#bufferMeans[this.#bufferSize - 1]!) this.#bufferSorted = false;
    this.#bufferMeans[this.#bufferSize] = value;
    this.#bufferWeights[this.#bufferSize] = weight;
    if (weight !== 1) this.#bufferUnitWeights = false;
    this.#bufferSize++;
    this.#count += weight;
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
  }

  /** Adds every centroid of `other` (Dunning & Ertl section 2.4: digests merge by re-clustering centroids). */
  merge(other: TDigest | TDigestState): void {
    const state = other instanceof TDigest ? other.toState() : other;
    this.#mergeCentroids(state.means, state.weights, state.means.length, state.count, state.min, state.max);
  }

  /**
   * Merges `sorted` (ascending finite values, each of weight 1) exactly as `merge(TDigest.fromSorted(sorted))`
   * would, without building the intermediate digest: the values are compressed in place, so `sorted` is
   * overwritten (its contents are unspecified afterwards).
   */
  mergeSorted(sorted: Float64Array): void {
    const n = sorted.length;
    if (n === 0) return;
    const min = sorted[0]!;
    const max = sorted[n - 1]!;
    const weights = unitWeights(n);
    // compress writes centroid `out` only after reading value k > out, so input and output may share arrays
    const size = compress(sorted, weights, n, n, this.compression, sorted, weights);
    this.#mergeCentroids(sorted, weights, size, n, min, max);
    weights.fill(1, 0, size);
  }

  #mergeCentroids(
    means: ArrayLike<number>,
    weights: ArrayLike<number>,
    size: number,
    count: number,
    min: number,
    max: number,
  ): void {
    for (let i = 0; i < size; i++) {
      if (this.#bufferSize === this.#bufferMeans.length) this.#flush();
      const weight = weights[i]!;
      const mean = means[i]!;
      if (this.#bufferSize > 0 && mean < this.#bufferMeans[this.#bufferSize - 1]!) this.#bufferSorted = false;
      this.#bufferMeans[this.#bufferSize] = mean;
      this.#bufferWeights[this.#bufferSize] = weight;
      if (weight !== 1) this.#bufferUnitWeights = false;
      this.#bufferSize++;
    }
    this.#count += count;
    if (count > 0) {
      this.#min = Math.min(this.#min, min);
      this.#max = Math.max(this.#max, max);
    }
  }

  /**
   * Estimated quantile `q` in [0, 1]: exact min at 0 and max at 1, NaN when empty.
   *
   * @throws {RangeError} when q is outside [0, 1].
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`);
    this.#flush();
    const n = this.#size;
    if (n === 0) return Number.NaN;
    const means = this.#means;
    const weights = this.#weights;
    const total = this.#count;
    if (n === 1) return weights[0]! === 1 ? means[0]! : interpolate(this.#min, this.#max, q);
    const index = q * total;
    if (index < 1) return this.#min;
    const w0 = weights[0]!;
    if (w0 > 1 && index < w0 / 2) return this.#min + ((index - 1) / (w0 / 2 - 1)) * (means[0]! - this.#min);
    if (index > total - 1) return this.#max;
    const wLast = weights[n - 1]!;
    if (wLast > 1 && total - index <= wLast / 2) {
      return this.#max - ((total - index - 1) / (wLast / 2 - 1)) * (this.#max - means[n - 1]!);
    }
    let weightSoFar = w0 / 2;
    for (let i = 0; i < n - 1; i++) {
      const wi = weights[i]!;
      const wNext = weights[i + 1]!;
      const dw = (wi + wNext) / 2;
      if (weightSoFar + dw > index) {
        let leftUnit = 0;
        if (wi === 1) {
          if (index - weightSoFar < 0.5) return means[i]!;
          leftUnit = 0.5;
        }
        let rightUnit = 0;
        if (wNext === 1) {
          if (weightSoFar + dw - index <= 0.5) return means[i + 1]!;
          rightUnit = 0.5;
        }
        const z1 = index - weightSoFar - leftUnit;
        const z2 = weightSoFar + dw - index - rightUnit;
        return weightedAverage(means[i]!, z2, means[i + 1]!, z1);
      }
      weightSoFar += dw;
    }
    return means[n - 1]!;
  }

  /**
   * Estimated cumulative distribution at `x`: the share of weight <= x (Dunning & Ertl section 2.9).
   * Returns NaN when empty.
   */
  cdf(x: number): number {
    this.#flush();
    const n = this.#size;
    if (n === 0) return Number.NaN;
    if (x < this.#min) return 0;
    if (x >= this.#max) return 1;
    const means = this.#means;
    const weights = this.#weights;
    const total = this.#count;
    if (n === 1) return this.#max === this.#min ? 1 : (x - this.#min) / (this.#max - this.#min);
    if (x < means[0]!) {
      const span = means[0]! - this.#min;
      return span > 0 ? ((x - this.#min) / span) * (weights[0]! / 2 / total) : 0;
    }
    let weightSoFar = weights[0]! / 2;
    for (let i = 0; i < n - 1; i++) {
      const left = means[i]!;
      const right = means[i + 1]!;
      const dw = (weights[i]! + weights[i + 1]!) / 2;
      if (x < right) {
        const share = right > left ? (x - left) / (right - left) : 0;
        return (weightSoFar + share * dw) / total;
      }
      weightSoFar += dw;
    }
    const span = this.#max - means[n - 1]!;
    const tail = span > 0 ? (x - means[n - 1]!) / span : 1;
    return (weightSoFar + tail * (weights[n - 1]! / 2)) / total;
  }

  /** Number of centroids after compressing pending values (memory is about 16 bytes per centroid). */
  centroidCount(): number {
    this.#flush();
    return this.#size;
  }

  /** Plain-object copy of the compressed digest. */
  toState(): TDigestState {
    this.#flush();
    return {
      compression: this.compression,
      count: this.#count,
      min: this.#min,
      max: this.#max,
      means: Array.from(this.#means.subarray(0, this.#size)),
      weights: Array.from(this.#weights.subarray(0, this.#size)),
    };
  }

  /**
   * A digest of `sorted` (ascending finite values, each of weight 1) built in one compression pass: the same
   * merge as a flush of a buffer holding every value at once. Cheaper per value than adding the values one by
   * one (one native sort by the caller, no repeated re-merging of the centroids), and a function of the values
   * alone, whatever their order before sorting.
   *
   * @throws {RangeError} for an invalid compression.
   */
  static fromSorted(sorted: Float64Array, compression: number = DEFAULT_COMPRESSION): TDigest {
    const digest = new TDigest(compression);
    const n = sorted.length;
    if (n === 0) return digest;
    const weights = new Float64Array(n).fill(1);
    const outMeans = digest.#means.length >= n ? digest.#means : new Float64Array(n);
    const outWeights = digest.#weights.length >= n ? digest.#weights : new Float64Array(n);
    digest.#size = compress(sorted, weights, n, n, digest.compression, outMeans, outWeights);
    digest.#means = outMeans;
    digest.#weights = outWeights;
    digest.#count = n;
    digest.#min = sorted[0]!;
    digest.#max = sorted[n - 1]!;
    return digest;
  }

  /** Rebuilds a digest from {@link TDigest.toState} output. */
  static fromState(state: TDigestState): TDigest {
    const digest = new TDigest(state.compression);
    digest.merge(state);
    return digest;
  }

  // Algorithm 1 of Dunning & Ertl: sort the buffered points, merge them with the (already sorted) centroids,
  // then merge neighbours while the k1 size bound k(q_right) - k(q_left) <= 1 holds. Unit-weight buffers (plain
  // add) are sorted natively; ties keep centroids before buffered points, so the result depends only on the
  // order of additions.
  #flush(): void {
    const count = this.#bufferSize;
    if (count === 0) return;
    this.#bufferSize = 0;
    let bufferMeans: Float64Array;
    let bufferWeights: Float64Array;
    const unitWeights = this.#bufferUnitWeights;
    const sorted = this.#bufferSorted;
    this.#bufferUnitWeights = true;
    this.#bufferSorted = true;
    if (unitWeights) {
      bufferMeans = sortAscending(this.#bufferMeans.slice(0, count));
      bufferWeights = this.#bufferWeights.slice(0, count);
    } else if (sorted) {
      // already ascending (one merged digest): the stable sort below would leave the order as it is
      bufferMeans = this.#bufferMeans.slice(0, count);
      bufferWeights = this.#bufferWeights.slice(0, count);
    } else {
      const order = Array.from({ length: count }, (_, i) => i).sort(
        (a, b) => this.#bufferMeans[a]! - this.#bufferMeans[b]!,
      );
      bufferMeans = Float64Array.from(order, (i) => this.#bufferMeans[i]!);
      bufferWeights = Float64Array.from(order, (i) => this.#bufferWeights[i]!);
    }
    const size = this.#size;
    const total = size + count;
    const means = new Float64Array(total);
    const weights = new Float64Array(total);
    let totalWeight = 0;
    for (let i = 0, j = 0, k = 0; k < total; k++) {
      if (j >= count || (i < size && this.#means[i]! <= bufferMeans[j]!)) {
        means[k] = this.#means[i]!;
        weights[k] = this.#weights[i]!;
        i++;
      } else {
        means[k] = bufferMeans[j]!;
        weights[k] = bufferWeights[j]!;
        j++;
      }
      totalWeight += weights[k]!;
    }
    const outMeans = this.#means.length >= total ? this.#means : new Float64Array(total);
    const outWeights = this.#weights.length >= total ? this.#weights : new Float64Array(total);
    this.#size = compress(means, weights, total, totalWeight, this.compression, outMeans, outWeights);
    this.#means = outMeans;
    this.#weights = outWeights;
  }
}

/** Shared scratch of unit weights for {@link TDigest.mergeSorted} (every entry is 1 between calls). */
let unitWeightScratch = new Float64Array(0);

/** At least `n` weights of 1 (a view of the shared scratch, grown when too short). */
function unitWeights(n: number): Float64Array {
  if (unitWeightScratch.length < n)
    unitWeightScratch = new Float64Array(Math.max(n, unitWeightScratch.length * 2)).fill(1);
  return unitWeightScratch.subarray(0, n);
}

/**
 * The compression pass of Algorithm 1: merges neighbours of the sorted points (means, weights)[0, total) while
 * the k1 size bound k(q_right) - k(q_left) <= 1 holds, writing the centroids to outMeans/outWeights (which may
 * alias the inputs' storage only where already consumed) and returning their number.
 */
function compress(
  means: Float64Array,
  weights: Float64Array,
  total: number,
  totalWeight: number,
  delta: number,
  outMeans: Float64Array,
  outWeights: Float64Array,
): number {
  let out = 0;
  let currentMean = means[0]!;
  let currentWeight = weights[0]!;
  let weightBefore = 0;
  let limit = totalWeight * kInverse(k1(0, delta) + 1, delta);
  for (let k = 1; k < total; k++) {
    const w = weights[k]!;
    if (weightBefore + currentWeight + w <= limit) {
      currentWeight += w;
      // a point equal to the mean leaves it as it is: skip the division (adding the signed zero d is what
      // (d * w) / currentWeight adds then), which in runs of one value was most of the pass's time
      const d = means[k]! - currentMean;
      currentMean += d === 0 ? d : (d * w) / currentWeight;
    } else {
      outMeans[out] = currentMean;
      outWeights[out] = currentWeight;
      out++;
      weightBefore += currentWeight;
      limit = totalWeight * kInverse(k1(weightBefore / totalWeight, delta) + 1, delta);
      currentMean = means[k]!;
      currentWeight = w;
    }
  }
  outMeans[out] = currentMean;
  outWeights[out] = currentWeight;
  return out + 1;
}

function k1(q: number, delta: number): number {
  return (delta / (2 * Math.PI)) * Math.asin(2 * Math.min(1, Math.max(0, q)) - 1);
}

function kInverse(k: number, delta: number): number {
  if (k >= delta / 4) return 1;
  return (Math.sin((2 * Math.PI * k) / delta) + 1) / 2;
}

function interpolate(low: number, high: number, share: number): number {
  return low + (high - low) * share;
}

function weightedAverage(x1: number, w1: number, x2: number, w2: number): number {
  if (x1 > x2) return weightedAverage(x2, w2, x1, w1);
  const x = (x1 * w1 + x2 * w2) / (w1 + w2);
  return Math.max(x1, Math.min(x, x2));
}
