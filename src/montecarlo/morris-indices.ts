/**
 * Morris elementary effects and their summaries (M. D. Morris, Technometrics 33(2), 1991; mu* from
 * F. Campolongo, J. Cariboni and A. Saltelli, Environmental Modelling & Software 22, 2007, section 2):
 * along a trajectory, the elementary effect of the factor that moves from point s to s + 1 is
 * EE = (f(x_(s+1)) - f(x_s)) / (x_(s+1),i - x_s,i), on the unit scale; over r trajectories, mu is the mean EE,
 * mu* the mean |EE| and sigma the sample standard deviation of EE (n - 1 denominator). The confidence interval
 * of mu* is a percentile bootstrap over the r effects (as SALib's `mu_star_conf`, which reports a normal
 * interval from the same resamples; B. Efron and R. J. Tibshirani, 1993, chapter 13).
 */
import type { RandomSource } from "../../engine/index.ts";
import type { MorrisTrajectory } from "./morris-design.ts";
import { quantileSorted } from "./quantile-sorted.ts";

/** One factor's Morris measures. */
export interface MorrisIndex {
  mu: number;
  muStar: number;
  muStarLow: number;
  muStarHigh: number;
  sigma: number;
}

/** Options of {@link morrisIndices}. */
export interface MorrisIndexOptions {
  source: RandomSource;
  /** Bootstrap resamples; default 500. */
  resamples?: number;
  /** Confidence level; default 0.95. */
  level?: number;
}

/**
 * The measures of each of the k factors from `outputs`, the model's values at the trajectories' points in order
 * (trajectory 0's k + 1 points, then trajectory 1's, ...).
 *
 * @throws {RangeError} when outputs.length is not trajectories.length (k + 1).
 */
export function morrisIndices(
  trajectories: readonly MorrisTrajectory[],
  outputs: readonly number[],
  options: MorrisIndexOptions,
): MorrisIndex[] {
  const k = trajectories[0]?.moved.length ?? 0;
  if (outputs.length !== trajectories.length * (k + 1)) {
    throw new RangeError(
      `outputs must hold ${trajectories.length * (k + 1)} values (r (k + 1)), got ${outputs.length}`,
    );
  }
  const resamples = options.resamples ?? 500;
  const level = options.level ?? 0.95;
  const effects = Array.from({ length: k }, () => [] as number[]);
  trajectories.forEach((trajectory, t) => {
    const offset = t * (k + 1);
    trajectory.moved.forEach((factor, s) => {
      const step = trajectory.points[s + 1]![factor]! - trajectory.points[s]![factor]!;
      effects[factor]!.push((outputs[offset + s + 1]! - outputs[offset + s]!) / step);
    });
  });
  return effects.map((values) => {
    const r = values.length;
    const mu = values.reduce((sum, v) => sum + v, 0) / r;
    const absolute = values.map(Math.abs);
    const muStar = absolute.reduce((sum, v) => sum + v, 0) / r;
    const sigma = r > 1 ? Math.sqrt(values.reduce((sum, v) => sum + (v - mu) ** 2, 0) / (r - 1)) : 0;
    const boot = new Array<number>(resamples);
    for (let b = 0; b < resamples; b++) {
      let sum = 0;
      for (let i = 0; i < r; i++) sum += absolute[Math.floor(options.source() * r)]!;
      boot[b] = sum / r;
    }
    boot.sort((a, b) => a - b);
    return {
      mu,
      muStar,
      muStarLow: quantileSorted(boot, (1 - level) / 2),
      muStarHigh: quantileSorted(boot, (1 + level) / 2),
      sigma,
    };
  });
}
