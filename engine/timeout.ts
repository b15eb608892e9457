/**
 * A timeout: an event that succeeds after a delay (SimPy, `simpy/events.py` `Timeout`), which can also be
 * taken off the event list before it happens (SimPy cannot: a preempted process's stale timeout stays on
 * its list and is processed for nothing).
 */
import type { Environment } from "./environment.ts";
import { SimEvent, TRIGGERED } from "./event.ts";

/** An event that succeeds with its value at time `at`; `cancel()` withdraws it while it is pending. */
export class Timeout<T = undefined> extends SimEvent<T> {
  /** Time at which the timeout happens (or would have happened, once cancelled). */
  at: number;
  /** @internal Slot on the event list, or -1 once processed or cancelled. */
  _slot: number;

  /** @internal Use `env.timeout(delay, value)`. */
  constructor(env: Environment, value: T | undefined) {
    super(env);
    this._ok = true;
    this._value = value;
    this._state = TRIGGERED;
    this.at = Number.NaN;
    this._slot = -1;
  }

  /** Whether the timeout is still on the event list (neither processed nor cancelled). */
  get pending(): boolean {
    return this._slot >= 0 && this.env._queue.itemAt(this._slot) === this;
  }

  /** Time left until `at` (0 once it is past): for a preempted service, the service time still owed. */
  get remaining(): number {
    return Math.max(0, this.at - this.env.now);
  }

  /**
   * Take the timeout off the event list in O(log n); it will never be processed. A no-op when it has been
   * processed or cancelled already.
   * @throws Error when a process or callback is waiting for it (it would wait forever: interrupt it first)
   */
  cancel(): void {
    if (!this.pending) return;
    if (this._w0 !== null || (this._ws !== null && this._ws.length > 0)) {
      throw new Error("cancel: something is waiting for this timeout and would wait forever");
    }
    this.env._queue.remove(this._slot);
    this._slot = -1;
  }
}
