/**
 * A queue worker: takes scalesim jobs (queue-job.ts) from the BullMQ queue in Redis and runs each batch on its
 * own worker thread (a ReplicationPool of at least two threads, so the main thread stays free to renew the
 * jobs' locks while replications run), until closed.
 *
 * Faults (BullMQ's stalled-job handling, https://docs.bullmq.io/guide/workers/stalled-jobs): a worker holds a
 * lock on each job it runs and renews it every lockDuration / 2; when a worker dies (SIGKILL, lost machine)
 * its lock expires after `stallSeconds`, and the stalled-job check of any live worker (every stallSeconds / 2)
 * puts the job back in the queue, where another worker runs it again. A replication's result depends only on
 * the job's content, so the retried job returns exactly what the lost one would have.
 *
 * A failing replication is not a failed job: it comes back as data in the outcome (index, seed, message), and
 * the submitting side reports it as a local run does. A job fails only when it cannot run at all (not a
 * scalesim job, another scalesim version, a model module that does not load).
 */
import { type Job, Worker } from "bullmq";
import { connectionOptions, redacted, watchRedis } from "./queue-connection.ts";
import { decodeJob, encodeOutcome, JOB_FORMAT, QUEUE_NAME, type QueueJobData, taskOf } from "./queue-job.ts";
import { ReplicationPool } from "./replication-pool.ts";
import { toolInfo } from "./tool-info.ts";

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** Redis URL of the queue, redis://host:port. */
  url: string;
  /** Jobs run at once, each on its own thread; default 1. */
  concurrency?: number;
  /** Seconds without a lock renewal after which a job is retried elsewhere; default 30. */
  stallSeconds?: number;
  /** Called when a job starts and when it ends (for the command's log lines). */
  onJob?: (event: { id: string; state: "started" | "completed" | "failed"; detail?: string }) => void;
  /** Called once if the connection to Redis is lost for good; the worker is then closed. */
  onLost?: (message: string) => void;
}

/** A running worker. */
export interface QueueWorker {
  /** Stops taking jobs, waits for the running ones and closes the connections. */
  close: () => Promise<void>;
}

/** How many times a job may stall (its worker lost) before BullMQ gives up on it. */
const MAX_STALLS = 10;

/**
 * Starts a worker on the queue at `url`.
 *
 * @throws {RangeError} when concurrency or stallSeconds is not a positive integer.
 */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const concurrency = options.concurrency ?? 1;
  const stallSeconds = options.stallSeconds ?? 30;
  for (const [name, value] of [
    ["concurrency", concurrency],
    ["stallSeconds", stallSeconds],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`${name} must be an integer >= 1, got ${value}`);
  }
  const pool = new ReplicationPool(Math.max(2, concurrency));
  const version = toolInfo().version;
  const worker = new Worker<QueueJobData, string>(
    QUEUE_NAME,
    async (job: Job<QueueJobData, string>) => {
      options.onJob?.({ id: job.id ?? "", state: "started" });
      const work = decodeJob(job.data);
      if (work.version !== version) {
        throw new Error(`job from scalesim ${work.version}; this worker runs scalesim ${version}`);
      }
      if (work.format !== JOB_FORMAT) {
        throw new Error(`job in format ${work.format ?? "(none)"}; this worker reads format ${JOB_FORMAT}`);
      }
      const outcome = await pool.runPacked(taskOf(work), new AbortController().signal);
      return encodeOutcome(outcome);
    },
    {
      connection: connectionOptions(options.url),
      concurrency,
      lockDuration: stallSeconds * 1000,
      stalledInterval: Math.max(500, (stallSeconds * 1000) / 2),
      maxStalledCount: MAX_STALLS,
    },
  );
  worker.on("completed", (job) => options.onJob?.({ id: job.id ?? "", state: "completed" }));
  worker.on("failed", (job, error) =>
    options.onJob?.({ id: job?.id ?? "", state: "failed", detail: error.message }),
  );
  // connection errors are retried by ioredis; the watcher decides when the connection is lost for good
  worker.on("error", () => {});
  let closed = false;
  // force: do not wait for running jobs (the connection is gone, they cannot report anyway)
  const close = async (force = false): Promise<void> => {
    if (closed) return;
    closed = true;
    unwatch();
    await worker.close(force);
    await pool.destroy();
  };
  const unwatch = watchRedis(options.url, () => {
    options.onLost?.(`lost the connection to Redis at ${redacted(options.url)}`);
    void close(true);
  });
  return { close: () => close() };
}
