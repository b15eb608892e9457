/**
 * The scheduling loop shared by run, compare and sweep: sends batches of consecutive replications to a
 * ReplicationPool with a bounded number in flight, buffers batches that finish out of order and hands them
 * on strictly in replication-index order, so that everything downstream is independent of worker count and
 * completion order. Optional stopping (precision) is checked only at batch boundaries, in index order.
 *
 *   1. submit batches 0..window-1 to the pool
 *   2. a batch finishes -> buffer it under its index
 *   3. while the next index is buffered: fail on its failure, else hand it on, report progress, ask to stop
 *   4. submit more until the plan is exhausted
 */
import { setMaxListeners } from "node:events";
import type { ResultMeta } from "../model/result.ts";
import type { ModelRef } from "./model-ref.ts";
import type { ProgressCallback } from "./progress.ts";
import { ReplicationError } from "./replication-error.ts";
import type { ReplicationPool } from "./replication-pool.ts";
import type { ReplicationRecord } from "./replication-record.ts";
import type { BatchFailure, BatchOutcome } from "./run-batch.ts";

/** What to run and where the results go. */
export interface BatchPlan {
  model: Required<ModelRef>;
  scenarios: unknown[];
  seeds: number[];
  /** Scenario names, for error messages. */
  names?: Array<string | undefined>;
  /** First replication index (default 0). */
  first?: number;
  /** Replications to run at most. */
  total: number;
  batchSize: number;
  /** Receives each replication's records (one per scenario) in index order, with the scenarios' metas. */
  onReplication: (records: ReplicationRecord[], metas: ResultMeta[]) => void;
  /**
   * True when nothing keeps a record's arrays after `onReplication` returns: each folded batch's buffers then go
   * back to the workers for reuse (replication-pool.ts), which empties those arrays. Default false.
   */
  recycleRecords?: boolean;
  /** Asked at each batch boundary (in index order) with the replications done; true stops the run. */
  shouldStop?: ((done: number) => boolean) | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ProgressCallback | undefined;
}

/** How the loop ended. */
export interface BatchRunResult {
  done: number;
  stoppedBy: "count" | "precision" | "cancelled";
}

/**
 * Runs the plan on `pool`; resolves when every batch is folded, the stop predicate is true or `signal` aborts
 * (in-flight batches are then aborted).
 *
 * @throws {ReplicationError} for the lowest-index replication that threw.
 * @throws {RangeError} when total or batchSize is not a positive integer.
 */
export function runBatches(pool: ReplicationPool, plan: BatchPlan): Promise<BatchRunResult> {
  const { total, batchSize } = plan;
  if (!Number.isInteger(total) || total < 1)
    throw new RangeError(`replications must be an integer >= 1, got ${total}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be an integer >= 1, got ${batchSize}`);
  }
  const first = plan.first ?? 0;
  const batches = Math.ceil(total / batchSize);
  const startedAt = performance.now();
  return new Promise<BatchRunResult>((resolve, reject) => {
    const controller = new AbortController();
    const ready = new Map<number, BatchOutcome>();
    let nextSubmit = 0;
    let nextFold = 0;
    let inFlight = 0;
    let done = 0;
    let finished = false;
    let metas: ResultMeta[] = [];

    const finish = (error: unknown, result?: BatchRunResult): void => {
      if (finished) return;
      finished = true;
      plan.signal?.removeEventListener("abort", onAbort);
      controller.abort();
      if (result === undefined) reject(error);
      else resolve(result);
    };
    const onAbort = (): void => finish(undefined, { done, stoppedBy: "cancelled" });

    const drain = (): void => {
      while (!finished && ready.has(nextFold)) {
        const outcome = ready.get(nextFold)!;
        ready.delete(nextFold);
        nextFold++;
        if (outcome.failure !== undefined) {
          finish(replicationError(outcome.failure, plan.names));
          return;
        }
        try {
          if (metas.length === 0) metas = outcome.metas;
          for (const records of outcome.records) plan.onReplication(records, metas);
          if (plan.recycleRecords === true) outcome.release?.();
          done += outcome.records.length;
          if (plan.onProgress !== undefined) {
            const seconds = (performance.now() - startedAt) / 1000;
            const perSecond = seconds > 0 ? done / seconds : 0;
            plan.onProgress({
              done,
              total,
              perSecond,
              etaSeconds: perSecond > 0 ? (total - done) / perSecond : 0,
            });
          }
          if (done < total && plan.shouldStop?.(done) === true) {
            finish(undefined, { done, stoppedBy: "precision" });
            return;
          }
        } catch (error) {
          finish(error);
          return;
        }
      }
    };

    const pump = (): void => {
      while (!finished && inFlight < pool.window && nextSubmit < batches) {
        const index = nextSubmit++;
        const start = first + index * batchSize;
        const count = Math.min(batchSize, total - index * batchSize);
        inFlight++;
        pool
          .run(
            { model: plan.model, scenarios: plan.scenarios, seeds: plan.seeds, start, count },
            controller.signal,
          )
          .then(
            (outcome) => {
              inFlight--;
              if (finished) return;
              ready.set(index, outcome);
              drain();
              pump();
            },
            (error: unknown) => {
              inFlight--;
              finish(error);
            },
          );
      }
      if (!finished && inFlight === 0 && nextFold >= batches) finish(undefined, { done, stoppedBy: "count" });
    };

    if (plan.signal?.aborted === true) {
      finish(undefined, { done, stoppedBy: "cancelled" });
      return;
    }
    if (plan.signal !== undefined) {
      // a sweep runs its points concurrently on one signal, one listener each (removed in finish): no leak
      setMaxListeners(0, plan.signal);
      plan.signal.addEventListener("abort", onAbort, { once: true });
    }
    pump();
  });
}

function replicationError(
  failure: BatchFailure,
  names: Array<string | undefined> | undefined,
): ReplicationError {
  let cause = failure.error;
  if (cause === undefined) {
    const rebuilt = new Error(failure.message);
    rebuilt.name = failure.name;
    if (failure.stack !== undefined) rebuilt.stack = failure.stack;
    cause = rebuilt;
  }
  return new ReplicationError(failure.replication, failure.seed, cause, names?.[failure.scenario]);
}
