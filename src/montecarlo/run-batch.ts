/**
 * One batch of consecutive replications of one or more scenarios: the unit of work sent to a worker (or run
 * in-process). Every scenario runs replication i with its own master seed, so scenarios compared on the same
 * seed share common random numbers. A failing replication ends the batch and is reported as data (index,
 * seed, error name, message, stack), because custom error fields do not survive the thread boundary.
 */
import type { ReplicationResult, ResultMeta } from "../model/result.ts";
import { loadReplicationFunction, type ModelRef } from "./model-ref.ts";
import { type PackedRecords, RecordPacker, unpackRecords } from "./packed-batch.ts";
import { type ReplicationRecord, toRecord } from "./replication-record.ts";

/** A batch of replications [start, start + count) of every scenario. */
export interface BatchTask {
  model: Required<ModelRef>;
  /** Plain, already validated scenario documents (structured-cloneable). */
  scenarios: unknown[];
  /** Master seed per scenario (equal seeds give common random numbers). */
  seeds: number[];
  start: number;
  count: number;
  /**
   * Buffers of batches already folded, sent back to the worker thread for its next batches (buffer-pool.ts);
   * transferred, so the sender no longer has them.
   */
  recycled?: ArrayBuffer[];
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
  /**
   * Call once every record has been handed on and nothing keeps its arrays: a worker's batch then gives its
   * buffers back for reuse (replication-pool.ts), which empties every array of its records.
   */
  release?: () => void;
}

/**
 * A batch's outcome as it crosses threads: the records of each scenario packed (packed-batch.ts);
 * `replications` replications of every scenario completed (a scenario packed before a failure may hold one more).
 */
export interface PackedBatchOutcome {
  start: number;
  replications: number;
  /** packed[s]: the records of scenario s. */
  packed: PackedRecords[];
  metas: ResultMeta[];
  failure?: BatchFailure;
}

/** The outcome with its records unpacked: records[k][s] of the first `replications` replications. */
export function unpackOutcome(outcome: PackedBatchOutcome): BatchOutcome {
  return batchOutcome(outcome.start, outcome.packed.map(unpackRecords), outcome);
}

/**
 * Runs the batch on the calling thread; stops at the first failing replication and reports it in `failure`, with
 * the original error (which may not be cloneable). Records keep the model's own arrays (toRecord): nothing is
 * copied, since nothing crosses a thread.
 */
export async function runBatch(task: BatchTask): Promise<BatchOutcome> {
  const byScenario: ReplicationRecord[][] = task.scenarios.map(() => []);
  const ran = await runReplications(task, true, (s, result) => byScenario[s]!.push(toRecord(result)));
  return batchOutcome(task.start, byScenario, ran);
}

/**
 * Runs the batch for another thread: as {@link runBatch}, with the records packed (packed-batch.ts) to cross the
 * thread boundary cheaply and the failure as data only.
 */
export async function runPackedBatch(task: BatchTask): Promise<PackedBatchOutcome> {
  const packers = task.scenarios.map(() => new RecordPacker(task.count));
  const ran = await runReplications(task, false, (s, result) => packers[s]!.add(result));
  const outcome: PackedBatchOutcome = {
    start: task.start,
    replications: ran.replications,
    packed: packers.map((packer) => packer.finish()),
    metas: ran.metas,
  };
  if (ran.failure !== undefined) outcome.failure = ran.failure;
  return outcome;
}

/** The outcome of records byScenario[s][k], of which the first `ran.replications` rows are complete. */
function batchOutcome(start: number, byScenario: ReplicationRecord[][], ran: Ran): BatchOutcome {
  const records: ReplicationRecord[][] = [];
  for (let k = 0; k < ran.replications; k++) records.push(byScenario.map((scenario) => scenario[k]!));
  const outcome: BatchOutcome = { start, records, metas: ran.metas };
  if (ran.failure !== undefined) outcome.failure = ran.failure;
  return outcome;
}

interface Ran {
  /** Replications completed for every scenario. */
  replications: number;
  metas: ResultMeta[];
  failure?: BatchFailure;
}

/** Runs replication start + k of every scenario s in (k, s) order, handing each result on; stops at a failure. */
async function runReplications(
  task: BatchTask,
  keepError: boolean,
  onResult: (scenario: number, result: ReplicationResult) => void,
): Promise<Ran> {
  const replicate = await loadReplicationFunction(task.model);
  const ran: Ran = { replications: 0, metas: [] };
  for (let k = 0; k < task.count; k++) {
    const replication = task.start + k;
    for (let s = 0; s < task.scenarios.length; s++) {
      const seed = task.seeds[s]!;
      try {
        const result = replicate(task.scenarios[s] as never, { seed, replication, keepProjects: false });
        if (k === 0) ran.metas.push(result.meta);
        onResult(s, result);
      } catch (error) {
        const failure: BatchFailure = {
          scenario: s,
          replication,
          seed,
          name: error instanceof Error ? error.name : "Error",
          message: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        };
        if (keepError) failure.error = error;
        ran.failure = failure;
        return ran;
      }
    }
    ran.replications++;
  }
  return ran;
}
