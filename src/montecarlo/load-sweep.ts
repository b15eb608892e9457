/**
 * loadSweep: the scenario layer's sweep loader (src/scenario/load-sweep.ts) bound to this layer's point planner,
 * so every point the sweep will run (with the sweep's own seed) is validated at load.
 */
import { type LoadSweepResult, loadSweep as loadSweepFile } from "../scenario/load-sweep.ts";
import { DEFAULT_SEED } from "./run-options.ts";
import { planPoints } from "./sweep-design.ts";

export type { LoadSweepResult } from "../scenario/load-sweep.ts";

/** Reads, validates and checks every point of the sweep file at `path`. Never throws for bad input. */
export function loadSweep(path: string): Promise<LoadSweepResult> {
  return loadSweepFile(path, (sweep, baseValue) => planPoints(sweep, sweep.seed ?? DEFAULT_SEED, baseValue));
}
