/**
 * Piscina worker entry: runs one batch of replications per task (run-batch.ts). Loaded with the tsx loader
 * when running from TypeScript sources and as plain JavaScript from dist/.
 *
 * The outcome's typed arrays (series, samples, cost amounts) are transferred to the main thread, not copied:
 * the batch is wrapped in piscina's transferable protocol (`transferableSymbol` lists the ArrayBuffers,
 * `valueSymbol` is the message) and marked with `move`, so the main thread only maps memory it would otherwise deserialise.
 */
import { move, transferableSymbol, valueSymbol } from "piscina";
import { recordBuffers } from "./replication-record.ts";
import { type BatchOutcome, type BatchTask, runBatch } from "./run-batch.ts";

/** Runs the batch; errors of the replication function come back as `failure` data, never as a throw. */
export default async function runTask(task: BatchTask): Promise<BatchOutcome> {
  const outcome = await runBatch(task);
  const buffers = recordBuffers(outcome.records.flat());
  // piscina unwraps the transferable wrapper, so the caller receives a BatchOutcome
  return move({ [transferableSymbol]: buffers, [valueSymbol]: outcome } as never) as unknown as BatchOutcome;
}
