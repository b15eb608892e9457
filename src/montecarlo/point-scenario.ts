/**
 * Scenarios of sweep points: the base scenario (a preset name or a scenario file) is loaded and validated once;
 * each point sets its parameters on a copy of that document and validates the result again, so an invalid
 * value comes back as an ordinary scenario issue (validation of a validated scenario is idempotent: defaults
 * are already filled in).
 */
import { resolve } from "node:path";
import {
  formatIssues,
  loadScenario,
  parseScenario,
  presetNames,
  type Scenario,
  type ScenarioIssue,
} from "../scenario/index.ts";
import { type ParameterValue, setPath } from "./dotted-path.ts";

/** The validated base scenario, or the issues that prevent it. */
export type BaseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Loads `base` (a preset name, else a file relative to `baseDir`, default the working directory). */
export async function loadBase(base: string, baseDir: string | undefined): Promise<BaseResult> {
  if (presetNames().includes(base)) return parseScenario(`extends: ${base}\n`, { file: `(preset ${base})` });
  return loadScenario(resolve(baseDir ?? process.cwd(), base));
}

/** The base with `parameters` set and validated; issues name the point and its parameter values. */
export function pointScenario(
  base: Scenario,
  parameters: Record<string, ParameterValue>,
  label: string,
): BaseResult {
  const { extends: _extends, ...document } = structuredClone(base) as Record<string, unknown>;
  const issues: ScenarioIssue[] = [];
  for (const [path, value] of Object.entries(parameters)) {
    if (!setPath(document, path, value)) {
      issues.push({ path, value, message: `${label}: ${path} does not lead to a field of the scenario` });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const parsed = parseScenario(JSON.stringify(document), { file: label });
  if (parsed.ok) return parsed;
  return {
    ok: false,
    issues: parsed.issues.map(({ line: _line, column: _column, file: _file, ...issue }) => ({
      ...issue,
      message: `${label}: ${issue.message}`,
    })),
  };
}

/** Issues as one error message (for programmatic callers of runSweep). */
export function issuesError(issues: ScenarioIssue[]): RangeError {
  return new RangeError(`invalid sweep points:\n${formatIssues(issues)}`);
}
