/**
 * A timeout: an event that succeeds after a delay (SimPy, `simpy/events.py` `Timeout`), which can also be
 * taken off the event list before it happens with `env.cancel(timeout)` (SimPy cannot: a preempted
 * process's stale timeout stays on its list and is processed for nothing). A callback scheduled with
 * `env.schedule` is a timeout too, one whose first waiter is the callback.
 */
import type { Environment } from "./environment.ts";
import { SimEvent, TRIGGERED, type Waiter } from "./event.ts";

/** An event that succeeds with its value at time `at`; `env.cancel(timeout)` withdraws it while it is pending. */
export class Timeout<T = undefined> extends SimEvent<T> implements Waiter {
  /** @internal Time at which the timeout happens (moved when a scheduled callback's handle is reused). */
  _at: number;
  /** @internal Slot on the event list (stale once processed or cancelled: check `itemAt(slot) === this`). */
  _slot: number;
  /** @internal The callback of `env.schedule`, or null. */
  _callback: (() => void) | null;

  /** @internal Use `env.timeout(delay, value)` or `env.schedule(delay, callback)`. */
  constructor(env: Environment, at: number, value: T | undefined, callback: (() => void) | null) {
    super(env);
    this._ok = true;
    this._value = value;
    this._state = TRIGGERED;
    this._at = at;
    this._slot = -1;
    this._callback = callback;
    // A scheduled callback is the handle's own first waiter (it runs before anything waiting for the handle).
    if (callback !== null) this._w0 = this;
  }

  /** Time at which the timeout happens (or would have happened, once cancelled). */
  get at(): number {
    return this._at;
  }

  /** Whether the timeout is still on the event list (neither processed nor cancelled). */
  get pending(): boolean {
    return this._slot >= 0 && this.env._queue.itemAt(this._slot) === this;
  }

  /** Time left until `at` (0 once it is past): for a preempted service, the service time still owed. */
  get remaining(): number {
    return Math.max(0, this._at - this.env.now);
  }

  /** @internal Processed: run the scheduled callback. */
  _notify(): void {
    this._callback!();
  }
}

/** Handle of a callback scheduled with `env.schedule`: a {@link Timeout} that runs the callback when processed. */
export type ScheduledHandle = Timeout<undefined>;
