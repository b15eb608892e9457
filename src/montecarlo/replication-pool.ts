/**
 * Where batches run: a piscina pool of worker threads (one thread too when `workers` is 1), or the calling thread
 * when asked for explicitly (`inProcess`).
 *
 * Why a thread even for one worker: a replication runs synchronously, so on the calling thread Ctrl-C and SIGTERM
 * wait until it ends (up to a minute for a large scenario); a worker thread is terminated at once when the run is
 * aborted (measured stop latency in the notes: well under a second). Starting the thread costs a few hundred
 * milliseconds once per run; results are identical, because a batch computes the same records wherever it runs.
 *
 * Worker threads load worker.js as plain JavaScript from the compiled package; when this module runs from
 * TypeScript sources (tsx, vitest) they start from worker-tsx.mjs, which imports the worker and the model
 * bundled into plain JavaScript (worker-bundle.ts; kept between runs in node_modules/.cache until a source
 * changes), or, when that bundle cannot be built or a
 * task's model is another TypeScript module, registers the tsx loader inside the thread and imports the sources
 * (Node 20 ignores `--import tsx` in a Worker's execArgv, nodejs/node#47747).
 * `destroy()` terminates every thread; after it resolves no worker of the pool is left running.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { Piscina } from "piscina";
import { BufferPool } from "./buffer-pool.ts";
import { packedBuffers } from "./packed-batch.ts";
import {
  type BatchOutcome,
  type BatchTask,
  type PackedBatchOutcome,
  runBatch,
  runPackedBatch,
  unpackOutcome,
} from "./run-batch.ts";
import { workerBundle } from "./worker-bundle.ts";

/**
 * Young-generation size of each worker thread's heap, in MB (V8's default is 48 on 64-bit, three 16 MB
 * semi-spaces). A replication allocates many short-lived objects; with twice the room fewer of them survive a
 * scavenge into the old generation, which cut a level-3 replication's CPU time by about a tenth in the pool
 * notes' measurements, while 192 MB was no better than the default (the young generation then outgrows the
 * caches). Only worker threads get it: the calling thread's heap is set by Node's own flags.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/** Bytes of folded batches' buffers sent back with one task at most (a level-3 batch of 10 packs about 1-2 MB). */
export const RECYCLED_BYTES_PER_TASK = 8 * 2 ** 20;

/** Default number of workers: the cores Node may use (`os.availableParallelism()`). */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Options of a {@link ReplicationPool}. */
export interface ReplicationPoolOptions {
  /**
   * Run batches on the calling thread instead of a worker thread (only with one worker). Saves the thread's
   * start-up and keeps a failing replication's original error, but an abort waits for the running replication.
   */
  inProcess?: boolean;
}

/** Runs batches on worker threads, or in-process when asked. */
export class ReplicationPool {
  /** Number of workers. */
  readonly workers: number;
  /** True when batches run on the calling thread. */
  readonly inProcess: boolean;
  #piscina: Piscina<BatchTask, PackedBatchOutcome> | undefined;
  /** Buffers of batches released after folding, to send back to the workers with their next tasks. */
  readonly #released = new BufferPool();
  /** Buffers sent back to the workers so far (for tests and benchmarks). */
  recycledBuffers = 0;
  #destroyed = false;
  /** The last 'error' event of the underlying pool (stray results of aborted batches), for diagnostics. */
  lastPoolError: unknown;
  readonly #seenThreads = new Set<Worker>();
  /** Bundled module standing for each source model module (worker-bundle.ts), when running from sources. */
  #bundledModules: ReadonlyMap<string, string> | undefined;

