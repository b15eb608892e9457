/**
 * Error thrown into a process generator when another party interrupts it (SimPy, `simpy/exceptions.py`).
 * The interrupting party's reason is in `cause` (for a preemption, a `Preempted` record).
 *
 * An Interrupt is control flow, not a bug report: it is built without capturing a stack trace (V8 captures
 * one for every Error, which doubled the run time of preemptive models) and its message is composed only
 * when read.
 */
export class Interrupt extends Error {
  /** Why the process was interrupted, as passed to `Process.interrupt(cause)`. */
  declare readonly cause: unknown;

  /** Create an interrupt carrying `cause`. */
  constructor(cause?: unknown) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(undefined, { cause });
    Error.stackTraceLimit = limit;
  }

  /** "interrupted", followed by a description of the cause when there is one. */
  override get message(): string {
    const cause = this.cause;
    return `interrupted${cause === undefined ? "" : `: ${describe(cause)}`}`;
  }

  override get name(): string {
    return "Interrupt";
  }
}

function describe(cause: unknown): string {
  if (typeof cause === "string") return cause;
  if (cause instanceof Error) return cause.message;
  if (typeof cause === "object" && cause !== null) return cause.constructor?.name ?? "object";
  return String(cause);
}
