/**
 * The verdict rule of a tested claim: compare the 95% confidence interval of the measured quantity with the claimed
 * band. Inside: holds; entirely outside: fails; straddling a bound: undecided (more replications may decide it).
 */
import type { ClaimExpect } from "./claims-schema.ts";
import type { ClaimBand } from "./types.ts";

/** The verdicts a confidence interval alone can give. */
export type IntervalVerdict = "holds" | "fails" | "undecided";

/** The band of `expect`: atLeast x -> [x, inf), atMost x -> (-inf, x], between [a, b] -> [a, b]. */
export function claimBand(expect: ClaimExpect): ClaimBand {
  if (expect.between !== undefined) return { low: expect.between[0], high: expect.between[1] };
  if (expect.atLeast !== undefined) return { low: expect.atLeast };
  return { high: expect.atMost! };
}

/** True when `x` lies in `band` (bounds included). */
export function inBand(x: number, band: ClaimBand): boolean {
  return (band.low === undefined || x >= band.low) && (band.high === undefined || x <= band.high);
}

/**
 * holds when [low, high] lies inside the band, fails when it lies entirely outside, undecided otherwise (also for
 * a NaN interval).
 *
 * @example intervalVerdict(0.8, 0.85, { low: 0.75 }) // "holds"
 */
export function intervalVerdict(low: number, high: number, band: ClaimBand): IntervalVerdict {
  if (Number.isNaN(low) || Number.isNaN(high)) return "undecided";
  if (inBand(low, band) && inBand(high, band)) return "holds";
  if ((band.low !== undefined && high < band.low) || (band.high !== undefined && low > band.high))
    return "fails";
  return "undecided";
}
