/**
 * `scalesim compare <baseline> <alternatives...>`: runs every scenario on the same seeds (common random numbers),
 * writes one comparison report and prints the paired differences of the key KPIs.
 */
import { compareAnswers } from "../../../reports/compare-answer.ts";
import { compareScenarios } from "../../montecarlo/compare-scenarios.ts";
import type { CliContext } from "../context.ts";
import { renderAnswer, renderDifferences } from "../difference-table.ts";
import { crnEffectLine, reportWritten } from "../messages.ts";
import { assertCiKpisKnown, monteCarloOptions, optionProblem } from "../monte-carlo-options.ts";
import { DEFAULT_FORMATS, type ParsedOptions } from "../options.ts";
import { reportDirectory } from "../out-dir.ts";
import { createProgress, progressMode } from "../progress.ts";
import { assertFreshDirectory, mainFile, preloadReportWriters, writeReport } from "../report-output.ts";
import { explainFailure } from "../run-failure.ts";
import { type ResolvedScenario, requireScenario } from "../scenario-argument.ts";

/** Runs the `compare` command; see the module comment. @throws CliError (exit 1 or 2) */
export async function compareCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const resolved: ResolvedScenario[] = [];
  for (const argument of operands)
    resolved.push(await requireScenario(argument, context.cwd, options.maxWork, context.stderr));
  const name = `compare-${resolved.map((scenario) => scenario.label).join("-vs-")}`;
  const outDir = reportDirectory(options.out, name, context.cwd, context.now());
  await assertFreshDirectory(outDir);
  await assertCiKpisKnown(resolved[0]!.scenario, options, context);
  preloadReportWriters();
  const progress = createProgress(progressMode(options, context), "compare", context);
  const runOptions = monteCarloOptions(options, context, (update) => progress.update(update));
  let summary: Awaited<ReturnType<typeof compareScenarios>>;
  try {
    summary = await compareScenarios(
      resolved.map((scenario) => scenario.scenario),
      {
        ...runOptions,
        ...(options.crnCheck ? { crnCheck: true } : {}),
        ...(options.targets === undefined ? {} : { reachTargets: options.targets }),
      },
    );
  } catch (error) {
    // a failing replication arrives as ReplicationError; a RangeError here is about the options (--ci-kpis)
    if (error instanceof RangeError) throw optionProblem(error);
    throw explainFailure(error, (scenarioName) => {
      const index = resolved.findIndex((scenario) => scenario.scenario.name === scenarioName);
      return resolved[Math.max(0, index)]!.argument;
    });
  } finally {
    progress.stop();
  }
  context.signal.throwIfAborted();
  const written = await writeReport(
    { kind: "compare", summary },
    outDir,
    options.format ?? DEFAULT_FORMATS,
    options.out !== undefined,
  );
  const { files } = written;
  if (options.json) {
    const json = {
      command: "compare",
      outDir: written.outDir,
      files,
      seed: summary.seed,
      replications: summary.replications,
      scenarios: resolved.map((scenario, index) => ({
        scenario: scenario.argument,
        name: summary.scenarios[index]?.meta.scenarioName,
      })),
      answer: compareAnswers(summary),
      differences: summary.differences,
      ...(summary.reachDifferences ? { reachDifferences: summary.reachDifferences } : {}),
      ...(summary.crnEffect ? { crnEffect: summary.crnEffect } : {}),
    };
    context.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else if (!options.quiet) {
    const crn = summary.crnEffect ? `${crnEffectLine(summary.crnEffect)}\n` : "";
    context.stdout(
      `${renderAnswer(summary)}${renderDifferences(summary)}${crn}${reportWritten(mainFile(written.outDir, files, context.cwd))}\n`,
    );
  }
}
