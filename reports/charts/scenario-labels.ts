/**
 * Unique display labels of the scenarios of a comparison (a repeated name gets " (2)", " (3)").
 */
import type { CompareSummary } from "../../src/montecarlo/types.ts";

/** One label per scenario, in order, unique. */
export function scenarioLabels(summary: CompareSummary): string[] {
  const seen = new Map<string, number>();
  return summary.scenarios.map((s) => {
    const name = s.meta.scenarioName.trim() === "" ? "Scenario" : s.meta.scenarioName;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
