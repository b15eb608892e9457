/**
 * Public surface of the Monte Carlo layer: replications on a worker pool, summaries, comparisons on common
 * random numbers, parameter sweeps with sensitivity measures, and single-replication replay.
 */

export { type Sweep, type SweepParameter, sweepSchema } from "../scenario/sweep-schema.ts";
export { type CompareOptions, compareScenarios } from "./compare-scenarios.ts";
export type { DescribeMetric } from "./describe-metric.ts";
export { type LoadSweepResult, loadSweep } from "./load-sweep.ts";
export { type LadderRow, type LadderSummary, runMaturityLadder } from "./maturity-ladder-run.ts";
export { mergeSweeps } from "./merge-sweeps.ts";
export type { ModelRef, ReplicationFunction } from "./model-ref.ts";
export type { Progress, ProgressCallback } from "./progress.ts";
export { type ReplayOptions, replay } from "./replay.ts";
export { ReplicationError } from "./replication-error.ts";
export { defaultWorkers, ReplicationPool } from "./replication-pool.ts";
export type { AggregationOptions } from "./run-aggregator.ts";
export {
  DEFAULT_MAX_REPLICATIONS,
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  type RunOptions,
  type UntilCi,
} from "./run-options.ts";
export { runScenario } from "./run-scenario.ts";
export { runSweep, type SweepOptions } from "./run-sweep.ts";
export { fingerprintOfSweep, sweepFingerprint } from "./sweep-fingerprint.ts";
export { sweepToJson } from "./sweep-writers.ts";
export { TDigest, type TDigestState } from "./t-digest.ts";
