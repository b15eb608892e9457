/**
 * `scalesim merge <part...>`: combines the summaries of sweep shards (run with `--shard k/n`, possibly on
 * different machines) into one sweep summary and writes its report.
 */
import { mergeSweeps } from "../../montecarlo/merge-sweeps.ts";
import type { SweepSummary } from "../../montecarlo/types.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { notASummary, reportWritten } from "../messages.ts";
import { DEFAULT_FORMATS, type ParsedOptions } from "../options.ts";
import { reportDirectory } from "../out-dir.ts";
import { assertFreshDirectory, mainFile, writeReport } from "../report-output.ts";
import { readSummary } from "../summary-file.ts";

/** Runs the `merge` command; see the module comment. @throws CliError (exit 2) for parts that do not fit */
export async function mergeCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const parts: SweepSummary[] = operands.map((argument) => {
    const tagged = readSummary(argument, context.cwd, "sweep");
    if (tagged.kind !== "sweep") throw new CliError(ExitCode.usage, notASummary(argument, "sweep"));
    return tagged.summary;
  });
  let merged: SweepSummary;
  try {
    merged = mergeSweeps(parts);
  } catch (error) {
    // mergeSweeps rejects parts of different sweeps or seeds with a RangeError naming the mismatch
    if (error instanceof RangeError || error instanceof TypeError)
      throw new CliError(ExitCode.usage, error.message);
    throw error;
  }
  const outDir = reportDirectory(options.out, merged.name, context.cwd, context.now());
  await assertFreshDirectory(outDir);
  const written = await writeReport(
    { kind: "sweep", summary: merged },
    outDir,
    options.format ?? DEFAULT_FORMATS,
    options.out !== undefined,
  );
  const { files } = written;
  if (options.json) {
    const json = {
      command: "merge",
      outDir: written.outDir,
      files,
      name: merged.name,
      totalPoints: merged.totalPoints,
      points: merged.points.length,
    };
    context.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else if (!options.quiet) {
    context.stdout(`${reportWritten(mainFile(written.outDir, files, context.cwd))}\n`);
  }
}
