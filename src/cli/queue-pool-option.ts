/**
 * `--queue <redis-url>` for `run` and `sweep`: checks that the Redis answers (a clear exit 1 at once when it does
 * not) and opens a QueuePool on it. The queue modules are imported only here, when the option is given, so
 * local runs do not load BullMQ.
 */
import type { ReplicationPool } from "../montecarlo/replication-pool.ts";
import { CliError, ExitCode } from "./exit-codes.ts";

/** A pool on the queue at `url`. @throws CliError (exit 1) when Redis cannot be reached */
export async function openQueuePool(url: string): Promise<ReplicationPool> {
  const { checkRedis, QueueConnectionError } = await import("../montecarlo/queue-connection.ts");
  const { QueuePool } = await import("../montecarlo/queue-pool.ts");
  try {
    await checkRedis(url);
  } catch (error) {
    if (error instanceof QueueConnectionError) throw new CliError(ExitCode.runFailed, error.message);
    throw error;
  }
  return new QueuePool(url);
}

/** A lost queue connection as exit 1 with its message; other errors unchanged. */
export function explainQueueFailure(error: unknown): unknown {
  if (error instanceof Error && error.name === "QueueConnectionError") {
    return new CliError(ExitCode.runFailed, error.message, { cause: error });
  }
  return error;
}
