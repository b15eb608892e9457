/**
 * `scalesim validate <scenario...>`: loads every scenario and lists every problem as
 * `file:line:column  path: message` (the scenario layer's formatIssues); exit code 2 when any is invalid.
 */
import { formatIssues, type ScenarioIssue } from "../../scenario/index.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { scenarioValid, someInvalid } from "../messages.ts";
import type { ParsedOptions } from "../options.ts";
import { formatWarnings, loadArgument } from "../scenario-argument.ts";

/** Runs the `validate` command; see the module comment. @throws CliError (exit 2) when a scenario is invalid */
export async function validateCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const results: { scenario: string; ok: boolean; issues: ScenarioIssue[]; warnings: ScenarioIssue[] }[] = [];
  for (const argument of operands) {
    const loaded = await loadArgument(argument, context.cwd, options.maxWork);
    results.push({
      scenario: argument,
      ok: loaded.result.ok,
      issues: loaded.result.ok ? [] : loaded.result.issues,
      warnings: loaded.result.ok ? (loaded.result.warnings ?? []) : [],
    });
    const warnings = options.json ? undefined : formatWarnings(loaded.result);
    if (warnings !== undefined) context.stderr(`${warnings}\n`);
  }
  const invalid = results.filter((result) => !result.ok);
  if (options.json) {
    context.stdout(
      `${JSON.stringify({ command: "validate", valid: invalid.length === 0, results }, null, 2)}\n`,
    );
    if (invalid.length > 0) throw new CliError(ExitCode.usage, someInvalid(invalid.length, results.length));
    return;
  }
  if (!options.quiet) {
    for (const result of results) if (result.ok) context.stdout(`${scenarioValid(result.scenario)}\n`);
  }
  if (invalid.length === 0) return;
  const text = invalid.map((result) => formatIssues(result.issues)).join("\n");
  throw new CliError(ExitCode.usage, `${text}\n${someInvalid(invalid.length, results.length)}`);
}
