/**
 * Reads a saved summary (a report directory's summary.json, or the directory itself), tags its kind and checks it
 * against the summary schemas. Every problem (missing, not a regular file, too large, not JSON, not a scalesim
 * summary, a field missing or of the wrong type) is a usage error with exit code 2 naming the file and the path.
 */
import { statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { z } from "zod";
import { formatPath, MAX_SUMMARY_FILE_BYTES } from "../scenario/index.ts";
import { readSourceText } from "../scenario/read-source.ts";
import { CliError, ExitCode } from "./exit-codes.ts";
import { badSummaryField, fileNotFound, notASummary, unreadableFile } from "./messages.ts";
import { detectSummary, type TaggedSummary } from "./summary-kind.ts";
import { compareSummarySchema, runSummarySchema, sweepSummarySchema } from "./summary-schema.ts";

/** Name of the summary file inside a report directory (written by the JSON report format). */
export const SUMMARY_FILE = "summary.json";

/** Schema problems listed at most per file. */
const MAX_LISTED = 10;

const SCHEMAS: Record<TaggedSummary["kind"], z.ZodType> = {
  run: runSummarySchema,
  compare: compareSummarySchema,
  sweep: sweepSummarySchema,
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads `argument` (a summary.json path or a report directory, relative to `cwd`), of kind `expected` if given.
 * @throws CliError (exit 2) when it cannot be read or is not a valid summary
 */
export function readSummary(argument: string, cwd: string, expected?: TaggedSummary["kind"]): TaggedSummary {
  let path = isAbsolute(argument) ? argument : resolve(cwd, argument);
  if (isDirectory(path)) path = join(path, SUMMARY_FILE);
  const source = readSourceText(path, MAX_SUMMARY_FILE_BYTES);
  if (!source.ok) {
    throw new CliError(
      ExitCode.usage,
      source.missing ? fileNotFound(argument) : unreadableFile(argument, source.message),
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.text);
  } catch (error) {
    throw new CliError(
      ExitCode.usage,
      unreadableFile(argument, error instanceof Error ? error.message : String(error)),
    );
  }
  const tagged = detectSummary(parsed);
  if (!tagged) throw new CliError(ExitCode.usage, notASummary(argument, expected ?? "run, compare or sweep"));
  if (expected !== undefined && tagged.kind !== expected)
    throw new CliError(ExitCode.usage, notASummary(argument, expected));
  const checked = SCHEMAS[tagged.kind].safeParse(parsed);
  if (!checked.success) {
    const lines = checked.error.issues
      .slice(0, MAX_LISTED)
      .map((issue) =>
        badSummaryField(
          argument,
          formatPath(issue.path.filter((p): p is string | number => typeof p !== "symbol")),
          issue.message,
        ),
      );
    const more = checked.error.issues.length - MAX_LISTED;
    if (more > 0) lines.push(`... and ${more} more`);
    throw new CliError(ExitCode.usage, lines.join("\n"));
  }
  return tagged;
}
