/**
 * `scalesim run <scenario> --ladder`: the maturity ladder (issue 10, point 1). Levels 1-5 run on the scenario's
 * demand, finance and horizon and on its staff budget, on common random numbers; writes the comparison report
 * (level 1 as the baseline) plus `ladder.md`, and prints the ladder table with the mechanisms that differ.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ladderMarkdown } from "../../../reports/ladder-markdown.ts";
import { type LadderSummary, runMaturityLadder } from "../../montecarlo/maturity-ladder-run.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { reportWritten } from "../messages.ts";
import { monteCarloOptions, optionProblem } from "../monte-carlo-options.ts";
import { DEFAULT_FORMATS, type ParsedOptions } from "../options.ts";
import { reportDirectory } from "../out-dir.ts";
import { createProgress, progressMode } from "../progress.ts";
import { assertFreshDirectory, mainFile, preloadReportWriters, writeReport } from "../report-output.ts";
import { explainFailure } from "../run-failure.ts";
import type { ResolvedScenario } from "../scenario-argument.ts";

/** Runs the ladder over each resolved scenario in turn. @throws CliError (exit 1 or 2) */
export async function ladderCommand(
  resolved: readonly ResolvedScenario[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const runs: object[] = [];
  for (const scenario of resolved) {
    const outDir = reportDirectory(options.out, `ladder-${scenario.label}`, context.cwd, context.now());
    await assertFreshDirectory(outDir);
    preloadReportWriters();
    const progress = createProgress(progressMode(options, context), `ladder ${scenario.label}`, context);
    const runOptions = monteCarloOptions(options, context, (update) => progress.update(update));
    let summary: LadderSummary;
    try {
      summary = await runMaturityLadder(scenario.scenario, runOptions);
    } catch (error) {
      if (error instanceof RangeError && /staff budget/.test(error.message))
        throw new CliError(ExitCode.usage, `${scenario.argument}: ${error.message}`);
      if (error instanceof RangeError) throw optionProblem(error);
      throw explainFailure(error, () => scenario.argument);
    } finally {
      progress.stop();
    }
    context.signal.throwIfAborted();
    const written = await writeReport(
      { kind: "compare", summary: summary.compare },
      outDir,
      options.format ?? DEFAULT_FORMATS,
      options.out !== undefined,
    );
    const page = ladderMarkdown(summary);
    await writeFile(join(written.outDir, "ladder.md"), page);
    const files = [...written.files, "ladder.md"];
    if (options.json) {
      const { compare: _compare, ...ladder } = summary;
      runs.push({ scenario: scenario.argument, outDir: written.outDir, files, ...ladder });
    } else if (!options.quiet) {
      context.stdout(`${page}\n${reportWritten(mainFile(written.outDir, files, context.cwd))}\n\n`);
    }
  }
  if (options.json) context.stdout(`${JSON.stringify({ command: "ladder", runs }, null, 2)}\n`);
}
