/**
 * PRIM, the patient rule induction method (J. H. Friedman and N. I. Fisher, "Bump hunting in high-dimensional
 * data", Statistics and Computing 9, 1999, sections 2-3), for scenario discovery as the EMA Workbench uses it
 * (B. P. Bryant and R. J. Lempert, "Thinking inside the box", Technological Forecasting & Social Change 77,
 * 2010; J. H. Kwakkel, "The Exploratory Modeling Workbench", Environmental Modelling & Software 96, 2017):
 * find a box, a range per input, where the cases of interest (`inside`) are dense.
 *
 *   1. peeling: starting from the box that holds every point, repeatedly remove the slice (the `peelAlpha`
 *      quantile of the points left, from below or above in one dimension) whose removal leaves the densest box,
 *      until the box holds fewer than `minMass` of the points; every box on the way is recorded (the peeling
 *      trajectory, with its coverage and density);
 *   2. choice: the box of the trajectory with the largest coverage among those whose density reaches
 *      `threshold` (the EMA Workbench's `find_box` with a density threshold); none when no box reaches it;
 *   3. pasting: widen the chosen box, one dimension side at a time, by the `pasteAlpha` share of its points
 *      nearest outside, as long as a widening raises the density (Friedman and Fisher, section 2.3).
 *
 * Coverage is the share of all cases of interest that lie in the box; density the share of the box's points
 * that are cases of interest; mass the share of all points in the box.
 */

/** The range of one dimension in a box: low <= x <= high. */
export interface BoxBound {
  low: number;
  high: number;
}

/** One box of the peeling trajectory. */
export interface BoxStatistics {
  coverage: number;
  density: number;
  mass: number;
}

/** The box PRIM found. */
export interface PrimBox extends BoxStatistics {
  /** One bound per dimension; an unrestricted dimension keeps the data's min and max. */
  bounds: BoxBound[];
  /** Dimensions whose range the box narrows, in index order. */
  restricted: number[];
  /** Coverage, density and mass of every box of the peeling trajectory, from the full box on. */
  trajectory: BoxStatistics[];
}

/** Options of {@link findBox}. */
export interface PrimOptions {
  /** Density the chosen box must reach; default 0.8. */
  threshold?: number;
  /** Share of the box's points removed per peel; default 0.05. */
  peelAlpha?: number;
  /** Share of the box's points added per paste; default 0.05. */
  pasteAlpha?: number;
  /** Peeling stops below this share of all points; default 0.05. */
  minMass?: number;
}

/**
 * The densest, widest box of `points` (rows of numbers, one column per dimension) for the cases marked in
 * `inside`, or undefined when no box of the peeling trajectory reaches the density threshold (or there is no
 * case of interest).
 *
 * @example
 * findBox([[0], [1], [2], [3]], [false, false, true, true], { threshold: 1, peelAlpha: 0.25, minMass: 0.25 });
 * // { bounds: [{ low: 2, high: 3 }], coverage: 1, density: 1, mass: 0.5, ... }
 * @throws {RangeError} when points and inside differ in length, rows differ in length or hold non-finite
 *   numbers, or an option is outside (0, 1].
 */
export function findBox(
  points: readonly (readonly number[])[],
  inside: readonly boolean[],
  options: PrimOptions = {},
): PrimBox | undefined {
  const threshold = option("threshold", options.threshold, 0.8);
  const peelAlpha = option("peelAlpha", options.peelAlpha, 0.05);
  const pasteAlpha = option("pasteAlpha", options.pasteAlpha, 0.05);
  const minMass = option("minMass", options.minMass, 0.05);
  if (points.length !== inside.length) {
    throw new RangeError(
      `points and inside must have the same length, got ${points.length} and ${inside.length}`,
    );
  }
  const n = points.length;
  const dimensions = points[0]?.length ?? 0;
  for (const [i, row] of points.entries()) {
    if (row.length !== dimensions || !row.every(Number.isFinite)) {
      throw new RangeError(`points[${i}] must hold ${dimensions} finite numbers`);
    }
  }
  const positives = inside.filter(Boolean).length;
  if (n === 0 || positives === 0) return undefined;
  const full: BoxBound[] = Array.from({ length: dimensions }, (_, j) => ({
    low: Math.min(...points.map((row) => row[j]!)),
    high: Math.max(...points.map((row) => row[j]!)),
  }));
  const statistics = (members: readonly number[]): BoxStatistics => {
    const hits = members.reduce((sum, i) => sum + (inside[i] ? 1 : 0), 0);
    return {
      coverage: hits / positives,
      density: members.length > 0 ? hits / members.length : 0,
      mass: members.length / n,
    };
  };

  // 1. peeling
  let bounds = full.map((bound) => ({ ...bound }));
  let members = Array.from({ length: n }, (_, i) => i);
  const boxes: { bounds: BoxBound[]; statistics: BoxStatistics }[] = [
    { bounds, statistics: statistics(members) },
  ];
  while (members.length / n >= minMass) {
    const peel = bestPeel(points, inside, members, bounds, peelAlpha);
    if (peel === undefined || peel.members.length / n < minMass) break;
    bounds = peel.bounds;
    members = peel.members;
    boxes.push({ bounds, statistics: statistics(members) });
  }

  // 2. choice
  let chosen: (typeof boxes)[number] | undefined;
  for (const box of boxes) {
    if (box.statistics.density < threshold) continue;
    if (chosen === undefined || box.statistics.coverage > chosen.statistics.coverage) chosen = box;
  }
  if (chosen === undefined) return undefined;

  // 3. pasting
  let pasted = chosen.bounds;
  let pastedMembers = membersOf(points, pasted);
  let density = statistics(pastedMembers).density;
  for (;;) {
    const paste = bestPaste(points, inside, pastedMembers, pasted, full, pasteAlpha);
    if (paste === undefined || paste.density <= density) break;
    pasted = paste.bounds;
    pastedMembers = paste.members;
    density = paste.density;
  }
  const final = statistics(pastedMembers);
  return {
    bounds: pasted,
    restricted: pasted.flatMap((bound, j) =>
      bound.low > full[j]!.low || bound.high < full[j]!.high ? [j] : [],
    ),
    ...final,
    trajectory: boxes.map((box) => box.statistics),
  };
}

