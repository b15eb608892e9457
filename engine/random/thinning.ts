/**
 * Arrivals of a non-homogeneous Poisson process by thinning (P. A. W. Lewis and G. S. Shedler, "Simulation of
 * nonhomogeneous Poisson processes by thinning", Naval Research Logistics Quarterly 26(3), 1979, pp. 403-413):
 * candidates arrive at a constant majorising rate `peakRate`; a candidate at time t is kept with probability
 * rate(t) / peakRate. Requires rate(t) <= peakRate for every t.
 */
import { exponentialGap } from "./exponential-gap.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns the time of the next arrival after `from` (absolute time units), or Infinity when none comes before
 * `until`. `rateAt(t)` is the intensity at absolute time t, in events per time unit. When `constantRate` is true
 * every candidate is kept and no acceptance number is drawn (a homogeneous process).
 *
 * @example
 * const t = nextThinnedArrival(source, 0, 2, (t) => 1 + Math.cos(t), Infinity);
 * @throws {RangeError} never for a rate above the peak: such a rate is simply kept with probability 1.
 */
export function nextThinnedArrival(
  source: RandomSource,
  from: number,
  peakRate: number,
  rateAt: (time: number) => number,
  until: number,
  constantRate = false,
): number {
  if (!(peakRate > 0)) return Number.POSITIVE_INFINITY;
  let t = from;
  for (;;) {
    t += exponentialGap(source, peakRate);
    if (t >= until) return Number.POSITIVE_INFINITY;
    if (constantRate || source() * peakRate <= rateAt(t)) return t;
  }
}
