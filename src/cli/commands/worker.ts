/**
 * `scalesim worker --queue <redis-url>`: takes replication jobs from the queue that `sweep --queue` and
 * `run --queue` fill, runs each on its own thread and returns the results through Redis, until Ctrl-C or SIGTERM
 * (running jobs are finished first) or until Redis is lost for good (exit 1).
 */
import { availableParallelism } from "node:os";
import { checkRedis, QueueConnectionError } from "../../montecarlo/queue-connection.ts";
import { startQueueWorker } from "../../montecarlo/queue-worker.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import type { ParsedOptions } from "../options.ts";
import { workerJob, workerListening, workerNeedsQueue, workerStopped } from "../queue-messages.ts";

/** Runs the `worker` command; see the module comment. @throws CliError (exit 1 or 2) */
export async function workerCommand(
  _operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const url = options.queue;
  if (url === undefined) throw new CliError(ExitCode.usage, workerNeedsQueue());
  try {
    await checkRedis(url);
  } catch (error) {
    if (error instanceof QueueConnectionError) throw new CliError(ExitCode.runFailed, error.message);
    throw error;
  }
  const concurrency = options.concurrency ?? availableParallelism();
  const log = options.quiet ? () => {} : (line: string) => context.stderr(`${line}\n`);
  let lost: string | undefined;
  await new Promise<void>((resolve) => {
    const worker = startQueueWorker({
      url,
      concurrency,
      ...(options.stallSeconds === undefined ? {} : { stallSeconds: options.stallSeconds }),
      onJob: (event) => log(workerJob(event.id, event.state, event.detail)),
      onLost: (message) => {
        lost = message;
        resolve();
      },
    });
    log(workerListening(url, concurrency));
    const stop = (): void => {
      void worker.close().then(resolve);
    };
    if (context.signal.aborted) stop();
    else context.signal.addEventListener("abort", stop, { once: true });
  });
  if (lost !== undefined) throw new CliError(ExitCode.runFailed, lost);
  // a worker only ends by a signal: say so with the signal exit code, not as a finished report
  throw new CliError(ExitCode.interrupted, workerStopped());
}