interface Candidate {
  bounds: BoxBound[];
  members: number[];
  density: number;
}

function bestPeel(
  points: readonly (readonly number[])[],
  inside: readonly boolean[],
  members: readonly number[],
  bounds: readonly BoxBound[],
  alpha: number,
): Candidate | undefined {
  let best: Candidate | undefined;
  for (let j = 0; j < bounds.length; j++) {
    const values = members.map((i) => points[i]![j]!).sort((a, b) => a - b);
    const cut = Math.max(1, Math.floor(alpha * values.length));
    // below: keep values >= the cut-th smallest; above: <= the cut-th largest. When ties at the edge would
    // make that peel empty (discrete inputs), the whole edge value goes, as Friedman and Fisher peel discrete
    // inputs one value at a time
    const lowest = values[0]!;
    const highest = values[values.length - 1]!;
    let lowCut = values[cut]!;
    if (lowCut === lowest) lowCut = values.find((v) => v > lowest) ?? lowest;
    let highCut = values[values.length - 1 - cut]!;
    if (highCut === highest) highCut = values.findLast((v) => v < highest) ?? highest;
    for (const side of ["low", "high"] as const) {
      const kept = members.filter((i) => {
        const x = points[i]![j]!;
        return side === "low" ? x >= lowCut : x <= highCut;
      });
      if (kept.length === members.length || kept.length === 0) continue;
      const density = kept.reduce((sum, i) => sum + (inside[i] ? 1 : 0), 0) / kept.length;
      // ties: the peel that removes fewer points keeps more support (Friedman and Fisher, section 2.1)
      if (
        best === undefined ||
        density > best.density ||
        (density === best.density && kept.length > best.members.length)
      ) {
        const next = bounds.map((bound) => ({ ...bound }));
        if (side === "low") next[j]!.low = lowCut;
        else next[j]!.high = highCut;
        best = { bounds: next, members: kept, density };
      }
    }
  }
  return best;
}

function bestPaste(
  points: readonly (readonly number[])[],
  inside: readonly boolean[],
  members: readonly number[],
  bounds: readonly BoxBound[],
  full: readonly BoxBound[],
  alpha: number,
): Candidate | undefined {
  const add = Math.max(1, Math.floor(alpha * members.length));
  let best: Candidate | undefined;
  for (let j = 0; j < bounds.length; j++) {
    for (const side of ["low", "high"] as const) {
      if (side === "low" ? bounds[j]!.low <= full[j]!.low : bounds[j]!.high >= full[j]!.high) continue;
      // points that satisfy every other bound and lie beyond this side, nearest first
      const beyond = points
        .map((_, i) => i)
        .filter((i) => {
          const row = points[i]!;
          const x = row[j]!;
          if (side === "low" ? x >= bounds[j]!.low : x <= bounds[j]!.high) return false;
          return bounds.every((bound, q) => q === j || (row[q]! >= bound.low && row[q]! <= bound.high));
        })
        .sort((a, b) => (side === "low" ? points[b]![j]! - points[a]![j]! : points[a]![j]! - points[b]![j]!));
      if (beyond.length === 0) continue;
      const edge = points[beyond[Math.min(add, beyond.length) - 1]!]![j]!;
      const next = bounds.map((bound) => ({ ...bound }));
      if (side === "low") next[j]!.low = edge;
      else next[j]!.high = edge;
      const grown = membersOf(points, next);
      const density = grown.reduce((sum, i) => sum + (inside[i] ? 1 : 0), 0) / grown.length;
      if (best === undefined || density > best.density) best = { bounds: next, members: grown, density };
    }
  }
  return best;
}

function membersOf(points: readonly (readonly number[])[], bounds: readonly BoxBound[]): number[] {
  const out: number[] = [];
  points.forEach((row, i) => {
    if (bounds.every((bound, j) => row[j]! >= bound.low && row[j]! <= bound.high)) out.push(i);
  });
  return out;
}

function option(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!(chosen > 0 && chosen <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${chosen}`);
  return chosen;
}
