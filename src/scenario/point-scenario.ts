/**
 * Scenarios of sweep points: the base scenario (a preset name or a scenario file) is loaded and validated once;
 * each point sets its parameters on a copy of that parsed object (parameter-path.ts: own properties only, no
 * `__proto__`/`constructor`/`prototype`) and validates the edited object with the scenario schema again, so an
 * invalid value comes back as an ordinary scenario issue. Validating a validated scenario is idempotent (defaults
 * are already filled in), so a point that sets nothing equals the base.
 */
import { resolve } from "node:path";
import { formatIssues, formatPath, fromZodIssue, type ScenarioIssue } from "./issues.ts";
import { loadScenario, parseScenario } from "./load.ts";
import { type ParameterValue, pathProblem, setPath } from "./parameter-path.ts";
import { presetNames } from "./presets/index.ts";
import { type Scenario, scenarioSchema } from "./schema.ts";

/** The validated base scenario, or the issues that prevent it. */
export type BaseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Loads `base` (a preset name, else a file relative to `baseDir`, default the working directory). */
export async function loadBase(base: string, baseDir: string | undefined): Promise<BaseResult> {
  if (presetNames().includes(base)) return parseScenario(`extends: ${base}\n`, { file: `(preset ${base})` });
  return loadScenario(resolve(baseDir ?? process.cwd(), base));
}

/**
 * The issues of a base scenario `ref` that `file` names at `path` (a sweep's `base`, a claim's `baseline`): an
 * issue inside the base (with a line) stays in the base's file; an issue about the base file as a whole (not
 * found, unreadable, too large: no path, no line) is reported in the referencing file at `path`, naming the file
 * it looked for, so the message points at the line to fix.
 */
export function referencedBaseIssues(
  issues: readonly ScenarioIssue[],
  ref: string,
  file: string,
  path: string,
): ScenarioIssue[] {
  return issues.map((issue) =>
    issue.path === "" && issue.line === undefined
      ? {
          file,
          path,
          value: ref,
          message: `scenario "${ref}"${issue.file === undefined ? "" : ` (${issue.file})`}: ${issue.message}`,
        }
      : { ...issue, message: `in ${path} "${ref}": ${issue.message}` },
  );
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
    const problem = pathProblem(path);
    if (problem !== undefined) issues.push({ path, value, message: `${label}: ${problem}` });
    else if (!setPath(document, path, value))
      issues.push({ path, value, message: `${label}: ${path} does not lead to a field of the scenario` });
  }
  if (issues.length > 0) return { ok: false, issues };
  const parsed = scenarioSchema.safeParse(document, { reportInput: true });
  if (parsed.success) return { ok: true, scenario: parsed.data };
  for (const zodIssue of parsed.error.issues) {
    for (const issue of fromZodIssue(zodIssue, scenarioSchema, document)) {
      const out: ScenarioIssue = { path: formatPath(issue.path), message: `${label}: ${issue.message}` };
      if (issue.value !== undefined) out.value = issue.value;
      if (issue.hint !== undefined) out.hint = issue.hint;
      issues.push(out);
    }
  }
  return { ok: false, issues };
}

/** Issues as one error message (for programmatic callers of runSweep). */
export function issuesError(issues: ScenarioIssue[]): RangeError {
  return new RangeError(`invalid sweep points:\n${formatIssues(issues)}`);
}
