/**
 * `scalesim run [scenario...]`: runs each scenario's replications, writes one report per scenario and prints the
 * key results (or, with `--replay <i>`, reruns one replication alone and prints its trace). Without a scenario
 * argument it runs {@link DEFAULT_SCENARIO}, which is what `npm start` does. Each report and the terminal also show
 * the verdicts of the claims about the scenario ("against the guide": the claims of `--claims`, default the guide's,
 * whose baseline or treatment is the scenario; src/claims/run-claims.ts), at the run's seed and replications.
 */

import { join, resolve } from "node:path";
import { renderRunClaims } from "../../../reports/claims/run-claims-text.ts";
import { deliveryTargets } from "../../../reports/delivery-targets.ts";
import { type LoadedClaims, loadClaims } from "../../claims/load-claims.ts";
import { RecordingReplicationPool } from "../../claims/recording-pool.ts";
import { claimsAbout, evaluateRunClaims } from "../../claims/run-claims.ts";
import type { RunClaims, RunSummaryWithClaims } from "../../claims/types.ts";
import type { ReplicationPool } from "../../montecarlo/replication-pool.ts";
import { runScenario } from "../../montecarlo/run-scenario.ts";
import type { ReachTarget, RunSummary } from "../../montecarlo/types.ts";
import { formatIssues } from "../../scenario/index.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { keyResults, renderKeyResults } from "../key-results.ts";
import { reportWritten, stoppedBy } from "../messages.ts";
import { assertCiKpisKnown, monteCarloOptions, optionProblem } from "../monte-carlo-options.ts";
import { DEFAULT_FORMATS, DEFAULT_JOB_REPLICATIONS, DEFAULT_SEED, type ParsedOptions } from "../options.ts";
import { reportDirectories } from "../out-dir.ts";
import { packageInfo } from "../package-info.ts";
import { createProgress, progressMode } from "../progress.ts";
import { queueWithoutUntilCi } from "../queue-messages.ts";
import { explainQueueFailure, openQueuePool } from "../queue-pool-option.ts";
import { assertFreshDirectory, mainFile, preloadReportWriters, writeReport } from "../report-output.ts";
import { explainFailure } from "../run-failure.ts";
import { type ResolvedScenario, requireScenario } from "../scenario-argument.ts";
import { DEFAULT_CLAIMS_FILE } from "./claims.ts";
import { ladderCommand } from "./ladder.ts";

/**
 * Scenario run when none is given: the financial-services case study (level 1 to level 3+ over 18 months), the
 * run whose report answers a steering committee's questions: how many projects, how fast, at what cost and return.
 * It is the case study's file in the package (the preset plus the bank's level-1 cost per project), the scenario the
 * guide's claims about the case study name, so the default report carries their verdicts.
 */
export const DEFAULT_SCENARIO = "scenarios/financial-services.yaml";

/** `--claims` value that turns the "against the guide" panel off. */
export const NO_CLAIMS = "none";

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
  /** Verdicts of the claims about this scenario (the report's "against the guide" panel), when there are any. */
  claims?: RunClaims;
}

/** Runs the `run` command; see the module comment. @throws CliError (exit 1 or 2) */
export async function runCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const resolved: ResolvedScenario[] = [];
  for (const argument of operands)
    resolved.push(await requireScenario(argument, context.cwd, options.maxWork, context.stderr));
  if (operands.length === 0)
    resolved.push(
      await requireScenario(DEFAULT_SCENARIO, packageInfo().root, options.maxWork, context.stderr),
    );
  if (options.ladder === true) {
    await ladderCommand(resolved, options, context);
    return;
  }
  if (options.replay !== undefined) {
    for (const scenario of resolved) await replayOne(scenario, options.replay, options, context);
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
  const claims = await claimsOfRun(options, context);
  preloadReportWriters();
  const results: RunJson[] = [];
  const human = !options.json && !options.quiet;
  for (const [index, scenario] of resolved.entries()) {
    const about = claims === undefined ? undefined : claimsAbout(claims, scenario.scenario);
    const { summary, panel, ran } = await runWithClaims(scenario, about, options, context);
    // a stop before the report is written leaves nothing; main reports it with exit 130
    context.signal.throwIfAborted();
    const withClaims: RunSummaryWithClaims = panel === undefined ? summary : { ...summary, claims: panel };
    const { outDir, files } = await writeReport(
      { kind: "run", summary: withClaims },
      outDirs[index]!,
      options.format ?? DEFAULT_FORMATS,
      options.out !== undefined,
    );
    if (human) {
      if (summary.stoppedBy === "precision")
        context.stderr(`${stoppedBy(summary.stoppedBy, summary.replications)}\n`);
      const guide = panel === undefined ? "" : `${renderRunClaims(panel, ran ?? 0)}\n`;
      context.stdout(
        `${renderKeyResults(summary)}${guide}${reportWritten(mainFile(outDir, files, context.cwd))}\n\n`,
      );
    }
    const json: RunJson = {
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
    };
    if (panel !== undefined) json.claims = panel;
    results.push(json);
  }
  if (options.json) context.stdout(`${JSON.stringify({ command: "run", runs: results }, null, 2)}\n`);
}

