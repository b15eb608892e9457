/**
 * `scalesim run [scenario...]`: runs each scenario's replications, writes one report per scenario and prints the
 * key results (or, with `--replay <i>`, reruns one replication alone and prints its trace). Without a scenario
 * argument it runs {@link DEFAULT_SCENARIO}, which is what `npm start` does.
 */

import { deliveryTargets } from "../../../reports/delivery-targets.ts";
import { simulate } from "../../model/simulate.ts";
import { replay, runScenario } from "../../montecarlo/index.ts";
import type { ReachTarget, RunSummary } from "../../montecarlo/types.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { keyResults, renderKeyResults } from "../key-results.ts";
import { reportWritten, stoppedBy } from "../messages.ts";
import { assertCiKpisKnown, monteCarloOptions, optionProblem } from "../monte-carlo-options.ts";
import { DEFAULT_FORMATS, DEFAULT_JOB_REPLICATIONS, DEFAULT_SEED, type ParsedOptions } from "../options.ts";
import { reportDirectories } from "../out-dir.ts";
import { createProgress, progressMode } from "../progress.ts";
import { queueWithoutUntilCi } from "../queue-messages.ts";
import { explainQueueFailure, openQueuePool } from "../queue-pool-option.ts";
import { assertFreshDirectory, mainFile, writeReport } from "../report-output.ts";
import { explainFailure } from "../run-failure.ts";
import { type ResolvedScenario, requireScenario } from "../scenario-argument.ts";
import { ladderCommand } from "./ladder.ts";

/**
 * Scenario run when none is given: the financial-services case study (level 1 to level 3+ over 18 months), the
 * run whose report answers a steering committee's questions: how many projects, how fast, at what cost and return.
 */
export const DEFAULT_SCENARIO = "financial-services";

/** What `--json` prints for one scenario. */
interface RunJson {
  scenario: string;
  name: string;
  outDir: string;
  files: string[];
  seed: number;
  replications: number;
  stoppedBy: RunSummary["stoppedBy"];
  elapsedMs: number;
  keyResults: ReturnType<typeof keyResults>;
  /** When each delivery target is reached (P50 and P80 months); empty when the scenario delivers nothing. */
  targets: ReachTarget[];
  kpis: RunSummary["kpis"];
}

/** Runs the `run` command; see the module comment. @throws CliError (exit 1 or 2) */
export async function runCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const scenarioArguments = operands.length > 0 ? operands : [DEFAULT_SCENARIO];
  const resolved: ResolvedScenario[] = [];
  for (const argument of scenarioArguments)
    resolved.push(await requireScenario(argument, context.cwd, options.maxWork, context.stderr));
  if (options.ladder === true) {
    await ladderCommand(resolved, options, context);
    return;
  }
  if (options.replay !== undefined) {
    for (const scenario of resolved) replayOne(scenario, options.replay, options, context);
    return;
  }
  const outDirs = reportDirectories(
    options.out,
    resolved.map((scenario) => scenario.label),
    context.cwd,
    context.now(),
  );
  for (const outDir of outDirs) await assertFreshDirectory(outDir);
  for (const scenario of resolved) await assertCiKpisKnown(scenario.scenario, options, context);
  const results: RunJson[] = [];
  const human = !options.json && !options.quiet;
  for (const [index, scenario] of resolved.entries()) {
    const summary = await runOne(scenario, options, context);
    // a stop before the report is written leaves nothing; main reports it with exit 130
    context.signal.throwIfAborted();
    const { outDir, files } = await writeReport(
      { kind: "run", summary },
      outDirs[index]!,
      options.format ?? DEFAULT_FORMATS,
      options.out !== undefined,
    );
    if (human) {
      if (summary.stoppedBy === "precision")
        context.stderr(`${stoppedBy(summary.stoppedBy, summary.replications)}\n`);
      context.stdout(
        `${renderKeyResults(summary)}${reportWritten(mainFile(outDir, files, context.cwd))}\n\n`,
      );
    }
    results.push({
      scenario: scenario.argument,
      name: summary.meta.scenarioName,
      outDir,
      files,
      seed: summary.seed,
      replications: summary.replications,
      stoppedBy: summary.stoppedBy,
      elapsedMs: summary.elapsedMs,
      keyResults: keyResults(summary),
      targets: deliveryTargets(summary),
      kpis: summary.kpis,
    });
  }
  if (options.json) context.stdout(`${JSON.stringify({ command: "run", runs: results }, null, 2)}\n`);
}

async function runOne(
  scenario: ResolvedScenario,
  options: ParsedOptions,
  context: CliContext,
): Promise<RunSummary> {
  if (options.queue !== undefined && options.untilCi !== undefined) {
    throw new CliError(ExitCode.usage, queueWithoutUntilCi());
  }
  const pool = options.queue === undefined ? undefined : await openQueuePool(options.queue);
  const progress = createProgress(progressMode(options, context), scenario.label, context);
  const runOptions = monteCarloOptions(options, context, (update) => progress.update(update));
  try {
    return await runScenario(scenario.scenario, {
      ...runOptions,
      ...(options.targets === undefined ? {} : { reachTargets: options.targets }),
      ...(pool === undefined ? {} : { pool, batchSize: options.jobReplications ?? DEFAULT_JOB_REPLICATIONS }),
    });
  } catch (error) {
    // a failing replication arrives as ReplicationError; a RangeError here is about the options (--ci-kpis)
    if (error instanceof RangeError) throw optionProblem(error);
    throw explainQueueFailure(explainFailure(error, () => scenario.argument));
  } finally {
    progress.stop();
    await pool?.destroy();
  }
}

function replayOne(
  scenario: ResolvedScenario,
  replication: number,
  options: ParsedOptions,
  context: CliContext,
): void {
  const seed = options.seed ?? DEFAULT_SEED;
  let result: ReturnType<typeof replay>;
  try {
    result = replay(scenario.scenario, { seed, replication, simulate });
  } catch (error) {
    const explained = explainFailure(error, () => scenario.argument);
    if (explained instanceof CliError) throw explained;
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(ExitCode.runFailed, `replication ${replication} (seed ${seed}) failed: ${detail}`, {
      cause: error,
    });
  }
  if (options.json) {
    context.stdout(
      `${JSON.stringify({ command: "replay", scenario: scenario.argument, result }, null, 2)}\n`,
    );
    return;
  }
  const lines = [...(result.trace ?? [])];
  if (!options.quiet) {
    lines.push("", `${scenario.label}: replication ${replication}, seed ${seed}`);
    for (const [name, value] of Object.entries(result.kpis)) lines.push(`  ${name} = ${value}`);
  }
  context.stdout(`${lines.join("\n")}\n`);
}
