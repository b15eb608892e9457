/**
 * `scalesim sweep <sweep-file>`: evaluates the sweep's points (grid, Latin hypercube or one-at-a-time), each with
 * the same seeds, and writes the sensitivity report; `--shard k/n` (or `--shard-from-env`) evaluates one share of
 * the points for `scalesim merge`; `--queue` runs the replications as jobs for `scalesim worker` processes.
 * Finished points are checkpointed beside the report directory, so a run killed part-way resumes.
 */
import { basename, extname, resolve } from "node:path";
import { loadSweep } from "../../montecarlo/load-sweep.ts";
import { runSweep } from "../../montecarlo/run-sweep.ts";
import { fingerprintOfSweep } from "../../montecarlo/sweep-fingerprint.ts";
import type { SweepSummary } from "../../montecarlo/types.ts";
import { formatIssues, loadBase } from "../../scenario/index.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { kpisDroppedBySweep, kpisNotReported } from "../kpi-names-option.ts";
import { reportWritten } from "../messages.ts";
import { monteCarloOptions } from "../monte-carlo-options.ts";
import {
  DEFAULT_FORMATS,
  DEFAULT_JOB_REPLICATIONS,
  type ParsedOptions,
  type ShardOption,
} from "../options.ts";
import { reportDirectory } from "../out-dir.ts";
import { createProgress, progressMode } from "../progress.ts";
import { resumedPoints, twoShardOptions } from "../queue-messages.ts";
import { explainQueueFailure, openQueuePool } from "../queue-pool-option.ts";
import { assertFreshDirectory, mainFile, preloadReportWriters, writeReport } from "../report-output.ts";
import { explainFailure } from "../run-failure.ts";
import { shardFromEnv } from "../shard-from-env.ts";
import { checkpointPath, openCheckpoint } from "../sweep-checkpoint.ts";
import { workProblem } from "../work-limit.ts";

/** Runs the `sweep` command; see the module comment. @throws CliError (exit 1 or 2) */
export async function sweepCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const argument = operands[0]!;
  const loaded = await loadSweep(resolve(context.cwd, argument));
  if (!loaded.ok) throw new CliError(ExitCode.usage, formatIssues(loaded.issues));
  const sweep = loaded.sweep;
  const kpis = reportKpis(argument, options.kpi, sweep.kpis);
  // the base's work per replication is checked like a run's; field bounds keep each point's values sane
  const baseScenario = await loadBase(sweep.base, sweep.baseDir);
  const tooMuch = baseScenario.ok ? workProblem(baseScenario.scenario, options.maxWork) : undefined;
  if (tooMuch !== undefined) throw new CliError(ExitCode.usage, `${argument}: base scenario: ${tooMuch}`);
  const label = basename(argument, extname(argument));
  const shard = chosenShard(options, context);
  const shardSuffix = shard ? `-shard-${shard.index}-of-${shard.count}` : "";
  const outDir = reportDirectory(options.out, `${label}${shardSuffix}`, context.cwd, context.now());
  await assertFreshDirectory(outDir);
  // the sweep file's replications and seed apply unless given on the command line
  const runChoice = {
    ...(options.replications === undefined ? {} : { replications: options.replications }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const fingerprint = await fingerprintOfSweep(sweep, runChoice).catch((error: unknown) => {
    throw error instanceof RangeError ? new CliError(ExitCode.usage, `${argument}: ${error.message}`) : error;
  });
  const checkpoint = openCheckpoint(checkpointPath(outDir, fingerprint, shardSuffix), fingerprint);
  if (checkpoint.finished.length > 0 && !options.quiet && !options.json) {
    context.stderr(`${resumedPoints(checkpoint.finished.length, checkpoint.path)}\n`);
  }
  const pool = options.queue === undefined ? undefined : await openQueuePool(options.queue);
  preloadReportWriters();
  const progress = createProgress(progressMode(options, context), label, context);
  const base = monteCarloOptions(options, context, (update) => progress.update(update));
  let summary: SweepSummary;
  try {
    summary = await runSweep(sweep, {
      workers: base.workers,
      signal: base.signal,
      onProgress: base.onProgress,
      ...runChoice,
      ...(shard ? { shard: { index: shard.index - 1, count: shard.count } } : {}),
      finished: checkpoint.finished,
      onPoint: checkpoint.save,
      ...(pool === undefined
        ? {}
        : {
            pool,
            concurrentPoints: QUEUED_POINTS,
            batchSize: options.jobReplications ?? DEFAULT_JOB_REPLICATIONS,
          }),
    });
  } catch (error) {
    // runSweep rejects KPIs of interest the model does not report with a RangeError: a problem of the sweep file
    if (error instanceof RangeError) throw new CliError(ExitCode.usage, `${argument}: ${error.message}`);
    throw explainQueueFailure(explainFailure(error, () => argument));
  } finally {
    progress.stop();
    await pool?.destroy();
  }
  context.signal.throwIfAborted();
  const missing = (kpis ?? []).filter((kpi) => !summary.points.some((p) => p.kpis[kpi] !== undefined));
  if (missing.length > 0 && !options.json) context.stderr(`${kpisNotReported(missing)}\n`);
  const written = await writeReport(
    { kind: "sweep", summary },
    outDir,
    options.format ?? DEFAULT_FORMATS,
    options.out !== undefined,
    kpis,
  );
  checkpoint.remove();
  const { files } = written;
  if (options.json) {
    const json = {
      command: "sweep",
      outDir: written.outDir,
      files,
      name: summary.name,
      seed: summary.seed,
      replicationsPerPoint: summary.replicationsPerPoint,
      totalPoints: summary.totalPoints,
      points: summary.points.length,
      ...(summary.shard ? { shard: `${summary.shard.index + 1}/${summary.shard.count}` } : {}),
      fingerprint: summary.fingerprint,
      resumedPoints: checkpoint.finished.length,
    };
    context.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else if (!options.quiet) {
    const shard = summary.shard ? ` (shard ${summary.shard.index + 1}/${summary.shard.count})` : "";
    context.stdout(`${summary.name}: ${summary.points.length} of ${summary.totalPoints} points${shard}\n`);
    context.stdout(`${reportWritten(mainFile(written.outDir, files, context.cwd))}\n`);
  }
}

/** Points whose jobs are on the queue at the same time: enough to keep many workers busy. */
const QUEUED_POINTS = 64;

/**
 * The KPIs the report is about: `--kpi`, else the sweep file's `kpis:`. With both, every `--kpi` must be one the
 * sweep keeps. @throws CliError (exit 2)
 */
function reportKpis(
  argument: string,
  asked: readonly string[] | undefined,
  kept: readonly string[] | undefined,
): readonly string[] | undefined {
  if (asked === undefined) return kept;
  const dropped = kept === undefined ? [] : asked.filter((kpi) => !kept.includes(kpi));
  if (dropped.length > 0) throw new CliError(ExitCode.usage, kpisDroppedBySweep(argument, dropped, kept!));
  return asked;
}

function chosenShard(options: ParsedOptions, context: CliContext): ShardOption | undefined {
  if (options.shardFromEnv === undefined) return options.shard;
  if (options.shard !== undefined) throw new CliError(ExitCode.usage, twoShardOptions());
  const count = options.shardFromEnv === true ? undefined : options.shardFromEnv;
  const shard = shardFromEnv(context.env ?? {}, count);
  if (typeof shard === "string") throw new CliError(ExitCode.usage, shard);
  return shard;
}
