/**
 * replay: rerun one replication alone, in the calling thread, with its full trace. A ReplicationError names
 * the replication index and master seed; because each replication derives its random streams only from
 * (seed, replication, stream name), the rerun sees exactly the same random numbers as in the pool.
 */
import type { ReplicationResult } from "../model/result.ts";
import { simulate } from "../model/simulate.ts";
import type { ReplicationFunction } from "./model-ref.ts";

/** Which replication to rerun, and with which replication function. */
export interface ReplayOptions {
  /** Master seed of the run (ReplicationError.seed). */
  seed: number;
  /** Replication index (ReplicationError.replication). */
  replication: number;
  /** Replication function (default: the model's simulate). */
  simulate?: ReplicationFunction;
}

/**
 * Runs replication `options.replication` of `scenario` with master seed `options.seed` in-process with
 * `trace: true` and project records kept; errors propagate unchanged (with their original stack).
 *
 * @throws {RangeError} when seed or replication is not a safe integer (replication >= 0).
 */
export function replay(scenario: object, options: ReplayOptions): ReplicationResult {
  const { seed, replication } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`replication must be an integer >= 0, got ${replication}`);
  }
  const replicate = options.simulate ?? (simulate as ReplicationFunction);
  return replicate(scenario as never, { seed, replication, keepProjects: true, trace: true });
}
