/**
 * Writes the report of any summary kind through the report writers and returns what was written. The writers are
 * atomic (temporary directory, then a claim of the final name that never replaces anything), so the report
 * directory either holds a complete report or does not exist. Before any time is spent running, this module
 * refuses an existing directory and checks that the folder can be written to.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rmdir } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { CliError, ExitCode } from "./exit-codes.ts";
import { fileSystemFailure } from "./file-system-error.ts";
import { chartsFailed, outDirExists, outDirTaken } from "./messages.ts";
import type { ReportFormat } from "./options.ts";
import type { TaggedSummary } from "./summary-kind.ts";

/**
 * Fails with exit code 2 when `outDir` already exists (reports never overwrite) or its folder cannot be written
 * (read-only, a path through a file, no permission): checked before the replications, not after.
 * @throws CliError
 */
export async function assertFreshDirectory(outDir: string): Promise<void> {
  if (existsSync(outDir)) throw new CliError(ExitCode.usage, outDirExists(outDir));
  const parent = dirname(outDir);
  try {
    await mkdir(parent, { recursive: true });
    await rmdir(await mkdtemp(join(parent, `.${basename(outDir)}.probe-`)));
  } catch (error) {
    // mkdir -p reports a file on the way as EEXIST; what the user needs to hear is that it is not a folder
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") (error as NodeJS.ErrnoException).code = "ENOTDIR";
    throw fileSystemFailure(error, "write the report to", outDir);
  }
}

/** The report writers, loaded on demand: they pull in Vega and the rasteriser, which bad input never needs. */
function reportWriters(): Promise<typeof import("../../reports/write-report.ts")> {
  return import("../../reports/write-report.ts");
}

/**
 * Starts loading the report writers now, for a command whose inputs have been checked and that is about to run
 * replications: the main thread mostly waits while worker threads start and run them, so the writers (about a
 * second of module loading through tsx, half that from compiled JavaScript, measured on a 2-core machine) are
 * ready when the run ends instead of being loaded after it. A failure to load is not reported here: the same
 * import fails again, with its error, when the report is written.
 */
export function preloadReportWriters(): void {
  reportWriters().catch(() => undefined);
}

/** Where a report went: its directory (which may differ from the one asked for) and its files. */
export interface ReportLocation {
  outDir: string;
  files: string[];
}

/**
 * Writes the report of `tagged` into `outDir` in `formats`. A default directory (`explicit` false) that another
 * run took meanwhile silently becomes `<outDir>-2`; an explicit `--out` that was taken keeps the finished report
 * under `<outDir>-2` and fails with exit 2 saying so. Charts that cannot be drawn fail with exit 1 after the data
 * files are written. `sweepKpis`: the KPIs a sweep report charts first (`--kpi`, the sweep file's `kpis:`).
 * @throws CliError
 */
export async function writeReport(
  tagged: TaggedSummary,
  outDir: string,
  formats: readonly ReportFormat[],
  explicit = true,
  sweepKpis?: readonly string[],
): Promise<ReportLocation> {
  const { ReportDirectoryTakenError, writeCompareReport, writeRunReport, writeSweepReport } =
    await reportWriters();
  const options = { outDir, formats, ifTaken: explicit ? ("fail" as const) : ("next" as const) };
  let written: Awaited<ReturnType<typeof writeRunReport>>;
  try {
    if (tagged.kind === "run") written = await writeRunReport(tagged.summary, options);
    else if (tagged.kind === "compare") written = await writeCompareReport(tagged.summary, options);
    else
      written = await writeSweepReport(
        tagged.summary,
        sweepKpis === undefined ? options : { ...options, kpis: sweepKpis },
      );
  } catch (error) {
    if (error instanceof ReportDirectoryTakenError)
      throw new CliError(ExitCode.usage, outDirTaken(error.requested, error.keptAt), { cause: error });
    throw fileSystemFailure(error, "write the report to", outDir);
  }
  if (written.chartError !== undefined)
    throw new CliError(ExitCode.runFailed, chartsFailed(written.chartError, written.outDir));
  return { outDir: written.outDir, files: written.files };
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
