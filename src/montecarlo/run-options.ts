/**
 * Options shared by runScenario and compareScenarios, their defaults, and the precision stopping rule.
 */

import type { DescribeMetric } from "./describe-metric.ts";
import type { ModelRef } from "./model-ref.ts";
import type { ProgressCallback } from "./progress.ts";
import type { ReplicationPool } from "./replication-pool.ts";
import type { AggregationOptions } from "./run-aggregator.ts";
import type { ScalarAccumulator } from "./scalar-accumulator.ts";

/** Replications when none are given. */
export const DEFAULT_REPLICATIONS = 200;

/** Master seed when none is given. */
export const DEFAULT_SEED = 20260101;

/** Replication cap of precision stopping when none is given. */
export const DEFAULT_MAX_REPLICATIONS = 5000;

/** Replications always run before precision is checked. */
export const DEFAULT_MIN_REPLICATIONS = 30;

/** Largest default batch: keeps per-task overhead small while leaving enough batches to balance workers. */
export const MAX_DEFAULT_BATCH = 20;

/** Stop adding replications once every chosen KPI's 95% CI half-width is within a share of its |mean|. */
export interface UntilCi {
  /** Target half-width as a share of |mean|, e.g. 0.02 for 2%. */
  relativeHalfWidth: number;
  /**
   * KPIs that must reach the target (default: those of the model's declared precision KPIs it reports, see
   * summary-roles.ts, or every KPI without a dot in its name when it reports none of them).
   */
  kpis?: string[];
  /** Replication cap ({@link DEFAULT_MAX_REPLICATIONS}). */
  maxReplications?: number;
  /** Replications before the first check ({@link DEFAULT_MIN_REPLICATIONS}). */
  minReplications?: number;
}

/** Options of a Monte Carlo run. */
export interface RunOptions extends AggregationOptions {
  /** Replications per scenario ({@link DEFAULT_REPLICATIONS}); ignored with `untilCi`. */
  replications?: number;
  /** Master seed ({@link DEFAULT_SEED}): replication i always uses the streams of (seed, i, name). */
  seed?: number;
  /** Worker threads (os.availableParallelism()); 1 runs in-process without a pool. Results do not depend on it. */
  workers?: number;
  /** Replications per task (min(20, ceil(total / 16))). Fixed-count results do not depend on it. */
  batchSize?: number;
  /** Precision stopping, checked at batch boundaries in index order. */
  untilCi?: UntilCi;
  /** Cancels the run: the pool is destroyed and the summary of the replications folded so far returned. */
  signal?: AbortSignal;
  /** Called after every batch folded. */
  onProgress?: ProgressCallback;
  /** Replication function by module (the model's simulate). */
  model?: ModelRef;
  /** Metric labels and units (default: the model's metric catalogue, describe-metric.ts). */
  describe?: DescribeMetric;
  /** An existing pool to run on (not destroyed by the run); by default a pool is created and destroyed. */
  pool?: ReplicationPool;
}

/** The batch size used when none is given: depends only on the planned total, never on the worker count. */
export function defaultBatchSize(total: number): number {
  return Math.max(1, Math.min(MAX_DEFAULT_BATCH, Math.ceil(total / 16)));
}

/**
 * Checks numeric options and returns the planned total (replications or the precision cap).
 *
 * @throws {RangeError} naming the option and its value.
 */
export function plannedTotal(options: RunOptions): number {
  const { untilCi } = options;
  if (untilCi !== undefined) {
    const { relativeHalfWidth } = untilCi;
    if (!(relativeHalfWidth > 0) || !Number.isFinite(relativeHalfWidth)) {
      throw new RangeError(`untilCi.relativeHalfWidth must be > 0, got ${relativeHalfWidth}`);
    }
    const max = untilCi.maxReplications ?? DEFAULT_MAX_REPLICATIONS;
    positiveInteger("untilCi.maxReplications", max);
    if (untilCi.minReplications !== undefined)
      positiveInteger("untilCi.minReplications", untilCi.minReplications);
    return max;
  }
  const replications = options.replications ?? DEFAULT_REPLICATIONS;
  positiveInteger("replications", replications);
  return replications;
}

/**
 * A stop predicate for `untilCi` over the accumulators `lookup` returns, or undefined without `untilCi`;
 * `defaultKpis` are the KPIs checked when `untilCi.kpis` is not given (those of them that `names` lists).
 *
 * @throws {RangeError} (from the predicate) when a chosen KPI was never reported.
 */
export function precisionRule(
  untilCi: UntilCi | undefined,
  lookup: (name: string) => ScalarAccumulator | undefined,
  names: () => string[],
  defaultKpis: readonly string[],
): ((done: number) => boolean) | undefined {
  if (untilCi === undefined) return undefined;
  const min = untilCi.minReplications ?? DEFAULT_MIN_REPLICATIONS;
  return (done) => {
    if (done < min) return false;
    const chosen = untilCi.kpis ?? precisionKpis(names(), defaultKpis);
    for (const name of chosen) {
      const acc = lookup(name);
      if (acc === undefined) {
        throw new RangeError(`untilCi.kpis: no KPI named "${name}"; known KPIs: ${names().join(", ")}`);
      }
      if (acc.n < 2 || acc.halfWidth95 > untilCi.relativeHalfWidth * Math.abs(acc.mean)) return false;
    }
    return true;
  };
}

/** @throws {RangeError} when value is not an integer >= 1. */
export function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be an integer >= 1, got ${value}`);
}

function precisionKpis(names: string[], defaultKpis: readonly string[]): string[] {
  const known = defaultKpis.filter((name) => names.includes(name));
  return known.length > 0 ? known : names.filter((name) => !name.includes("."));
}
