/**
 * Paired comparison of one KPI between a baseline and an alternative run on common random numbers:
 * replication i of both uses the same random streams, so the differences d_i = alt_i - base_i are i.i.d. and
 * the 95% CI of the mean difference is mean(d) +/- t(0.975, n - 1) sd(d) / sqrt(n) (the paired-t interval;
 * A. M. Law, "Simulation Modeling and Analysis", 5th ed., section 10.2, and section 11.2 on common random
 * numbers). probabilityBetter is the share of replications where the alternative is better, ties counting half.
 */
import { meanHalfWidth95 } from "./mean-confidence.ts";
import type { KpiDifference, MetricInfo } from "./types.ts";

/** Accumulates paired observations of one KPI (Welford on the differences). */
export class PairedDifference {
  #n = 0;
  #meanBaseline = 0;
  #meanAlternative = 0;
  #meanDifference = 0;
  #m2 = 0;
  #altHigher = 0;
  #ties = 0;

  /** Number of pairs where both values were finite. */
  get n(): number {
    return this.#n;
  }

  /** Adds replication i's pair; pairs with a non-finite value are skipped. */
  add(baseline: number, alternative: number): void {
    if (!Number.isFinite(baseline) || !Number.isFinite(alternative)) return;
    const n = ++this.#n;
    this.#meanBaseline += (baseline - this.#meanBaseline) / n;
    this.#meanAlternative += (alternative - this.#meanAlternative) / n;
    const d = alternative - baseline;
    const delta = d - this.#meanDifference;
    this.#meanDifference += delta / n;
    this.#m2 += delta * (d - this.#meanDifference);
    if (d > 0) this.#altHigher++;
    else if (d === 0) this.#ties++;
  }

  /** Sample standard deviation of the differences (0 when n < 2). */
  get sd(): number {
    return this.#n < 2 ? 0 : Math.sqrt(this.#m2 / (this.#n - 1));
  }

  /** Half-width of the 95% CI of the mean difference (0 when n < 2). */
  get halfWidth95(): number {
    return meanHalfWidth95(this.sd, this.#n);
  }

  /**
   * The KpiDifference record. "Better" follows `info.better`; without a direction it is the share where the
   * alternative is higher.
   */
  summary(name: string, baseline: string, alternative: string, info: MetricInfo): KpiDifference {
    const n = this.#n;
    const halfWidth = this.halfWidth95;
    const lower = n - this.#altHigher - this.#ties;
    const wins = info.better === "lower" ? lower : this.#altHigher;
    const mean = n === 0 ? Number.NaN : this.#meanDifference;
    return {
      name,
      ...info,
      baseline,
      alternative,
      n,
      meanBaseline: n === 0 ? Number.NaN : this.#meanBaseline,
      meanAlternative: n === 0 ? Number.NaN : this.#meanAlternative,
      meanDifference: mean,
      ciLow: mean - halfWidth,
      ciHigh: mean + halfWidth,
      probabilityBetter: n === 0 ? Number.NaN : (wins + this.#ties / 2) / n,
    };
  }
}
