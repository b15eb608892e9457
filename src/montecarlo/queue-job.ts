/**
 * The jobs of a distributed run on a BullMQ queue (https://docs.bullmq.io): one job per batch of replications
 * (run-batch.ts), with
 *
 * - data: the batch task, the scalesim version and the model, serialised with the V8 structured-clone format
 *   (node:v8 serialize, base64) so that NaN, Infinity and typed arrays cross Redis exactly as they cross worker
 *   threads (JSON would turn them into null or plain objects and the results would change);
 * - id: a deterministic job id, SHA-256 of that serialised work (version, model, scenario, seed) plus the
 *   replication indices, `<hash>-r<start>-<count>`: submitting the same sweep or run again finds its jobs
 *   finished (resume), and ids never contain the ":" BullMQ forbids;
 * - return value: the batch outcome, serialised the same way.
 *
 * The model travels as "default" when it is scalesim's own simulate, so that a worker on another machine
 * loads its own copy; any other model travels as the file: URL it was given and must exist on the worker.
 */
import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { defaultModel, type ModelRef } from "./model-ref.ts";
import type { BatchTask, PackedBatchOutcome } from "./run-batch.ts";

/** Name of the BullMQ queue every scalesim job goes to. */
export const QUEUE_NAME = "scalesim-batches";

/**
 * The format of a job's work and return value. Part of the job id's hash, so a finished job of another format
 * (an older build of the same version, before batches were packed) is never taken for this one's result; a worker
 * refuses work of another format.
 */
export const JOB_FORMAT = "packed-1";

/** What a job carries: the encoded {@link QueueWork}. */
export interface QueueJobData {
  work: string;
}

/** The decoded content of a job. */
export interface QueueWork {
  version: string;
  /** {@link JOB_FORMAT} of the build that queued the job. */
  format: string;
  /** "default" for scalesim's own model, else the model reference as given. */
  model: "default" | Required<ModelRef>;
  scenarios: unknown[];
  seeds: number[];
  start: number;
  count: number;
}

/** Encodes a batch task for the queue, with its deterministic job id. */
export function encodeJob(task: BatchTask, version: string): { id: string; data: QueueJobData } {
  const own = defaultModel();
  const model =
    task.model.module === own.module && task.model.exportName === own.exportName ? "default" : task.model;
  const work: QueueWork = {
    version,
    format: JOB_FORMAT,
    model,
    scenarios: task.scenarios,
    seeds: task.seeds,
    start: 0,
    count: 0,
  };
  // the hash covers everything but the replication range, which the id spells out
  const hash = createHash("sha256").update(serialize(work)).digest("hex").slice(0, 32);
  const bytes = serialize({ ...work, start: task.start, count: task.count });
  return { id: `${hash}-r${task.start}-${task.count}`, data: { work: bytes.toString("base64") } };
}

/** Decodes a job's data. @throws {TypeError} when it is not a scalesim job */
export function decodeJob(data: QueueJobData): QueueWork {
  if (typeof data?.work !== "string") throw new TypeError("not a scalesim job (no work field)");
  return deserialize(Buffer.from(data.work, "base64")) as QueueWork;
}

/** The task a worker runs for `work`, with "default" resolved to the worker's own model. */
export function taskOf(work: QueueWork): BatchTask {
  return {
    model: work.model === "default" ? defaultModel() : work.model,
    scenarios: work.scenarios,
    seeds: work.seeds,
    start: work.start,
    count: work.count,
  };
}

/** A batch outcome, packed (packed-batch.ts), as a job's return value. */
export function encodeOutcome(outcome: PackedBatchOutcome): string {
  return serialize(outcome).toString("base64");
}

/**
 * A job's return value as the packed batch outcome.
 *
 * @throws {TypeError} when it is not an encoded packed outcome
 */
export function decodeOutcome(value: unknown): PackedBatchOutcome {
  if (typeof value !== "string")
    throw new TypeError("the job's return value is not a scalesim batch outcome");
  const outcome = deserialize(Buffer.from(value, "base64")) as Partial<PackedBatchOutcome> | null;
  if (!Array.isArray(outcome?.packed))
    throw new TypeError("the job's return value is not a packed scalesim batch outcome");
  return outcome as PackedBatchOutcome;
}
