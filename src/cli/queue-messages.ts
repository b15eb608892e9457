/**
 * The sentences of the distributed commands (`--queue`, `worker`, `--shard-from-env`, resume), one function per
 * message like messages.ts (kept apart while other work edits that file; they belong there).
 */

/** `worker` without a queue. */
export function workerNeedsQueue(): string {
  return "worker needs --queue <redis-url>, e.g. --queue redis://127.0.0.1:6379";
}

/** A worker is waiting for jobs. */
export function workerListening(url: string, concurrency: number): string {
  return `worker: taking jobs from ${url} (${concurrency} at a time); stop with Ctrl-C or SIGTERM`;
}

/** One line of a worker's log. */
export function workerJob(id: string, state: string, detail?: string): string {
  return `job ${id} ${state}${detail === undefined ? "" : `: ${detail}`}`;
}

/** `--shard` and `--shard-from-env` together. */
export function twoShardOptions(): string {
  return "give either --shard k/n or --shard-from-env, not both";
}

/** A sweep picked up the points of an earlier, interrupted run. */
export function resumedPoints(count: number, checkpoint: string): string {
  return `resuming: ${count} point${count === 1 ? "" : "s"} already done (${checkpoint})`;
}

/** `--until-ci` cannot be combined with a queue (batches must be of a fixed plan). */
export function queueWithoutUntilCi(): string {
  return "--queue cannot be combined with --until-ci; give -n instead";
}

/** The worker was stopped by Ctrl-C or SIGTERM after finishing its running jobs. */
export function workerStopped(): string {
  return "worker stopped (Ctrl-C or SIGTERM): running jobs finished, unstarted jobs left on the queue";
}
