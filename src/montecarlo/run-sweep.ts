/**
 * runSweep: evaluate every point of a sweep (or one shard of them) with the same master seed (common random
 * numbers across points, so differences between points are not blurred by different random draws), and
 * compute the sensitivity measures from the points.
 *
 *   sweep -> base scenario -> planPoints (sweep-design.ts) -> shard filter -> validate every point ->
 *   runScenario per point on one shared pool -> SweepPoint[] -> assembleSweep (sensitivity.ts)
 *
 * Points of shard k of n are those with index % n === k (round-robin), and a point's result depends only on
 * the sweep, the seed and its index, so mergeSweeps of all shards equals the unsharded run byte for byte.
 */

import { getPath } from "../scenario/parameter-path.ts";
import { issuesError, loadBase, pointScenario } from "../scenario/point-scenario.ts";
import type { Sweep } from "../scenario/sweep-schema.ts";
import { defaultDescribeMetric } from "./describe-metric.ts";
import { globalSensitivity } from "./global-sensitivity.ts";
import type { Progress, ProgressCallback } from "./progress.ts";
import { ReplicationPool } from "./replication-pool.ts";
import { DEFAULT_SEED, positiveInteger, type RunOptions } from "./run-options.ts";
import { runScenario } from "./run-scenario.ts";
import { sensitivity } from "./sensitivity.ts";
import { boxQuestion, sweepBoxes } from "./sweep-boxes.ts";
import { gridValues, planPoints } from "./sweep-design.ts";
import { sweepFingerprint } from "./sweep-fingerprint.ts";
import { DEFAULT_MORRIS_LEVELS } from "./sweep-global-design.ts";
import { toolInfo } from "./tool-info.ts";
import type { KpiSummary, SweepPoint, SweepSummary } from "./types.ts";

/** Options of a sweep: run options (without precision stopping) plus the shard to evaluate. */
export interface SweepOptions extends Omit<RunOptions, "untilCi" | "pool"> {
  /** Evaluate only points with index % count === index (0-based shard index). */
  shard?: { index: number; count: number };
  /**
   * Points already evaluated by an earlier, interrupted run of the same sweep (same fingerprint): they are
   * kept as they are and not run again (resume). Points of other shards are ignored.
   */
  finished?: readonly SweepPoint[];
  /** Called with each point as soon as it is evaluated (to checkpoint it). */
  onPoint?: (point: SweepPoint) => void;
  /** Where batches run (default: a ReplicationPool of `workers`); not destroyed by runSweep. */
  pool?: ReplicationPool;
  /**
   * Points evaluated at the same time (default 1, one after another). Results do not depend on it; more than
   * one only helps a pool that can run many batches at once, such as a QueuePool.
   */
  concurrentPoints?: number;
}

/**
 * Runs the sweep's points (replications per point: options.replications, else the sweep's; seed:
 * options.seed, else the sweep's, else the default) and returns the SweepSummary. Cancelling returns the
 * points finished so far.
 *
 * @throws {RangeError} for an invalid shard, an unknown KPI of interest, or points whose scenario is invalid
 *   (the message lists the scenario issues).
 * @throws {ReplicationError} when a replication fails.
 */
