/**
 * Recognises which kind of summary a parsed summary.json holds (run, compare or sweep), by the fields each
 * summary type of src/montecarlo/types.ts is the only one to have, so `scalesim report` can re-render any of them.
 */
import type { CompareSummary, RunSummary, SweepSummary } from "../montecarlo/types.ts";

/** A summary tagged with its kind. */
export type TaggedSummary =
  | { kind: "run"; summary: RunSummary }
  | { kind: "compare"; summary: CompareSummary }
  | { kind: "sweep"; summary: SweepSummary };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Tags a parsed JSON value with its summary kind, or returns undefined when it is not a scalesim summary. */
export function detectSummary(value: unknown): TaggedSummary | undefined {
  if (!isRecord(value)) return undefined;
  const tool = value.tool;
  if (!isRecord(tool) || tool.name !== "scalesim") return undefined;
  if (Array.isArray(value.scenarios) && Array.isArray(value.differences)) {
    return { kind: "compare", summary: value as unknown as CompareSummary };
  }
  if (Array.isArray(value.points) && typeof value.totalPoints === "number") {
    return { kind: "sweep", summary: value as unknown as SweepSummary };
  }
  if (isRecord(value.meta) && isRecord(value.kpis) && isRecord(value.series)) {
    return { kind: "run", summary: value as unknown as RunSummary };
  }
  return undefined;
}
