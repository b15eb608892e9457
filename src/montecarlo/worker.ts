/**
 * Piscina worker entry: runs one batch of replications per task (run-batch.ts). Loaded with the tsx loader
 * when running from TypeScript sources and as plain JavaScript from dist/.
 *
 * The batch's records come back packed (packed-batch.ts), and the packed typed arrays are transferred to the main
 * thread, not copied: the batch is wrapped in piscina's transferable protocol (`transferableSymbol` lists the
 * ArrayBuffers, `valueSymbol` is the message) and marked with `move`; the pool unpacks it (run-batch.ts). Buffers
 * of batches the pool has folded come back with later tasks and are packed into again (buffer-pool.ts).
 */
import { move, transferableSymbol, valueSymbol } from "piscina";
import { packingBuffers } from "./buffer-pool.ts";
import { packedBuffers } from "./packed-batch.ts";
import { type BatchTask, type PackedBatchOutcome, runPackedBatch } from "./run-batch.ts";

/** Runs the batch; errors of the replication function come back as `failure` data, never as a throw. */
export default async function runTask(task: BatchTask): Promise<PackedBatchOutcome> {
  for (const buffer of task.recycled ?? []) packingBuffers.give(buffer);
  const outcome = await runPackedBatch(task);
  const buffers = packedBuffers(outcome.packed);
  // piscina unwraps the transferable wrapper, so the caller receives a PackedBatchOutcome
  return move({
    [transferableSymbol]: buffers,
    [valueSymbol]: outcome,
  } as never) as unknown as PackedBatchOutcome;
}
