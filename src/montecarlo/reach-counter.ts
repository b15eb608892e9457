/**
 * Reach S-curve: P(series[m] >= N) by month for round thresholds N, counted exactly.
 *
 * Thresholds are integers, and for an integer N, x >= N exactly when floor(x) >= N, so keeping for each
 * month a count of replications per floor(value) answers any integer threshold exactly after the run, in
 * memory bounded by the number of distinct values (not replications). The thresholds are chosen from the
 * data: multiples of a nice step (nice-step.ts) up to the P95 of the final month, or the user's delivery targets.
 * The month a target is reached at P50 (P80) is the first month whose probability is at least 0.5 (0.8): the
 * median (80th percentile) of the month of first reaching it, as the series is cumulative.
 */

import { niceStep } from "./nice-step.ts";
import type { ReachSummary, ReachTarget } from "./types.ts";

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
    return this.summaryFor(automaticThresholds(finalP95), "automatic");
  }

  /**
   * The S-curve for the given whole-number thresholds (the user's delivery targets, or thresholds shared by the
   * scenarios of a comparison), with the month each is reached at P50 and P80; empty without data.
   */
  summaryFor(thresholds: readonly number[], source: "targets" | "automatic"): ReachSummary {
    if (this.#counts.length === 0) return { series: this.series, thresholds: [], probability: [] };
    const probability = thresholds.map((threshold) =>
      this.#counts.map((counts, m) => {
        let reached = 0;
        for (const [value, count] of counts) if (value >= threshold) reached += count;
        return reached / this.#observed[m]!;
      }),
    );
    const targets = thresholds.map((threshold, t) => reachTarget(threshold, probability[t]!));
    return {
      series: this.series,
      thresholds: [...thresholds],
      probability,
      targets,
      thresholdSource: source,
    };
  }
}

/**
 * Thresholds that are multiples of a nice step (at least 1) up to `finalP95`; a single threshold of 1 when
 * `finalP95` is below 1 or not finite.
 */
export function automaticThresholds(finalP95: number): number[] {
  if (!Number.isFinite(finalP95)) return [1];
  const step = Math.max(1, niceStep(finalP95 / REACH_THRESHOLDS));
  const thresholds: number[] = [];
  for (let t = step; t <= finalP95 + 1e-9; t += step) thresholds.push(t);
  if (thresholds.length === 0) thresholds.push(1);
  return thresholds;
}

/** The first month whose reach probability is at least `share`; null when no month gets there. */
export function firstMonthAtLeast(curve: readonly number[], share: number): number | null {
  // 1e-12: a share computed as count / n must not miss 0.8 by a rounding error
  const month = curve.findIndex((p) => p >= share - 1e-12);
  return month < 0 ? null : month;
}

function reachTarget(threshold: number, curve: readonly number[]): ReachTarget {
  return {
    threshold,
    monthP50: firstMonthAtLeast(curve, 0.5),
    monthP80: firstMonthAtLeast(curve, 0.8),
    probabilityByEnd: curve.length === 0 ? 0 : curve[curve.length - 1]!,
  };
}
