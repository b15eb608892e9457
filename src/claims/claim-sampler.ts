/**
 * Paired replications of a claim's baseline and treatment on common random numbers: replication i of each scenario
 * draws from the streams of (seed, i, name), so the pairs share their random numbers whichever batch or claim ran
 * them (replication-cache.ts), and a later batch starting at index `first` continues the same sequence: sequential
 * sampling adds replications without redrawing the earlier ones.
 */
import type { Scenario } from "../scenario/schema.ts";
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
 * @throws {RangeError} when a replication does not report the metric (message lists what it reports).
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
  const out: PairedValues = { baseline: baseline.map((r) => metricValue(r, metric)) };
  if (treatment !== undefined) out.treatment = treatment.map((r) => metricValue(r, metric));
  return out;
}

/**
 * The value of `metric` in one replication.
 *
 * @throws {RangeError} when the replication does not report it.
 */
export function metricValue(record: CachedReplication, metric: ClaimMetric): number {
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
