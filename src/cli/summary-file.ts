/**
 * Reads a saved summary (a report directory's summary.json, or the directory itself) and tags its kind.
 * Every problem (missing, unreadable, not JSON, not a scalesim summary) is a usage error with exit code 2.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { CliError, ExitCode } from "./exit-codes.ts";
import { fileNotFound, notASummary, unreadableFile } from "./messages.ts";
import { detectSummary, type TaggedSummary } from "./summary-kind.ts";

/** Name of the summary file inside a report directory (written by the JSON report format). */
export const SUMMARY_FILE = "summary.json";

/**
 * Reads `argument` (a summary.json path or a report directory, relative to `cwd`).
 * @throws CliError (exit 2) when it cannot be read or is not a summary
 */
export function readSummary(argument: string, cwd: string): TaggedSummary {
  let path = isAbsolute(argument) ? argument : resolve(cwd, argument);
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, SUMMARY_FILE);
  if (!existsSync(path)) throw new CliError(ExitCode.usage, fileNotFound(argument));
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(
      ExitCode.usage,
      unreadableFile(argument, error instanceof Error ? error.message : String(error)),
    );
  }
  const tagged = detectSummary(parsed);
  if (!tagged) throw new CliError(ExitCode.usage, notASummary(argument, "run, compare or sweep"));
  return tagged;
}
