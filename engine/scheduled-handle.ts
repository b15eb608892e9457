/**
 * A plain callback on the event list, created by `Environment.schedule` and cancellable in O(log n) by
 * `Environment.cancel` (the event list is an indexed heap, see event-queue.ts).
 */
import type { Environment } from "./environment.ts";
import { SimEvent, type Waiter } from "./event.ts";

/** Handle of a scheduled callback; it is also an event that succeeds when the callback has run. */
export class ScheduledHandle extends SimEvent<undefined> implements Waiter {
  /** @internal The callback to run. */
  readonly _callback: () => void;
  /** @internal Slot on the event list, or -1 once run or cancelled. */
  _slot: number;

  /** @internal Use `env.schedule(delay, callback, priority)`. */
  constructor(env: Environment, callback: () => void) {
    super(env);
    this._callback = callback;
    this._slot = -1;
    this._ok = true;
    this._w0 = this;
  }

  /** Whether the callback is still waiting to run (neither run nor cancelled). */
  get pending(): boolean {
    return this._slot >= 0;
  }

  /** @internal Run the callback. */
  _notify(): void {
    this._slot = -1;
    this._callback();
  }
}
