/**
 * The quantity a claim measures, from paired replications of baseline b and treatment t run on common random
 * numbers, with its 95% confidence interval:
 *
 * - value: the mean of b, t interval (A. M. Law, "Simulation Modeling and Analysis", 5th ed., section 4.5);
 * - difference: the mean of d = t - b, paired-t interval (PairedDifference; Law, sections 10.2 and 11.2);
 * - ratio: R = mean(t) / mean(b), the ratio of means, with the delta-method (linearisation) interval
 *   R +/- t(0.975, n - 1) sd(z) / (sqrt(n) |mean(b)|), z_i = t_i - R b_i (Law, section 9.6 on ratio estimators;
 *   W. G. Cochran, "Sampling Techniques", 3rd ed., section 6.4). The pairing enters through z: under common random
 *   numbers b and t are positively correlated and sd(z) is small;
 * - reduction: 1 - R, the same interval mirrored.
 *
 * The ratio of means, not the mean of per-replication ratios, is what "75% less cost" means for the expected bill,
 * and it stays finite when a replication's baseline is 0.
 */
import { sampleStandardDeviation } from "simple-statistics";
import { meanHalfWidth95 } from "../montecarlo/mean-confidence.ts";
import { PairedDifference } from "../montecarlo/paired-difference.ts";

/** What is measured. */
export type ClaimMeasure = "value" | "difference" | "ratio" | "reduction";

/** The estimate and its 95% CI. */
export interface QuantityEstimate {
  estimate: number;
  low: number;
  high: number;
  /** Pairs used (non-finite pairs are skipped). */
  n: number;
}

/**
 * The measured quantity of `baseline` (and `treatment`, paired by index) with its 95% CI; NaN estimate when no
 * finite pair exists.
 *
 * @example
 * claimQuantity("reduction", [100, 110, 90], [25, 27, 23]).estimate // 0.75 (within rounding)
 * @throws {RangeError} when a comparing measure has no treatment values or the lengths differ.
 */
export function claimQuantity(
  measure: ClaimMeasure,
  baseline: readonly number[],
  treatment?: readonly number[],
): QuantityEstimate {
  if (measure === "value") return meanEstimate(baseline.filter(Number.isFinite));
  if (treatment === undefined || treatment.length !== baseline.length)
    throw new RangeError(`measure ${measure} needs treatment values paired with the baseline's`);
  if (measure === "difference") {
    const pair = new PairedDifference();
    for (const [i, b] of baseline.entries()) pair.add(b, treatment[i]!);
    const mean = pair.n === 0 ? Number.NaN : pair.summary("", "", "", { label: "", unit: "" }).meanDifference;
    return { estimate: mean, low: mean - pair.halfWidth95, high: mean + pair.halfWidth95, n: pair.n };
  }
  const pairs = baseline.flatMap((b, i) =>
    Number.isFinite(b) && Number.isFinite(treatment[i]) ? [[b, treatment[i]!] as const] : [],
  );
  const n = pairs.length;
  const meanB = pairs.reduce((s, [b]) => s + b, 0) / n;
  const meanT = pairs.reduce((s, [, t]) => s + t, 0) / n;
  const ratio = meanT / meanB;
  const z = pairs.map(([b, t]) => t - ratio * b);
  const halfWidth = meanHalfWidth95(sampleSd(z), n) / Math.abs(meanB);
  if (measure === "ratio") return { estimate: ratio, low: ratio - halfWidth, high: ratio + halfWidth, n };
  return { estimate: 1 - ratio, low: 1 - ratio - halfWidth, high: 1 - ratio + halfWidth, n };
}

/** Per-replication values of the quantity, for its distribution (ratio and reduction per pair). */
export function claimQuantityValues(
  measure: ClaimMeasure,
  baseline: readonly number[],
  treatment?: readonly number[],
): number[] {
  const values = baseline.map((b, i) => {
    if (measure === "value") return b;
    const t = treatment?.[i] ?? Number.NaN;
    if (measure === "difference") return t - b;
    return measure === "ratio" ? t / b : 1 - t / b;
  });
  return values.filter(Number.isFinite);
}

function meanEstimate(values: readonly number[]): QuantityEstimate {
  const n = values.length;
  const mean = n === 0 ? Number.NaN : values.reduce((s, v) => s + v, 0) / n;
  const halfWidth = meanHalfWidth95(sampleSd(values), n);
  return { estimate: mean, low: mean - halfWidth, high: mean + halfWidth, n };
}

function sampleSd(values: readonly number[]): number {
  return values.length < 2 ? 0 : sampleStandardDeviation([...values]);
}
