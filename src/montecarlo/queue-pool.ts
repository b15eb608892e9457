/**
 * QueuePool: runs batches of replications as jobs on a BullMQ queue in Redis instead of on local threads, for
 * runScenario and runSweep, which take it in place of a ReplicationPool (it is one, so their folding in
 * replication-index order, and hence their results, are the same as a local run's). Workers started with
 * `scalesim worker` (queue-worker.ts) on any number of machines take the jobs.
 *
 *   run(task) -> encodeJob (deterministic id) -> Queue.add (ignored when the id exists: resume)
 *     -> a failed job from an earlier attempt is retried -> Job.waitUntilFinished (QueueEvents) -> decodeOutcome -> unpackOutcome
 *
 * Jobs finished by an earlier submission are kept in Redis for {@link KEEP_FINISHED_SECONDS} and reused. A job
 * that fails as a job (it could not run at all: another scalesim version, a model that does not load) rejects
 * with a QueueConnectionError naming the job and the worker's reason.
 * A lost Redis connection (after ioredis's reconnection attempts) rejects every waiting batch with a
 * QueueConnectionError, so a run never waits for ever.
 */
import { setMaxListeners } from "node:events";
import { Job, Queue, QueueEvents } from "bullmq";
import { connectionOptions, QueueConnectionError, redacted, watchRedis } from "./queue-connection.ts";
import { decodeOutcome, encodeJob, QUEUE_NAME, type QueueJobData } from "./queue-job.ts";
import { ReplicationPool } from "./replication-pool.ts";
import { type BatchOutcome, type BatchTask, unpackOutcome } from "./run-batch.ts";
import { toolInfo } from "./tool-info.ts";

/** How long finished jobs stay in Redis to be reused by a resubmission: 7 days. */
export const KEEP_FINISHED_SECONDS = 7 * 24 * 3600;

/** Longest wait for the connections to close, in milliseconds. */
const CLOSE_WAIT_MS = 2_000;

/** Batches kept in flight: every job of a run is enqueued at once, whatever the number of workers. */
const WINDOW = 100_000;

/** A pool whose batches are queue jobs (see the module comment). */
export class QueuePool extends ReplicationPool {
  readonly url: string;
  readonly #queue: Queue<QueueJobData>;
  readonly #events: QueueEvents;
  readonly #waiting = new Set<(error: Error) => void>();
  readonly #unwatch: () => void;
  #lost: Error | undefined;
  #closed = false;

  /** Connects to the queue at `url` (check it first with checkRedis for a quick, clear failure). */
  constructor(url: string) {
    super(1);
    this.url = url;
    const connection = connectionOptions(url);
    this.#queue = new Queue<QueueJobData>(QUEUE_NAME, { connection });
    this.#events = new QueueEvents(QUEUE_NAME, { connection });
    // one listener per waiting job
    this.#events.setMaxListeners(0);
    this.#queue.setMaxListeners(0);
    // connection errors are retried by ioredis; the watcher below decides when the connection is lost for good
    this.#queue.on("error", () => {});
    this.#events.on("error", () => {});
    this.#unwatch = watchRedis(url, () => this.#fail(`lost the connection to Redis at ${redacted(url)}`));
  }

  override get window(): number {
    return WINDOW;
  }

  /** Enqueues the batch (or finds it) and resolves with its outcome once a worker has run it. */
  override async run(task: BatchTask, signal: AbortSignal): Promise<BatchOutcome> {
    if (this.#lost !== undefined) throw this.#lost;
    signal.throwIfAborted();
    // every job of the run waits on the same signal
    setMaxListeners(0, signal);
    const { id, data } = encodeJob(task, toolInfo().version);
    const added = await this.#queue.add("batch", data, {
      jobId: id,
      removeOnComplete: { age: KEEP_FINISHED_SECONDS },
      removeOnFail: { age: KEEP_FINISHED_SECONDS },
    });
    if ((await added.getState()) === "failed") await added.retry("failed");
    const job = (await Job.fromId<QueueJobData>(this.#queue, id)) ?? added;
    return new Promise<BatchOutcome>((resolve, reject) => {
      const settle = (error: Error | undefined, outcome?: BatchOutcome): void => {
        this.#waiting.delete(onLost);
        signal.removeEventListener("abort", onAbort);
        if (error === undefined) resolve(outcome!);
        else reject(error);
      };
      const onLost = (error: Error): void => settle(error);
      const onAbort = (): void => settle(signal.reason as Error);
      this.#waiting.add(onLost);
      signal.addEventListener("abort", onAbort, { once: true });
      job.waitUntilFinished(this.#events).then(
        (value: unknown) => {
          try {
            settle(undefined, unpackOutcome(decodeOutcome(value)));
          } catch (error) {
            settle(error as Error);
          }
        },
        (error: unknown) => {
          if (this.#closed) return;
          const reason = error instanceof Error ? error.message : String(error);
          settle(new QueueConnectionError(`queue job ${id} failed: ${reason}`, { cause: error }));
        },
      );
    });
  }

  /**
   * Closes the connections; batches still waiting reject, jobs already enqueued stay for the workers (and for a
   * resubmission). Safe to call more than once.
   */
  override async destroy(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unwatch();
    // batches still waiting (other points of a sweep that is failing) end instead of waiting for ever
    const closed = new Error("the queue pool was closed");
    for (const reject of [...this.#waiting]) reject(closed);
    await super.destroy();
    // a graceful close waits for Redis, which may be gone: disconnect then, and never wait long
    const closing = Promise.allSettled(
      this.#lost === undefined
        ? [this.#events.close(), this.#queue.close()]
        : [this.#events.disconnect(), this.#queue.disconnect()],
    );
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
  }

  #fail(message: string): void {
    if (this.#closed || this.#lost !== undefined) return;
    this.#lost = new QueueConnectionError(message);
    for (const reject of [...this.#waiting]) reject(this.#lost);
  }
}
