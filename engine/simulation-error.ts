/**
 * Error with which `Environment.run` and `Environment.step` stop when an event fails and nobody handles the
 * failure (no process waits for it and it is not defused); the original error is in `cause`.
 */
export class SimulationError extends Error {
  /** The original failure. */
  declare readonly cause: unknown;
  /** Simulation time at which the failure was processed. */
  readonly time: number;

  /** Wrap the failure `cause` processed at simulation time `time`. */
  constructor(message: string, time: number, cause: unknown) {
    super(message, { cause });
    this.name = "SimulationError";
    this.time = time;
  }
}