/**
 * The claims file of the "against the guide" panel (`--claims`, default the guide's), loaded and checked before
 * anything runs; undefined with `--claims none`.
 * @throws CliError (exit 2) when the file has issues
 */
async function claimsOfRun(options: ParsedOptions, context: CliContext): Promise<LoadedClaims | undefined> {
  if (options.claims === NO_CLAIMS) return undefined;
  const file =
    options.claims === undefined
      ? { argument: DEFAULT_CLAIMS_FILE, path: join(packageInfo().root, DEFAULT_CLAIMS_FILE) }
      : { argument: options.claims, path: resolve(context.cwd, options.claims) };
  const loaded = await loadClaims(file.path);
  if (!loaded.ok) throw new CliError(ExitCode.usage, formatIssues(loaded.issues));
  return { ...loaded.claims, file: file.argument };
}

/**
 * Runs the scenario, then the claims about it (run-claims.ts) on the same seed and replication count. The run's
 * pool records its replications so the claims read them instead of running them again (not with `--queue`, whose
 * replications run elsewhere: there the claims' replications run on local threads).
 */
async function runWithClaims(
  scenario: ResolvedScenario,
  about: LoadedClaims | undefined,
  options: ParsedOptions,
  context: CliContext,
): Promise<{ summary: RunSummary; panel?: RunClaims; ran?: number }> {
  if (about === undefined || about.claims.length === 0)
    return { summary: await runOne(scenario, options, context) };
  const workers = monteCarloOptions(options, context, () => undefined).workers;
  const metrics = about.claims.flatMap(({ claim }) => (claim.metric === undefined ? [] : [claim.metric]));
  const recording = options.queue === undefined ? new RecordingReplicationPool(workers, metrics) : undefined;
  try {
    const summary = await runOne(scenario, options, context, recording);
    if (summary.stoppedBy === "cancelled") return { summary };
    const progress = createProgress(progressMode(options, context), `${scenario.label}: claims`, context);
    const outcome = await evaluateRunClaims(
      about,
      {
        scenario: scenario.scenario,
        seed: summary.seed,
        replications: summary.replications,
        records: recording?.replications(summary.replications),
      },
      {
        workers,
        signal: context.signal,
        onProgress: (update) => progress.update(update),
        ...(recording === undefined ? {} : { pool: recording }),
      },
    )
      .catch((error: unknown) => {
        context.signal.throwIfAborted();
        if (error instanceof RangeError)
          throw new CliError(ExitCode.usage, `${about.file}: ${error.message}`);
        throw explainFailure(error, () => about.file);
      })
      .finally(() => progress.stop());
    return { summary, panel: outcome.claims, ran: outcome.ran };
  } finally {
    await recording?.destroy();
  }
}

async function runOne(
  scenario: ResolvedScenario,
  options: ParsedOptions,
  context: CliContext,
  localPool?: ReplicationPool,
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
      ...(pool === undefined && localPool !== undefined ? { pool: localPool } : {}),
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

/**
 * Reruns one replication on this thread. The model is imported here, not at the top: a run's replications go to
 * worker threads, and the main thread would otherwise load the whole model (about 60 modules) for nothing.
 */
async function replayOne(
  scenario: ResolvedScenario,
  replication: number,
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const seed = options.seed ?? DEFAULT_SEED;
  const [{ replay }, { simulate }] = await Promise.all([
    import("../../montecarlo/replay.ts"),
    import("../../model/simulate.ts"),
  ]);
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
