/**
 * One batch of consecutive replications of one or more scenarios: the unit of work sent to a worker (or run
 * in-process). Every scenario runs replication i with its own master seed, so scenarios compared on the same
 * seed share common random numbers. A failing replication ends the batch and is reported as data (index,
 * seed, error name, message, stack), because custom error fields do not survive the thread boundary.
 */
import type { ResultMeta } from "../model/result.ts";
import { loadReplicationFunction, type ModelRef } from "./model-ref.ts";
import { newCostKeys, type ReplicationRecord, toRecord } from "./replication-record.ts";

/** A batch of replications [start, start + count) of every scenario. */
export interface BatchTask {
  model: Required<ModelRef>;
  /** Plain, already validated scenario documents (structured-cloneable). */
  scenarios: unknown[];
  /** Master seed per scenario (equal seeds give common random numbers). */
  seeds: number[];
  start: number;
  count: number;
}

/** A replication that threw, as data. */
export interface BatchFailure {
  scenario: number;
  replication: number;
  seed: number;
  name: string;
  message: string;
  stack: string | undefined;
  /** The original error when the batch ran in-process (undefined across threads). */
  error?: unknown;
}

/** What a batch returns: records[k][s] is replication start + k of scenario s. */
export interface BatchOutcome {
  start: number;
  records: ReplicationRecord[][];
  /** Meta of each scenario, from the batch's first replication (identical in every replication). */
  metas: ResultMeta[];
  failure?: BatchFailure;
}

/**
 * Runs the batch; stops at the first failing replication and reports it in `failure`.
 *
 * @param inProcess the batch runs on the caller's thread: records stay as the model returned them and a
 *   failure keeps the original error (which may not be cloneable). Otherwise records are made to cross the
 *   thread boundary cheaply (toRecord with one cost-key table per scenario and batch).
 */
export async function runBatch(task: BatchTask, inProcess = false): Promise<BatchOutcome> {
  const replicate = await loadReplicationFunction(task.model);
  const outcome: BatchOutcome = { start: task.start, records: [], metas: [] };
  const costKeys = inProcess ? undefined : task.scenarios.map(() => newCostKeys());
  for (let k = 0; k < task.count; k++) {
    const replication = task.start + k;
    const row: ReplicationRecord[] = [];
    for (let s = 0; s < task.scenarios.length; s++) {
      const seed = task.seeds[s]!;
      try {
        const result = replicate(task.scenarios[s] as never, { seed, replication, keepProjects: false });
        if (k === 0) outcome.metas.push(result.meta);
        row.push(toRecord(result, costKeys?.[s]));
      } catch (error) {
        const failure: BatchFailure = {
          scenario: s,
          replication,
          seed,
          name: error instanceof Error ? error.name : "Error",
          message: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        };
        if (inProcess) failure.error = error;
        outcome.failure = failure;
        return outcome;
      }
    }
    outcome.records.push(row);
  }
  return outcome;
}
