/**
 * Piscina worker entry: runs one batch of replications per task (run-batch.ts). Loaded with the tsx loader
 * when running from TypeScript sources and as plain JavaScript from dist/.
 */
import { type BatchOutcome, type BatchTask, runBatch } from "./run-batch.ts";

/** Runs the batch; errors of the replication function come back as `failure` data, never as a throw. */
export default function runTask(task: BatchTask): Promise<BatchOutcome> {
  return runBatch(task);
}
