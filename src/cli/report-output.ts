/**
 * Writes the report of any summary kind through the report writers and returns what was written. The writers are
 * atomic (temporary directory, then rename), so the report directory either holds a complete report or does
 * not exist; this module refuses an existing directory up front, before any time is spent running.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { CliError, ExitCode } from "./exit-codes.ts";
import { outDirExists } from "./messages.ts";
import type { ReportFormat } from "./options.ts";
import type { TaggedSummary } from "./summary-kind.ts";

/**
 * Fails with exit code 2 when `outDir` already exists (reports never overwrite).
 * @throws CliError
 */
export function assertFreshDirectory(outDir: string): void {
  if (existsSync(outDir)) throw new CliError(ExitCode.usage, outDirExists(outDir));
}

/** Writes the report of `tagged` into `outDir` in `formats` and returns the files written (relative paths). */
export async function writeReport(
  tagged: TaggedSummary,
  outDir: string,
  formats: readonly ReportFormat[],
): Promise<string[]> {
  // loaded on demand: the writers pull in Vega and the rasteriser, which commands failing on bad input never need
  const { writeCompareReport, writeRunReport, writeSweepReport } = await import(
    "../../reports/write-report.ts"
  );
  const options = { outDir, formats };
  if (tagged.kind === "run") return (await writeRunReport(tagged.summary, options)).files;
  if (tagged.kind === "compare") return (await writeCompareReport(tagged.summary, options)).files;
  return (await writeSweepReport(tagged.summary, options)).files;
}

/**
 * The file to point the user at: the HTML report when one was written, else the directory; relative to `cwd`
 * when it lies below it (shorter to read and to click), else absolute.
 */
export function mainFile(outDir: string, files: readonly string[], cwd: string): string {
  const html = files.find((file) => file.endsWith(".html") && !file.includes("/"));
  const path = html === undefined ? outDir : join(outDir, html);
  const shown = relative(cwd, path);
  return shown === "" || shown.startsWith("..") || isAbsolute(shown) ? path : shown;
}
