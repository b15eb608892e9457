/**
 * A scenario argument is a file path or a preset name: this module decides which, loads it through the scenario
 * layer and turns problems into issues (for `validate`) or a usage error with exit code 2 (for every other
 * command). The rule: an existing file wins; otherwise a preset name; otherwise a readable error.
 */
import { lstatSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, resolve } from "node:path";
import {
  formatIssues,
  type LoadResult,
  loadScenario,
  parseScenario,
  presetNames,
  type Scenario,
  type ScenarioIssue,
  suggest,
} from "../scenario/index.ts";
import { CliError, ExitCode } from "./exit-codes.ts";
import { fileNotFound, unknownScenario } from "./messages.ts";
import { workProblem } from "./work-limit.ts";

/** A scenario argument after loading: its label (file stem or preset name) and the loader's result. */
export interface LoadedArgument {
  /** What the user typed. */
  argument: string;
  /** Short name for directory names and progress lines: the file name without extension, or the preset name. */
  label: string;
  /** Where it came from, for messages. */
  kind: "file" | "preset";
  result: LoadResult;
}

/** A scenario argument that loaded without issues. */
export interface ResolvedScenario {
  argument: string;
  label: string;
  scenario: Scenario;
}

function looksLikePath(argument: string): boolean {
  return /[/\\]/.test(argument) || /\.(ya?ml|json)$/i.test(argument);
}

/**
 * Loads `argument` as a file (relative to `cwd`) or a preset. A missing file or unknown name becomes a single
 * issue, so `validate` can list it next to schema issues.
 */
export async function loadArgument(argument: string, cwd: string, maxWork?: number): Promise<LoadedArgument> {
  const path = isAbsolute(argument) ? argument : resolve(cwd, argument);
  const presets = presetNames();
  // anything at the path (a folder, FIFO, symlink loop too) is loaded as a file, so the message says what it is;
  // a preset name wins only over something that is not a regular file
  if (isRegularFile(path) || (lexists(path) && !presets.includes(argument))) {
    const result = withinWork(await loadScenario(path), argument, maxWork);
    return {
      argument,
      label: basename(path, extname(path)),
      kind: "file",
      result: relabel(result, path, argument),
    };
  }
  if (presets.includes(argument)) {
    const result = withinWork(
      parseScenario(`extends: ${argument}\n`, { file: `preset ${argument}`, baseDir: cwd }),
      argument,
      maxWork,
    );
    return { argument, label: argument, kind: "preset", result };
  }
  const message = looksLikePath(argument)
    ? fileNotFound(argument)
    : unknownScenario(argument, presets, suggest(argument, presets));
  return { argument, label: argument, kind: "file", result: { ok: false, issues: [{ path: "", message }] } };
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A valid scenario above the work limit becomes one issue naming the file. */
function withinWork(result: LoadResult, file: string, maxWork: number | undefined): LoadResult {
  if (!result.ok) return result;
  const problem = workProblem(result.scenario, maxWork);
  return problem === undefined ? result : { ok: false, issues: [{ file, path: "", message: problem }] };
}

/** True when something (even a dangling or looping symlink) is at `path`. */
function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** `issues` naming the file as the user typed it (`typed`), not as the absolute path (`absolute`). */
export function asTyped(issues: ScenarioIssue[], absolute: string, typed: string): ScenarioIssue[] {
  return issues.map((issue) => (issue.file === absolute ? { ...issue, file: typed } : issue));
}

/** Issues and warnings name the file as the user typed it, not as an absolute path. */
function relabel(result: LoadResult, absolute: string, typed: string): LoadResult {
  if (!result.ok) return { ok: false, issues: asTyped(result.issues, absolute, typed) };
  return result.warnings === undefined
    ? result
    : { ...result, warnings: asTyped(result.warnings, absolute, typed) };
}

/**
 * The loader's warnings (a scenario that runs, but not as written: scenario-warnings.ts), one per line as
 * `warning: file:line:column  path: message`, or undefined when there is none.
 */
export function formatWarnings(result: LoadResult): string | undefined {
  if (!result.ok || result.warnings === undefined || result.warnings.length === 0) return undefined;
  return formatIssues(result.warnings)
    .split("\n")
    .map((line) => (line.startsWith("  ") ? line : `warning: ${line}`))
    .join("\n");
}

/**
 * Loads a scenario argument for a command that needs a valid scenario; its warnings, if any, go to `warn`.
 * @throws CliError with exit code 2 and the formatted issues when it is missing or invalid
 */
export async function requireScenario(
  argument: string,
  cwd: string,
  maxWork?: number,
  warn?: (text: string) => void,
): Promise<ResolvedScenario> {
  const loaded = await loadArgument(argument, cwd, maxWork);
  if (!loaded.result.ok) throw new CliError(ExitCode.usage, formatIssues(loaded.result.issues));
  const warnings = formatWarnings(loaded.result);
  if (warnings !== undefined) warn?.(`${warnings}\n`);
  return { argument, label: loaded.label, scenario: loaded.result.scenario };
}
