/**
 * Replications shared between claims: many claims of a file name the same scenario (the guide's claims read a dozen
 * KPIs of the same five maturity levels), and replication i of a scenario is the same whichever claim asks for it,
 * because its streams are those of (seed, i, name) (engine/random: stream seeds are hashes, common random numbers
 * come from the seed alone, not from running scenarios side by side). So each (scenario, replication) runs once per
 * claims run; the cache keeps each replication's KPIs and series (not its cost rows or samples).
 */
import { canonicalJson } from "../montecarlo/canonical-json.ts";
import type { ModelRef } from "../montecarlo/model-ref.ts";
import type { ReplicationPool } from "../montecarlo/replication-pool.ts";
import type { ReplicationRecord } from "../montecarlo/replication-record.ts";
import { runBatches } from "../montecarlo/run-batches.ts";
import { defaultBatchSize } from "../montecarlo/run-options.ts";
import type { Scenario } from "../scenario/schema.ts";

/** What a claim can read of one replication. */
export interface CachedReplication {
  kpis: Record<string, number>;
  series: Record<string, ArrayLike<number>>;
}

/**
 * What a claim keeps of a replication's record: its KPIs and a copy of every series (a record's arrays are valid
 * only while it is handed on: a worker's batch gives its buffers back for reuse afterwards, run-batches.ts).
 */
export function cachedReplication(record: ReplicationRecord): CachedReplication {
  const series: Record<string, number[]> = {};
  for (const name in record.series) series[name] = Array.from(record.series[name]!);
  return { kpis: record.kpis, series };
}

/** Where replications run. */
export interface CacheContext {
  pool: ReplicationPool;
  model: Required<ModelRef>;
  seed: number;
  signal?: AbortSignal | undefined;
  /** Called with each replication actually run (cache hits are not counted). */
  onReplication?: () => void;
}

/** Replications of scenarios, by scenario content and replication index, each run at most once. */
export class ReplicationCache {
  readonly #context: CacheContext;
  readonly #byScenario = new Map<string, Map<number, Promise<CachedReplication>>>();
  /** Replications run (not served from the cache). */
  ran = 0;

  constructor(context: CacheContext) {
    this.#context = context;
  }

  /**
   * Records replications `first`.. of `scenario` that already ran elsewhere (a run's own replications, read back by
   * its claims panel): they are served as if this cache had run them. The caller vouches that they are replications
   * of this scenario on this cache's seed.
   */
  add(scenario: Scenario, first: number, records: readonly CachedReplication[]): void {
    const key = canonicalJson(scenario);
    let byIndex = this.#byScenario.get(key);
    if (byIndex === undefined) {
      byIndex = new Map();
      this.#byScenario.set(key, byIndex);
    }
    for (const [k, record] of records.entries()) byIndex.set(first + k, Promise.resolve(record));
  }

  /**
   * Replications first..first + count - 1 of `scenario`, in index order; the missing ones run as one plan.
   *
   * @throws {ReplicationError} when a replication throws; an AbortError-like rejection when cancelled.
   */
  get(scenario: Scenario, first: number, count: number): Promise<CachedReplication[]> {
    const key = canonicalJson(scenario);
    let byIndex = this.#byScenario.get(key);
    if (byIndex === undefined) {
      byIndex = new Map();
      this.#byScenario.set(key, byIndex);
    }
    const missing: number[] = [];
    for (let i = first; i < first + count; i++) if (!byIndex.has(i)) missing.push(i);
    if (missing.length > 0) this.#run(scenario, byIndex, missing[0]!, missing.at(-1)! - missing[0]! + 1);
    return Promise.all(Array.from({ length: count }, (_, k) => byIndex.get(first + k)!));
  }

  #run(
    scenario: Scenario,
    byIndex: Map<number, Promise<CachedReplication>>,
    first: number,
    count: number,
  ): void {
    const pending = new Map<
      number,
      { resolve: (r: CachedReplication) => void; reject: (e: unknown) => void }
    >();
    for (let i = first; i < first + count; i++) {
      if (byIndex.has(i)) continue;
      const promise = new Promise<CachedReplication>((resolve, reject) =>
        pending.set(i, { resolve, reject }),
      );
      // a rejection nobody awaits yet (a later index of a failed plan) must not count as unhandled
      promise.catch(() => undefined);
      byIndex.set(i, promise);
    }
    let next = first;
    runBatches(this.#context.pool, {
      model: this.#context.model,
      scenarios: [scenario],
      seeds: [this.#context.seed],
      names: [scenario.name],
      first,
      total: count,
      batchSize: defaultBatchSize(count),
      onReplication: (records) => {
        const index = next++;
        const record = records[0]!;
        this.ran++;
        this.#context.onReplication?.();
        pending.get(index)?.resolve(cachedReplication(record));
        pending.delete(index);
      },
      signal: this.#context.signal,
    }).then(
      () => {
        const reason = this.#context.signal?.reason ?? new Error("claims run cancelled");
        for (const [index, waiter] of pending) {
          waiter.reject(reason);
          byIndex.delete(index);
        }
      },
      (error: unknown) => {
        for (const [index, waiter] of pending) {
          waiter.reject(error);
          byIndex.delete(index);
        }
      },
    );
  }
}
