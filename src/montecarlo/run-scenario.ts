/**
 * runScenario: many replications of one scenario on a worker pool, folded into a RunSummary.
 *
 *   options -> ReplicationPool (threads or in-process) -> runBatches (index order) -> RunAggregator -> summary
 */
import type { ResultMeta } from "../model/result.ts";
import { defaultDescribeMetric } from "./describe-metric.ts";
import { resolveModel } from "./model-ref.ts";
import { ReplicationPool } from "./replication-pool.ts";
import { RunAggregator } from "./run-aggregator.ts";
import { runBatches } from "./run-batches.ts";
import {
  DEFAULT_SEED,
  defaultBatchSize,
  plannedTotal,
  precisionRule,
  type RunOptions,
} from "./run-options.ts";
import { defaultSummaryRoles } from "./summary-roles.ts";
import type { RunSummary } from "./types.ts";

/**
 * Runs `options.replications` replications of `scenario` (a validated scenario object) with master seed
 * `options.seed` and summarises them. Results are bit-identical for any worker count and batch size.
 * When `options.signal` aborts, the pool (even a shared `options.pool`) is destroyed and the summary of the
 * replications folded so far is returned with `stoppedBy: "cancelled"`.
 *
 * @throws {ReplicationError} when a replication throws (index, seed and original cause).
 * @throws {RangeError} for invalid numeric options.
 * @throws the signal's reason when cancelled before any replication finished.
 */
export async function runScenario(scenario: object, options: RunOptions = {}): Promise<RunSummary> {
  const total = plannedTotal(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const startedAt = performance.now();
  const describe = options.describe ?? defaultDescribeMetric();
  const roles = defaultSummaryRoles();
  const aggregator = new RunAggregator({ ...options, reachSeries: options.reachSeries ?? roles.reachSeries });
  const pool = options.pool ?? new ReplicationPool(options.workers);
  let meta: ResultMeta | undefined;
  let cancelled = false;
  try {
    const outcome = await runBatches(pool, {
      model: resolveModel(options.model),
      scenarios: [scenario],
      seeds: [seed],
      names: [scenarioName(scenario)],
      total,
      batchSize: options.batchSize ?? defaultBatchSize(total),
      onReplication: (records, metas) => {
        meta ??= metas[0];
        aggregator.add(records[0]!);
      },
      // the aggregator copies what it keeps
      recycleRecords: true,
      shouldStop: precisionRule(
        options.untilCi,
        (name) => aggregator.kpi(name),
        () => aggregator.kpiNames(),
        roles.precisionKpis,
      ),
      signal: options.signal,
      onProgress: options.onProgress,
    });
    cancelled = outcome.stoppedBy === "cancelled";
    if (meta === undefined) throw options.signal?.reason ?? new Error("no replication finished");
    return aggregator.summarize({
      meta,
      seed,
      workers: pool.workers,
      elapsedMs: performance.now() - startedAt,
      stoppedBy: outcome.stoppedBy,
      describe,
    });
  } finally {
    // a cancelled run takes its pool down even when shared: no worker may keep running after an abort
    if (options.pool === undefined || cancelled) await pool.destroy();
  }
}

/** The scenario's `name` field when it has one (for error messages). */
export function scenarioName(scenario: object): string | undefined {
  const name = (scenario as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}
