/**
 * The error a run rejects with when one replication throws: it names the replication index and the master
 * seed, so that `replay(scenario, { seed, replication })` reruns exactly that replication alone with its trace,
 * and keeps the original error as `cause`.
 */

/** A replication failed; `cause` is the original error (rebuilt from its name, message and stack in a worker). */
export class ReplicationError extends Error {
  /** Index of the failing replication. */
  readonly replication: number;
  /** Master seed of the run. */
  readonly seed: number;
  /** Name of the scenario when known. */
  readonly scenario: string | undefined;

  /** @param cause the original error thrown by the replication. */
  constructor(replication: number, seed: number, cause: unknown, scenario?: string) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const where = scenario === undefined ? "" : ` of scenario "${scenario}"`;
    super(
      `replication ${replication}${where} (seed ${seed}) failed: ${reason}; ` +
        `replay it alone with replay(scenario, { seed: ${seed}, replication: ${replication} })`,
      { cause },
    );
    this.name = "ReplicationError";
    this.replication = replication;
    this.seed = seed;
    this.scenario = scenario;
  }
}
