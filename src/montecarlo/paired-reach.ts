/**
 * Paired comparison of when a cumulative series reaches a threshold, between a baseline and an alternative run
 * on common random numbers. For every whole threshold N it keeps, over the replications, the paired difference
 * of the first month each scenario reached N (Welford, as paired-difference.ts; 95% CI by the paired t, A. M. Law,
 * "Simulation Modeling and Analysis", 5th ed., section 10.2) and who reached it sooner. Because every whole N is
 * kept, the thresholds can be chosen after the run (the automatic ones depend on the data), in memory bounded by
 * the largest value reached, not by the number of replications.
 */
import { PairedDifference } from "./paired-difference.ts";
import type { ReachDifference } from "./types.ts";

/** The most whole thresholds followed; values above it are not compared (a delivery count never gets there). */
export const MAX_PAIRED_THRESHOLD = 100_000;

interface ThresholdTally {
  difference: PairedDifference;
  altSooner: number;
  ties: number;
  onlyBaseline: number;
  onlyAlternative: number;
}

/** Accumulates, per whole threshold, the paired months of reaching it; add replications in any order. */
export class PairedReach {
  readonly #tallies: ThresholdTally[] = [];
  #replications = 0;

  /** Replications added. */
  get replications(): number {
    return this.#replications;
  }

  /** Adds replication i's cumulative series of the baseline and the alternative (same months). */
  add(baseline: ArrayLike<number>, alternative: ArrayLike<number>): void {
    this.#replications++;
    const base = firstMonths(baseline);
    const alt = firstMonths(alternative);
    const top = Math.max(base.length, alt.length) - 1;
    for (let n = 1; n <= top; n++) {
      const b = base[n];
      const a = alt[n];
      while (this.#tallies.length <= n) this.#tallies.push(newTally());
      const tally = this.#tallies[n]!;
      if (b !== undefined && a !== undefined) {
        tally.difference.add(b, a);
        if (a < b) tally.altSooner++;
        else if (a === b) tally.ties++;
      } else if (a !== undefined) {
        tally.altSooner++;
        tally.onlyAlternative++;
      } else if (b !== undefined) tally.onlyBaseline++;
    }
  }

  /**
   * The comparison for whole threshold `threshold` (>= 1). Replications where neither scenario reached it are
   * ties.
   * @throws {RangeError} when threshold is not an integer >= 1.
   */
  summary(series: string, threshold: number, baseline: string, alternative: string): ReachDifference {
    if (!Number.isInteger(threshold) || threshold < 1)
      throw new RangeError(`threshold must be an integer >= 1, got ${threshold}`);
    const tally = this.#tallies[threshold] ?? newTally();
    const n = this.#replications;
    const seen = tally.difference.n + tally.onlyBaseline + tally.onlyAlternative;
    const neither = n - seen;
    const d = tally.difference.summary("", baseline, alternative, { label: "", unit: "months" });
    return {
      series,
      threshold,
      baseline,
      alternative,
      n,
      nBoth: tally.difference.n,
      onlyBaseline: tally.onlyBaseline,
      onlyAlternative: tally.onlyAlternative,
      meanDifferenceMonths: d.meanDifference,
      ciLow: d.ciLow,
      ciHigh: d.ciHigh,
      probabilitySooner: n === 0 ? Number.NaN : (tally.altSooner + (tally.ties + neither) / 2) / n,
    };
  }
}

function newTally(): ThresholdTally {
  return { difference: new PairedDifference(), altSooner: 0, ties: 0, onlyBaseline: 0, onlyAlternative: 0 };
}

/**
 * months[n] = first month in which the series is at least n, for n = 1 .. floor(max) (capped at
 * MAX_PAIRED_THRESHOLD); index 0 unused. Non-finite months are skipped.
 */
function firstMonths(values: ArrayLike<number>): number[] {
  const months: number[] = [0];
  for (let m = 0; m < values.length; m++) {
    const x = values[m]!;
    if (!Number.isFinite(x)) continue;
    const reached = Math.min(MAX_PAIRED_THRESHOLD, Math.floor(x));
    while (months.length <= reached) months.push(m);
  }
  return months;
}
