/**
 * The work limit of the command line: a scenario whose estimated work per replication (src/scenario's
 * work-estimate.ts) exceeds the limit is refused with exit 2 before anything runs, unless the user raises the
 * limit explicitly with `--max-work <units>`.
 */

import type { Scenario } from "../scenario/index.ts";
import { DEFAULT_MAX_WORK_UNITS, estimateWork } from "../scenario/work-estimate.ts";
import { tooMuchWork } from "./messages.ts";

/** The message refusing `scenario` under `maxWork` units per replication, or undefined when it fits. */
export function workProblem(scenario: Scenario, maxWork = DEFAULT_MAX_WORK_UNITS): string | undefined {
  const estimate = estimateWork(scenario);
  if (estimate.units <= maxWork) return undefined;
  const parts = estimate.parts
    .filter((part) => part.units > 0)
    .slice(0, 3)
    .map((part) => `${part.name} ${part.units.toPrecision(2)}`);
  return tooMuchWork(estimate.units, parts, maxWork);
}
