/**
 * Reach S-curve: P(series[m] >= N) by month for round thresholds N, counted exactly.
 *
 * Thresholds are integers, and for an integer N, x >= N exactly when floor(x) >= N, so keeping for each
 * month a count of replications per floor(value) answers any integer threshold exactly after the run, in
 * memory bounded by the number of distinct values (not replications). The thresholds are chosen from the
 * data: multiples of a nice step (nice-step.ts) up to the P95 of the final month.
 */

import { niceStep } from "./nice-step.ts";
import type { ReachSummary } from "./types.ts";

/** About how many thresholds the S-curve gets. */
export const REACH_THRESHOLDS = 5;

/** Counts, per month, how many replications reached each whole value of a cumulative series. */
export class ReachCounter {
  /** Name of the cumulative series counted. */
  readonly series: string;
  readonly #counts: Map<number, number>[] = [];
  readonly #observed: number[] = [];

  /** @param series name of the cumulative series, e.g. "deliveredCumulative". */
  constructor(series: string) {
    this.series = series;
  }

  /** Adds one replication's values of the series; non-finite months are not observed. */
  add(values: ArrayLike<number>): void {
    for (let m = 0; m < values.length; m++) {
      const x = values[m]!;
      if (!Number.isFinite(x)) continue;
      while (this.#counts.length <= m) {
        this.#counts.push(new Map());
        this.#observed.push(0);
      }
      const key = Math.floor(x);
      const counts = this.#counts[m]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      this.#observed[m]!++;
    }
  }

  /**
   * The S-curve for thresholds that are multiples of a nice step (at least 1) up to `finalP95`, the P95 of
   * the series in its final month; a single threshold of 1 when that P95 is below 1; empty without data.
   */
  summary(finalP95: number): ReachSummary {
    if (this.#counts.length === 0 || !Number.isFinite(finalP95)) {
      return { series: this.series, thresholds: [], probability: [] };
    }
    const step = Math.max(1, niceStep(finalP95 / REACH_THRESHOLDS));
    const thresholds: number[] = [];
    for (let t = step; t <= finalP95 + 1e-9; t += step) thresholds.push(t);
    if (thresholds.length === 0) thresholds.push(1);
    const probability = thresholds.map((threshold) =>
      this.#counts.map((counts, m) => {
        let reached = 0;
        for (const [value, count] of counts) if (value >= threshold) reached += count;
        return reached / this.#observed[m]!;
      }),
    );
    return { series: this.series, thresholds, probability };
  }
}
