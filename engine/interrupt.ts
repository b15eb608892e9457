/**
 * Error thrown into a process generator when another party interrupts it (SimPy, `simpy/exceptions.py`).
 * The interrupting party's reason is in `cause` (for a preemption, a `Preempted` record).
 */
export class Interrupt extends Error {
  /** Why the process was interrupted, as passed to `Process.interrupt(cause)`. */
  declare readonly cause: unknown;

  /** Create an interrupt carrying `cause`. */
  constructor(cause?: unknown) {
    super(`interrupted${cause === undefined ? "" : `: ${describe(cause)}`}`, { cause });
    this.name = "Interrupt";
  }
}

function describe(cause: unknown): string {
  if (typeof cause === "string") return cause;
  if (cause instanceof Error) return cause.message;
  if (typeof cause === "object" && cause !== null) return cause.constructor?.name ?? "object";
  return String(cause);
}
