/**
 * `scalesim report <summary>`: re-renders the report of a saved run, compare or sweep summary (for example in
 * other formats) without re-running anything.
 */
import type { CliContext } from "../context.ts";
import { reportWritten } from "../messages.ts";
import { DEFAULT_FORMATS, type ParsedOptions } from "../options.ts";
import { reportDirectory } from "../out-dir.ts";
import { assertFreshDirectory, mainFile, writeReport } from "../report-output.ts";
import { readSummary } from "../summary-file.ts";
import type { TaggedSummary } from "../summary-kind.ts";

function nameOf(tagged: TaggedSummary): string {
  if (tagged.kind === "run") return tagged.summary.meta.scenarioName;
  if (tagged.kind === "sweep") return tagged.summary.name;
  return `compare-${tagged.summary.scenarios.map((scenario) => scenario.meta.scenarioName).join("-vs-")}`;
}

/** Runs the `report` command; see the module comment. @throws CliError (exit 2) for a bad summary file */
export async function reportCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const tagged = readSummary(operands[0]!, context.cwd);
  const outDir = reportDirectory(options.out, `${nameOf(tagged)}-report`, context.cwd, context.now());
  await assertFreshDirectory(outDir);
  const written = await writeReport(
    tagged,
    outDir,
    options.format ?? DEFAULT_FORMATS,
    options.out !== undefined,
  );
  const { files } = written;
  if (options.json) {
    context.stdout(
      `${JSON.stringify({ command: "report", kind: tagged.kind, outDir: written.outDir, files }, null, 2)}\n`,
    );
  } else if (!options.quiet) {
    context.stdout(`${reportWritten(mainFile(written.outDir, files, context.cwd))}\n`);
  }
}