export async function runSweep(sweep: Sweep, options: SweepOptions = {}): Promise<SweepSummary> {
  const seed = options.seed ?? sweep.seed ?? DEFAULT_SEED;
  const replications = options.replications ?? sweep.replications;
  positiveInteger("replications", replications);
  const shard = options.shard;
  if (shard !== undefined) {
    positiveInteger("shard.count", shard.count);
    if (!Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
      throw new RangeError(`shard.index must be an integer in [0, ${shard.count - 1}], got ${shard.index}`);
    }
  }
  const base = await loadBase(sweep.base, sweep.baseDir);
  if (!base.ok) throw issuesError(base.issues);
  const fingerprint = sweepFingerprint({
    sweep,
    base: base.scenario,
    version: toolInfo().version,
    seed,
    replications,
  });
  const planned = planPoints(sweep, seed, (path) => getPath(base.scenario, path));
  const finished = new Map((options.finished ?? []).map((point) => [point.index, point]));
  const points: SweepPoint[] = [];
  const mine = planned.filter((point) => {
    if (shard !== undefined && point.index % shard.count !== shard.index) return false;
    const done = finished.get(point.index);
    if (done !== undefined) points.push(done);
    return done === undefined;
  });
  const scenarios = mine.map((point) =>
    pointScenario(base.scenario, point.parameters, `point ${point.index}`),
  );
  const issues = scenarios.flatMap((result) => (result.ok ? [] : result.issues));
  if (issues.length > 0) throw issuesError(issues);

  const describe = options.describe ?? defaultDescribeMetric();
  const pool = options.pool ?? new ReplicationPool(options.workers);
  const total = mine.length * replications;
  const startedAt = performance.now();
  const {
    shard: _shard,
    finished: _finished,
    onPoint: _onPoint,
    pool: _pool,
    concurrentPoints: _concurrentPoints,
    onProgress,
    ...runOptions
  } = options;
  // points run one after another (lanes = 1) unless the pool is a queue that can take them all at once
  const lanes = Math.max(1, Math.min(options.concurrentPoints ?? 1, mine.length));
  const doneByPoint = new Array<number>(mine.length).fill(0);
  let next = 0;
  let stopped = false;
  const progressOf = (i: number): ProgressCallback | undefined => {
    if (onProgress === undefined) return undefined;
    if (lanes === 1) return offsetProgress(onProgress, i * replications, total, startedAt);
    return (progress) => {
      doneByPoint[i] = progress.done;
      const done = doneByPoint.reduce((sum, value) => sum + value, 0);
      onProgress(sweepProgress(done, total, startedAt));
    };
  };
  const lane = async (): Promise<void> => {
    while (!stopped) {
      const i = next++;
      if (i >= mine.length) return;
      const planned = mine[i]!;
      const scenario = scenarios[i]!;
      if (!scenario.ok) continue;
      if (options.signal?.aborted === true) break;
      const progress = progressOf(i);
      const summary = await runScenario(scenario.scenario, {
        ...runOptions,
        replications,
        seed,
        describe,
        pool,
        ...(progress === undefined ? {} : { onProgress: progress }),
      }).catch((error: unknown) => {
        // cancelled before this point's first replication finished: the sweep stops like any cancellation
        if (options.signal?.aborted === true) return undefined;
        stopped = true;
        throw error;
      });
      if (summary === undefined || summary.stoppedBy === "cancelled") break;
      const point: SweepPoint = {
        index: planned.index,
        parameters: planned.parameters,
        kpis: pickKpis(summary.kpis, sweep.kpis),
        role: planned.role,
      };
      if (planned.varied !== undefined) point.varied = planned.varied;
      points.push(point);
      options.onPoint?.(point);
    }
    stopped = true;
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    if (options.pool === undefined) await pool.destroy();
  }
  const summary = assembleSweep(
    {
      tool: toolInfo(),
      name: sweep.name ?? "sweep",
      seed,
      replicationsPerPoint: replications,
      sampling: sweep.sampling,
      ...designOf(sweep),
      parameters: sweep.parameters.map((parameter) =>
        parameter.range === undefined
          ? { path: parameter.path, values: parameter.values! }
          : {
              path: parameter.path,
              values: gridValues(parameter),
              min: parameter.range.min,
              max: parameter.range.max,
            },
      ),
      totalPoints: planned.length,
      fingerprint,
      ...(sweep.boxes === undefined ? {} : { boxes: sweep.boxes.map(boxQuestion) }),
    },
    points,
  );
  if (shard !== undefined) summary.shard = { index: shard.index, count: shard.count };
  return summary;
}

/** The fields of a SweepSummary that do not depend on which points were evaluated. */
export type SweepHeader = Pick<
  SweepSummary,
  | "tool"
  | "name"
  | "seed"
  | "replicationsPerPoint"
  | "sampling"
  | "design"
  | "parameters"
  | "totalPoints"
  | "fingerprint"
  | "boxes"
>;

/**
 * The summary of `points` (sorted by index) with sensitivity computed from them (and the header's box questions
 * answered from them); shared by runSweep and mergeSweeps so both build byte-identical JSON for the same points.
 */
export function assembleSweep(header: SweepHeader, points: SweepPoint[]): SweepSummary {
  const sorted = [...points].sort((a, b) => a.index - b.index);
  return {
    tool: header.tool,
    name: header.name,
    seed: header.seed,
    replicationsPerPoint: header.replicationsPerPoint,
    sampling: header.sampling,
    ...(header.design === undefined ? {} : { design: header.design }),
    ...(header.fingerprint === undefined ? {} : { fingerprint: header.fingerprint }),
    parameters: header.parameters,
    totalPoints: header.totalPoints,
    points: sorted,
    ...sensitivity(
      sorted,
      header.parameters.map((parameter) => parameter.path),
    ),
    ...globalSensitivity(header, sorted),
    ...(header.boxes === undefined
      ? {}
      : {
          boxes: sweepBoxes(
            header.boxes.map(({ box: _box, ...question }) => question),
            header.parameters.map((parameter) => parameter.path),
            sorted,
          ),
        }),
  };
}

/** The design size stamped on Sobol' and Morris sweeps (nothing for other samplings). */
function designOf(sweep: Sweep): Pick<SweepSummary, "design"> {
  if (sweep.sampling === "sobol") return { design: { samples: sweep.points! } };
  if (sweep.sampling === "morris") {
    return { design: { samples: sweep.trajectories!, levels: sweep.levels ?? DEFAULT_MORRIS_LEVELS } };
  }
  return {};
}

function pickKpis(
  kpis: Record<string, KpiSummary>,
  wanted: string[] | undefined,
): Record<string, KpiSummary> {
  if (wanted === undefined) return kpis;
  const out: Record<string, KpiSummary> = {};
  for (const name of wanted) {
    const kpi = kpis[name];
    if (kpi === undefined) {
      throw new RangeError(`kpis: no KPI named "${name}"; known KPIs: ${Object.keys(kpis).join(", ")}`);
    }
    out[name] = kpi;
  }
  return out;
}

// progress of one point's run, shifted to the sweep's total and measured from the sweep's start
function offsetProgress(
  callback: ProgressCallback,
  offset: number,
  total: number,
  startedAt: number,
): ProgressCallback {
  return (progress) => callback(sweepProgress(offset + progress.done, total, startedAt));
}

function sweepProgress(done: number, total: number, startedAt: number): Progress {
  const seconds = (performance.now() - startedAt) / 1000;
  const perSecond = seconds > 0 ? done / seconds : 0;
  return { done, total, perSecond, etaSeconds: perSecond > 0 ? (total - done) / perSecond : 0 };
}
