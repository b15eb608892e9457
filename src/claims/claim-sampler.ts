/**
 * Paired replications of a claim's baseline and treatment on common random numbers: replication i of each scenario
 * draws from the streams of (seed, i, name), so the pairs share their random numbers whichever batch or claim ran
 * them (replication-cache.ts), and a later batch starting at index `first` continues the same sequence: sequential
 * sampling adds replications without redrawing the earlier ones.
 */
import type { Scenario } from "../scenario/schema.ts";
import { suggest } from "../scenario/suggest.ts";
import type { CachedReplication, ReplicationCache } from "./replication-cache.ts";

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
}

/**
 * The metric's values in replications first..first + count - 1 of `baseline` (and `treatment`).
 *
 * @throws {RangeError} when no replication of the batch reports the metric (a did-you-mean in the message).
 * @throws {ReplicationError} when a replication throws.
 */
export async function samplePairs(
  cache: ReplicationCache,
  metric: ClaimMetric,
  scenarios: { baseline: Scenario; treatment?: Scenario | undefined },
  first: number,
  count: number,
): Promise<PairedValues> {
  const [baseline, treatment] = await Promise.all([
    cache.get(scenarios.baseline, first, count),
    scenarios.treatment === undefined ? undefined : cache.get(scenarios.treatment, first, count),
  ]);
  const out: PairedValues = { baseline: values(baseline, metric) };
  if (treatment !== undefined) out.treatment = values(treatment, metric);
  return out;
}

// a replication may leave a KPI out (no project delivered: no cost per delivered project); that replication then
// has no value (NaN, skipped by the estimate); a metric no replication of the batch reports is an error
function values(records: readonly CachedReplication[], metric: ClaimMetric): number[] {
  const out = records.map((record) => metricValue(record, metric));
  if (out.length > 0 && out.every(Number.isNaN)) throw new RangeError(metricProblem(records[0]!, metric));
  return out;
}

/** The value of `metric` in one replication, NaN when the replication does not report it. */
export function metricValue(record: CachedReplication, metric: ClaimMetric): number {
  if (metric.name.startsWith("series.")) {
    const series = record.series[metric.name.slice("series.".length)];
    const month = metric.month ?? 1;
    return series === undefined || month > series.length ? Number.NaN : series[month - 1]!;
  }
  return record.kpis[metric.name] ?? Number.NaN;
}

/** Why a replication has no value for `metric`. */
export function metricProblem(record: CachedReplication, metric: ClaimMetric): string {
  if (!metric.name.startsWith("series."))
    return unknownMetric(metric.name, "KPI of that name", Object.keys(record.kpis), "");
  const name = metric.name.slice("series.".length);
  const series = record.series[name];
  if (series === undefined)
    return unknownMetric(metric.name, `series "${name}"`, Object.keys(record.series), "series.");
  return `metric "${metric.name}": month ${metric.month ?? 1} is past the horizon (${series.length} months)`;
}

/** The message for a metric the model does not report: a did-you-mean, else a few of the names it does report. */
function unknownMetric(metric: string, what: string, known: readonly string[], prefix: string): string {
  const guess = suggest(metric.slice(prefix.length), known);
  const hint =
    guess !== undefined
      ? `did you mean "${prefix}${guess}"?`
      : `it reports ${known.length} such as ${[...known].sort().slice(0, 8).join(", ")} (see summary.json of a run)`;
  return `metric "${metric}": the model reports no ${what}; ${hint}`;
}
