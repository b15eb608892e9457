/**
 * The unit designs of the global sensitivity samplings of a sweep, derived from the sweep's master seed alone so
 * that planning the points (sweep-design.ts) and computing the indices from the evaluated points
 * (global-sensitivity.ts) rebuild the same design, on one machine or after a merge of shards:
 *
 * - "sobol": the Saltelli design (saltelli-design.ts) of n base samples on a Sobol' sequence digitally shifted
 *   by the stream "sweep-sobol" of the seed;
 * - "morris": r Morris trajectories on a p-level grid (morris-design.ts) drawn from the stream "sweep-morris",
 *   selected for spread from 10 r candidates.
 */
import { createStream } from "../../engine/index.ts";
import { type MorrisTrajectory, morrisDesign } from "./morris-design.ts";
import { saltelliDesign } from "./saltelli-design.ts";

/** Morris grid levels when the sweep does not set them. */
export const DEFAULT_MORRIS_LEVELS = 4;

/** The n (k + 2) unit points of the sweep's Saltelli design. */
export function sweepSaltelliDesign(samples: number, k: number, seed: number): number[][] {
  return saltelliDesign(samples, k, createStream(seed, 0, "sweep-sobol"));
}

/** The sweep's r Morris trajectories over k parameters. */
export function sweepMorrisDesign(
  trajectories: number,
  k: number,
  seed: number,
  levels = DEFAULT_MORRIS_LEVELS,
): MorrisTrajectory[] {
  return morrisDesign(trajectories, k, createStream(seed, 0, "sweep-morris"), { levels });
}
