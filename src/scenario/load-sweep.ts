/**
 * Sweep files: read and validate one (YAML or JSON) with the scenario loader's machinery (same safe YAML
 * parsing, same file checks and size cap, same `file:line:column  path: message` issues), then check that the
 * base scenario loads and that every planned point's scenario is valid, so bad parameter values are reported
 * before anything runs. Which points a sweep has is the Monte Carlo layer's business (sweep-design.ts), so the
 * caller passes the planner in.
 */
import { basename, dirname, extname, resolve } from "node:path";
import type { ScenarioIssue } from "./issues.ts";
import { scenarioLoader } from "./load.ts";
import type { ParameterValue } from "./parameter-path.ts";
import { getPath } from "./parameter-path.ts";
import { loadBase, pointScenario, referencedBaseIssues } from "./point-scenario.ts";
import { type Sweep, sweepSchema } from "./sweep-schema.ts";

/** A validated sweep, or every issue found. */
export type LoadSweepResult = { ok: true; sweep: Sweep } | { ok: false; issues: ScenarioIssue[] };

/** The points of a sweep, given the base scenario's value at a path (sweep-design.ts's planPoints). */
export type SweepPlanner = (
  sweep: Sweep,
  baseValue: (path: string) => unknown,
) => Iterable<{ index: number; parameters: Record<string, ParameterValue> }>;

/** Point issues reported at most (one bad range gives an issue per point otherwise). */
export const MAX_POINT_ISSUES = 20;

const loader = scenarioLoader({
  schema: sweepSchema,
  presets: { names: () => [], document: () => undefined },
});

/**
 * Loads the sweep file at `path`: the sweep's `name` defaults to the file name and its base file resolves
 * relative to the sweep file; then every point `plan` yields is validated. Never throws for bad input.
 */
export async function loadSweep(path: string, plan: SweepPlanner): Promise<LoadSweepResult> {
  const loaded = await loader.load(path);
  if (!loaded.ok) return loaded;
  const sweep: Sweep = {
    ...loaded.scenario,
    name: loaded.scenario.name ?? basename(path, extname(path)),
    baseDir: dirname(resolve(path)),
  };
  const issues = await checkPoints(sweep, path, plan);
  return issues.length === 0 ? { ok: true, sweep } : { ok: false, issues };
}

/** Issues of the base scenario and of the point scenarios (at most {@link MAX_POINT_ISSUES}). */
export async function checkPoints(sweep: Sweep, file: string, plan: SweepPlanner): Promise<ScenarioIssue[]> {
  const base = await loadBase(sweep.base, sweep.baseDir);
  if (!base.ok) return referencedBaseIssues(base.issues, sweep.base, file, "base");
  const issues: ScenarioIssue[] = [];
  for (const point of plan(sweep, (p) => getPath(base.scenario, p))) {
    const result = pointScenario(
      base.scenario,
      point.parameters,
      `point ${point.index} ${describePoint(point.parameters)}`,
    );
    if (!result.ok) issues.push(...result.issues.map((issue) => ({ ...issue, file })));
    if (issues.length >= MAX_POINT_ISSUES) break;
  }
  return issues.slice(0, MAX_POINT_ISSUES);
}

function describePoint(parameters: Record<string, unknown>): string {
  return `(${Object.entries(parameters)
    .map(([path, value]) => `${path} = ${JSON.stringify(value)}`)
    .join(", ")})`;
}