  /**
   * @param workers threads to run, default {@link defaultWorkers}.
   * @param options `inProcess: true` runs every batch in the calling thread (one worker only).
   * @throws {RangeError} when workers is not an integer >= 1, or inProcess is asked with more than one worker.
   */
  constructor(workers: number = defaultWorkers(), options: ReplicationPoolOptions = {}) {
    if (!Number.isInteger(workers) || workers < 1) {
      throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
    }
    if (options.inProcess === true && workers !== 1)
      throw new RangeError(`inProcess needs workers = 1, got ${workers}`);
    this.workers = workers;
    this.inProcess = options.inProcess === true;
    if (!this.inProcess) {
      const isTypeScript = import.meta.url.endsWith(".ts");
      const filename = new URL(isTypeScript ? "./worker-tsx.mjs" : "./worker.js", import.meta.url).href;
      const bundle = isTypeScript ? workerBundle() : undefined;
      this.#bundledModules = bundle?.modules;
      this.#piscina = new Piscina<BatchTask, PackedBatchOutcome>({
        filename,
        workerData: bundle === undefined ? undefined : { scalesimWorkerBundle: bundle.worker },
        minThreads: workers,
        maxThreads: workers,
        concurrentTasksPerWorker: 1,
        // not the parent's flags: tsx's or vitest's loader flags do not work in a worker (see above)
        execArgv: [],
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      // Piscina reports a result that arrives for a task already aborted (a batch discarded at a stop or on
      // cancellation) as an 'error' event; that result is unwanted by design, and every real failure also
      // rejects its own task, so the event is only recorded, not thrown as an uncaught exception.
      this.#piscina.on("error", (error: unknown) => {
        this.lastPoolError = error;
      });
    }
  }

  /** How many batches to keep in flight so that no worker waits for the next task. */
  get window(): number {
    return this.inProcess ? 1 : this.workers * 2;
  }

  /** Worker threads the pool has started so far (for tests that check they all exited). */
  startedThreads(): Worker[] {
    for (const thread of this.#piscina?.threads ?? []) this.#seenThreads.add(thread);
    return [...this.#seenThreads];
  }

  /**
   * Runs one batch; `signal` aborts it (a running worker is terminated). A worker's batch arrives packed
   * (packed-batch.ts) and is unpacked here, so callers get plain records either way; its `release` gives the
   * batch's buffers back, to go to a worker with a later task.
   *
   * @throws {Error} when the pool was destroyed, or the model module cannot be loaded.
   */
  async run(task: BatchTask, signal: AbortSignal): Promise<BatchOutcome> {
    if (this.#piscina === undefined) {
      await this.#betweenBatches(signal);
      return runBatch(task);
    }
    const packed = await this.#runOnWorker(task, signal, this.#released.drain(RECYCLED_BYTES_PER_TASK));
    const outcome = unpackOutcome(packed);
    outcome.release = () => {
      for (const buffer of packedBuffers(packed.packed)) this.#released.give(buffer);
    };
    return outcome;
  }

  /**
   * Runs one batch and returns its records packed, as a worker sends them (for a queue worker, which passes them
   * on to another process); `signal` aborts it.
   *
   * @throws {Error} when the pool was destroyed, or the model module cannot be loaded.
   */
  async runPacked(task: BatchTask, signal: AbortSignal): Promise<PackedBatchOutcome> {
    if (this.#piscina === undefined) {
      await this.#betweenBatches(signal);
      return runPackedBatch(task);
    }
    return this.#runOnWorker(task, signal, []);
  }

  /** Sends the batch to a worker thread with `recycled` buffers (transferred) for it to pack into. */
  async #runOnWorker(
    task: BatchTask,
    signal: AbortSignal,
    recycled: ArrayBuffer[],
  ): Promise<PackedBatchOutcome> {
    if (this.#destroyed) throw new Error("the replication pool was destroyed");
    const bundled = this.#bundledModules?.get(task.model.module);
    const sent: BatchTask =
      bundled === undefined ? { ...task } : { ...task, model: { ...task.model, module: bundled } };
    if (recycled.length > 0) sent.recycled = recycled;
    this.recycledBuffers += recycled.length;
    const promise = this.#piscina!.run(sent, { signal, transferList: recycled });
    this.startedThreads();
    return promise;
  }

  /** In-process: checks the pool, then yields so that an abort or a progress repaint can run between batches. */
  async #betweenBatches(signal: AbortSignal): Promise<void> {
    if (this.#destroyed) throw new Error("the replication pool was destroyed");
    await new Promise((resolve) => setImmediate(resolve));
    signal.throwIfAborted();
  }

  /** Terminates every worker thread and waits until each has exited; safe to call more than once. */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.startedThreads();
    await this.#piscina?.destroy();
    // A worker terminated by an aborted batch is replaced by piscina asynchronously, and such a replacement can
    // start while the pool is being destroyed; terminate whatever is still alive until nothing is.
    for (let round = 0; round < 50; round++) {
      const alive = this.startedThreads().filter((thread) => thread.threadId !== -1);
      if (alive.length === 0) break;
      await Promise.all(alive.map((thread) => thread.terminate()));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
