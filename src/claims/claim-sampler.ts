/**
 * Paired replications of a claim's baseline and treatment on common random numbers: both scenarios run in the same
 * batches with the same master seed (runBatches), so replication i of each draws from the streams of
 * (seed, i, name), and a later batch starting at index `first` continues the same sequence: sequential sampling adds
 * replications without redrawing the earlier ones.
 */
import type { ModelRef } from "../montecarlo/model-ref.ts";
import type { ReplicationPool } from "../montecarlo/replication-pool.ts";
import type { ReplicationRecord } from "../montecarlo/replication-record.ts";
import { runBatches } from "../montecarlo/run-batches.ts";
import { defaultBatchSize } from "../montecarlo/run-options.ts";
import type { Scenario } from "../scenario/schema.ts";

/** The metric a claim reads from each replication. */
export interface ClaimMetric {
  /** A KPI name, or `series.<name>`. */
  name: string;
  /** 1-based month of a series metric. */
  month?: number;
}

/** Paired per-replication values (treatment absent for a claim about the baseline alone). */
export interface PairedValues {
  baseline: number[];
  treatment?: number[];
  /** False when the run was cancelled before every replication finished. */
  complete: boolean;
}

/** What a sample needs besides the scenarios. */
export interface SampleContext {
  pool: ReplicationPool;
  model: Required<ModelRef>;
  seed: number;
  signal?: AbortSignal | undefined;
  /** Called with the number of replications folded since the last call. */
  onReplications?: (count: number) => void;
}

/**
 * Runs replications first..first + count - 1 of `baseline` (and `treatment`) and returns the metric's values.
 *
 * @throws {RangeError} when a replication does not report the metric (message lists what it reports).
 * @throws {ReplicationError} when a replication throws.
 */
export async function samplePairs(
  context: SampleContext,
  metric: ClaimMetric,
  scenarios: { baseline: Scenario; treatment?: Scenario | undefined },
  first: number,
  count: number,
): Promise<PairedValues> {
  const list =
    scenarios.treatment === undefined ? [scenarios.baseline] : [scenarios.baseline, scenarios.treatment];
  const values: number[][] = list.map(() => []);
  const outcome = await runBatches(context.pool, {
    model: context.model,
    scenarios: list,
    seeds: list.map(() => context.seed),
    names: list.map((scenario) => scenario.name),
    first,
    total: count,
    batchSize: defaultBatchSize(count),
    onReplication: (records) => {
      records.forEach((record, s) => {
        values[s]!.push(metricValue(record, metric));
      });
      context.onReplications?.(1);
    },
    signal: context.signal,
  });
  const out: PairedValues = { baseline: values[0]!, complete: outcome.stoppedBy !== "cancelled" };
  if (values[1] !== undefined) out.treatment = values[1];
  return out;
}

/**
 * The value of `metric` in one replication's record.
 *
 * @throws {RangeError} when the record does not have it.
 */
export function metricValue(record: ReplicationRecord, metric: ClaimMetric): number {
  if (metric.name.startsWith("series.")) {
    const name = metric.name.slice("series.".length);
    const series = record.series[name];
    if (series === undefined)
      throw new RangeError(
        `metric "${metric.name}": the model reports no series "${name}"; series: ${Object.keys(record.series).sort().join(", ")}`,
      );
    const month = metric.month ?? 1;
    if (month > series.length)
      throw new RangeError(
        `metric "${metric.name}": month ${month} is past the horizon (${series.length} months)`,
      );
    return series[month - 1]!;
  }
  const value = record.kpis[metric.name];
  if (value === undefined)
    throw new RangeError(
      `metric "${metric.name}": the model reports no KPI of that name; KPIs: ${Object.keys(record.kpis).sort().join(", ")}`,
    );
  return value;
}
