/**
 * Morris trajectories with Campolongo's spread selection:
 *
 * - a trajectory (M. D. Morris, "Factorial sampling plans for preliminary computational experiments",
 *   Technometrics 33(2), 1991; A. Saltelli et al., "Global Sensitivity Analysis: The Primer", 2008, section 3.3)
 *   on a p-level grid {0, 1/(p-1), ..., 1} with step Delta = p / (2 (p - 1)): a random base point whose every
 *   coordinate x_i lies in {0, ..., 1 - Delta}, each factor starting at x_i or x_i + Delta at random; then the
 *   factors, in a random order, move one at a time to their other value, giving k + 1 points;
 * - selection (F. Campolongo, J. Cariboni and A. Saltelli, "An effective screening design for sensitivity
 *   analysis of large models", Environmental Modelling & Software 22, 2007, section 3.1): of `candidates`
 *   trajectories keep the r with the largest spread, the spread of a set being the square root of the sum of
 *   squared distances between its pairs, the distance of two trajectories the sum of the Euclidean distances
 *   between all their points. Campolongo et al. search all subsets; that is C(candidates, r) sets, so this
 *   module keeps the search tractable the way SALib's "local" optimisation does (R. Ruano, J. Ribes, A. Seco
 *   and J. Ferrer, "An improved sampling strategy based on trajectory design...", Environmental Modelling &
 *   Software 37, 2012): start from the farthest pair, then add, one at a time, the candidate that gives the
 *   largest spread.
 */
import type { RandomSource } from "../../engine/index.ts";

/** One trajectory: k + 1 unit points and, for step s, the factor that moved between point s and s + 1. */
export interface MorrisTrajectory {
  points: number[][];
  moved: number[];
}

/** Options of {@link morrisDesign}. */
export interface MorrisDesignOptions {
  /** Grid levels p (even, >= 2); default 4. */
  levels?: number;
  /** Candidate trajectories to select from; default 10 r (Campolongo et al. 2007 use 500-1000 for r = 10-20). */
  candidates?: number;
}

/**
 * r trajectories over k factors on [0, 1]^k, selected for spread from `candidates` random ones.
 *
 * @throws {RangeError} when r < 2, k < 1, levels is not an even integer >= 2 or candidates < r.
 */
export function morrisDesign(
  r: number,
  k: number,
  source: RandomSource,
  options: MorrisDesignOptions = {},
): MorrisTrajectory[] {
  const levels = options.levels ?? 4;
  const candidates = options.candidates ?? 10 * r;
  if (!Number.isInteger(r) || r < 2) throw new RangeError(`r must be an integer >= 2, got ${r}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer >= 1, got ${k}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`levels must be an even integer >= 2, got ${levels}`);
  }
  if (!Number.isInteger(candidates) || candidates < r) {
    throw new RangeError(`candidates must be an integer >= r (${r}), got ${candidates}`);
  }
  const pool = Array.from({ length: candidates }, () => trajectory(k, levels, source));
  return selectSpread(pool, r);
}

/** Morris's step on a p-level grid: p / (2 (p - 1)). */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

function trajectory(k: number, levels: number, source: RandomSource): MorrisTrajectory {
  const delta = morrisDelta(levels);
  // base levels i / (p - 1) with i / (p - 1) + delta <= 1, i.e. i in 0..p/2 - 1
  const low = Array.from({ length: k }, () => Math.floor(source() * (levels / 2)) / (levels - 1));
  const atLow = Array.from({ length: k }, () => source() < 0.5);
  const current = low.map((value, i) => (atLow[i] ? value : value + delta));
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const swap = Math.floor(source() * (i + 1));
    [order[i], order[swap]] = [order[swap]!, order[i]!];
  }
  const points = [[...current]];
  for (const factor of order) {
    current[factor] = atLow[factor] ? low[factor]! + delta : low[factor]!;
    points.push([...current]);
  }
  return { points, moved: order };
}

/** Sum of the Euclidean distances between every point of `a` and every point of `b`. */
export function trajectoryDistance(a: MorrisTrajectory, b: MorrisTrajectory): number {
  let sum = 0;
  for (const p of a.points) {
    for (const q of b.points) {
      let squares = 0;
      for (let i = 0; i < p.length; i++) squares += (p[i]! - q[i]!) ** 2;
      sum += Math.sqrt(squares);
    }
  }
  return sum;
}

/** Spread of a set of trajectories: sqrt of the sum of squared pairwise distances (Campolongo et al. 2007). */
export function trajectorySpread(set: readonly MorrisTrajectory[]): number {
  let sum = 0;
  for (let a = 0; a < set.length; a++) {
    for (let b = a + 1; b < set.length; b++) sum += trajectoryDistance(set[a]!, set[b]!) ** 2;
  }
  return Math.sqrt(sum);
}

function selectSpread(pool: MorrisTrajectory[], r: number): MorrisTrajectory[] {
  const m = pool.length;
  const squared = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  let best: [number, number] = [0, 1];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const d = trajectoryDistance(pool[a]!, pool[b]!) ** 2;
      squared[a]![b] = d;
      squared[b]![a] = d;
      if (d > squared[best[0]]![best[1]]!) best = [a, b];
    }
  }
  const chosen = [...best];
  const taken = new Set(chosen);
  while (chosen.length < r) {
    let next = -1;
    let gain = -1;
    for (let c = 0; c < m; c++) {
      if (taken.has(c)) continue;
      const added = chosen.reduce((sum, q) => sum + squared[c]![q]!, 0);
      if (added > gain) {
        gain = added;
        next = c;
      }
    }
    chosen.push(next);
    taken.add(next);
  }
  // keep the candidates' order: the design does not depend on the order of selection
  return chosen.sort((a, b) => a - b).map((index) => pool[index]!);
}
