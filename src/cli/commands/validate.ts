/**
 * `scalesim validate <file...>`: loads every scenario, sweep file or claims file (file-kind.ts tells them apart;
 * a preset name is a scenario) and lists every problem as `file:line:column  path: message` (the scenario
 * layer's formatIssues); exit code 2 when any is invalid. A sweep is checked as `sweep` checks it (its base and
 * every point it will run), a claims file as `claims` does (every scenario a claim names, with its settings).
 */

import { resolve } from "node:path";
import { loadClaims } from "../../claims/load-claims.ts";
import { loadSweep } from "../../montecarlo/load-sweep.ts";
import { formatIssues, type ScenarioIssue } from "../../scenario/index.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { type FileKind, fileKind } from "../file-kind.ts";
import { scenarioValid, someInvalid } from "../messages.ts";
import type { ParsedOptions } from "../options.ts";
import { asTyped, formatWarnings, loadArgument } from "../scenario-argument.ts";

/** One checked file, as `--json` prints it. */
interface Checked {
  scenario: string;
  kind: FileKind;
  ok: boolean;
  issues: ScenarioIssue[];
  warnings: ScenarioIssue[];
}

/** Checks one argument of the kind it is. */
async function check(argument: string, options: ParsedOptions, context: CliContext): Promise<Checked> {
  // a preset name or a missing file is no file of another kind: fileKind calls it a scenario
  const path = resolve(context.cwd, argument);
  const kind = fileKind(path);
  if (kind !== "scenario") {
    const result = kind === "sweep" ? await loadSweep(path) : await loadClaims(path);
    const issues = result.ok ? [] : asTyped(result.issues, path, argument);
    return { scenario: argument, kind, ok: result.ok, issues, warnings: [] };
  }
  const loaded = await loadArgument(argument, context.cwd, options.maxWork);
  const warnings = options.json ? undefined : formatWarnings(loaded.result);
  if (warnings !== undefined) context.stderr(`${warnings}\n`);
  return {
    scenario: argument,
    kind,
    ok: loaded.result.ok,
    issues: loaded.result.ok ? [] : loaded.result.issues,
    warnings: loaded.result.ok ? (loaded.result.warnings ?? []) : [],
  };
}

/** Runs the `validate` command; see the module comment. @throws CliError (exit 2) when a file is invalid */
export async function validateCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const results: Checked[] = [];
  for (const argument of operands) results.push(await check(argument, options, context));
  const invalid = results.filter((result) => !result.ok);
  if (options.json) {
    context.stdout(
      `${JSON.stringify({ command: "validate", valid: invalid.length === 0, results }, null, 2)}\n`,
    );
    if (invalid.length > 0) throw new CliError(ExitCode.usage, someInvalid(invalid.length, results.length));
    return;
  }
  if (!options.quiet) {
    for (const result of results) {
      if (result.ok) context.stdout(`${scenarioValid(result.scenario, result.kind)}\n`);
    }
  }
  if (invalid.length === 0) return;
  const text = invalid.map((result) => formatIssues(result.issues)).join("\n");
  throw new CliError(ExitCode.usage, `${text}\n${someInvalid(invalid.length, results.length)}`);
}
