/**
 * Pooled per-item observations across replications (e.g. every project's time to market in every
 * replication): the statistics of scalar-accumulator.ts plus P80 and a histogram.
 *
 * Histogram bins are [e_i, e_i+1) with the last bin closed, edges at a nice step (nice-step.ts) spanning
 * min..max in about {@link HISTOGRAM_BINS} bins. While values are exact the counts are exact; beyond the exact
 * limit they are n * (F(e_i+1) - F(e_i)) from the t-digest CDF, rounded on the cumulative scale so that the
 * counts still add up to n.
 */

import { niceStep } from "./nice-step.ts";
import { ScalarAccumulator } from "./scalar-accumulator.ts";
import type { MetricInfo, SampleSummary } from "./types.ts";

/** Pooled values kept exactly per sample before the t-digest takes over. */
export const DEFAULT_SAMPLE_EXACT_LIMIT = 100_000;

/** Target number of histogram bins. */
export const HISTOGRAM_BINS = 25;

/** Accumulates batches of pooled observations of one sample name. */
export class SampleAccumulator {
  readonly #values: ScalarAccumulator;

  /** @param exactLimit pooled values kept exactly, default {@link DEFAULT_SAMPLE_EXACT_LIMIT}. */
  constructor(exactLimit: number = DEFAULT_SAMPLE_EXACT_LIMIT) {
    this.#values = new ScalarAccumulator(exactLimit);
  }

  /** Adds every value of one replication's sample, in order (non-finite values are skipped). */
  addAll(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.#values.add(values[i]!);
  }

  /** The summary of all values added, labelled with `info`. */
  summary(name: string, info: MetricInfo): SampleSummary {
    const acc = this.#values;
    const stats = acc.stats();
    return {
      name,
      ...info,
      n: stats.n,
      mean: stats.mean,
      sd: stats.sd,
      p5: stats.p5,
      p10: stats.p10,
      p25: stats.p25,
      p50: stats.p50,
      p75: stats.p75,
      p80: acc.quantile(0.8),
      p90: stats.p90,
      p95: stats.p95,
      min: stats.min,
      max: stats.max,
      histogram: histogram(acc),
    };
  }
}

function histogram(acc: ScalarAccumulator): { edges: number[]; counts: number[] } {
  const n = acc.n;
  if (n === 0) return { edges: [], counts: [] };
  const min = acc.min;
  const max = acc.max;
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
