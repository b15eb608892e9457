/**
 * The event: something that happens at a point of simulated time, which processes wait for by yielding it.
 * Life cycle and semantics follow SimPy (`simpy/events.py`): pending -> triggered (value set, on the event
 * list) -> processed (its waiters have run). A failed event that nobody waits for and that is not defused
 * stops the run.
 */
import type { Environment } from "./environment.ts";
import { MAX_PRIORITY, MIN_PRIORITY, NORMAL, URGENT } from "./priority.ts";

/** @internal State of an event that has not been triggered yet. */
export const PENDING = 0;
/** @internal State of an event that is on the event list with its value set. */
export const TRIGGERED = 1;
/** @internal State of an event whose waiters have run. */
export const PROCESSED = 2;

/** @internal Something notified when an event is processed (a process, a condition or a callback). */
export interface Waiter {
  _notify(event: SimEvent<unknown>): void;
}

/**
 * @internal A registered waiter: a {@link Waiter}, or a `then` callback stored as it is (a wrapper object per
 * `then` was an allocation per call; the run loop tells the two apart with `typeof`).
 */
export type WaiterEntry = Waiter | ((event: SimEvent<unknown>) => void);

/**
 * An event of the simulation; `yield` it from a process to wait for it. Triggered once, by
 * {@link SimEvent.succeed} or {@link SimEvent.fail} (or by the kernel for timeouts, processes and resources).
 */
export class SimEvent<T = unknown> {
  /** The environment this event belongs to. */
  declare readonly env: Environment;
  /** @internal 0 pending, 1 triggered, 2 processed. */
  declare _state: number;
  /** @internal Whether the event succeeded. */
  declare _ok: boolean;
  /** @internal The value, or the error of a failed event. */
  declare _value: unknown;
  /** @internal First waiter (most events have exactly one). */
  declare _w0: WaiterEntry | null;
  /** @internal Further waiters, in the order they were added. */
  declare _ws: WaiterEntry[] | null;
  /** Set to true to declare a failure handled, so that processing it does not stop the run. */
  declare defused: boolean;

  /** Create a pending event in `env`; trigger it with {@link succeed} or {@link fail}. */
  constructor(env: Environment) {
    this.env = env;
    this._state = PENDING;
    this._ok = false;
    this._value = undefined;
    this._w0 = null;
    this._ws = null;
    this.defused = false;
  }

  /** Whether the event has been triggered (its value is set and it is on, or past, the event list). */
  get triggered(): boolean {
    return this._state !== PENDING;
  }

  /** Whether the event has been processed (its waiters have run). */
  get processed(): boolean {
    return this._state === PROCESSED;
  }

  /** Whether the event succeeded; false while pending. */
  get ok(): boolean {
    return this._ok;
  }

  /**
   * The value the event succeeded with, or the error it failed with.
   * @throws Error when the event has not been triggered yet
   */
  get value(): T {
    if (this._state === PENDING)
      throw new Error("value is not available: the event has not been triggered yet");
    return this._value as T;
  }

  /**
   * Trigger the event with `value`; waiters run when the event list reaches it (at the current time, with
   * `priority`, default NORMAL as in SimPy: after the process starts and interrupts of this instant).
   * @throws Error when the event was already triggered; RangeError for a priority outside [-1000, 1000]
   */
  succeed(value?: T, priority: number = NORMAL): this {
    if (this._state !== PENDING) throw new Error("succeed: the event has already been triggered");
    if (priority !== NORMAL) checkPriority(priority);
    this._ok = true;
    this._value = value;
    this._state = TRIGGERED;
    this.env._enqueue(this, 0, priority);
    return this;
  }

  /**
   * Trigger the event as failed with `error` (priority default NORMAL): the error is thrown into every
   * waiting process; with no waiter and not defused, it stops the run.
   * @throws TypeError when `error` is not an Error; Error when the event was already triggered
   */
  fail(error: Error, priority: number = NORMAL): this {
    if (!(error instanceof Error)) throw new TypeError(`fail requires an Error, got ${String(error)}`);
    if (this._state !== PENDING) throw new Error("fail: the event has already been triggered");
    if (priority !== NORMAL) checkPriority(priority);
    this._fail(error, priority);
    return this;
  }

  /**
   * Call `callback(event)` when the event is processed (after the waiters added before it). On an event
   * already processed, the callback is scheduled at the current time with priority URGENT. Not a Promise.
   * @throws TypeError when callback is not a function, or when called as a Promise `then` (by `await`)
   */
  // biome-ignore lint/suspicious/noThenProperty: `then` is part of the kernel contract (docs/ARCHITECTURE.md); do not `await` a SimEvent, yield it
  then(callback: (event: SimEvent<T>) => void, onRejected?: unknown): void {
    // A second argument, not a rest parameter: a rest array would be allocated at every call.
    if (onRejected !== undefined) {
      // Called by `await` or Promise resolution with (resolve, reject): refuse rather than loop forever.
      throw new TypeError("a SimEvent is not a Promise: yield it inside a process instead of awaiting it");
    }
    if (typeof callback !== "function")
      throw new TypeError(`then requires a function, got ${typeof callback}`);
    if (this._state === PROCESSED) {
      this.env.schedule(0, () => callback(this), URGENT);
      return;
    }
    this._addWaiter(callback as (event: SimEvent<unknown>) => void);
  }

  /** @internal Trigger as failed without argument checks (the value may be any thrown value). */
  _fail(error: unknown, priority: number): void {
    this._ok = false;
    this._value = error;
    this._state = TRIGGERED;
    this.env._enqueue(this, 0, priority);
  }

  /** @internal Register a waiter, preserving registration order. */
  _addWaiter(waiter: WaiterEntry): void {
    if (this._w0 === null && this._ws === null) this._w0 = waiter;
    else if (this._ws === null) this._ws = [waiter];
    else this._ws.push(waiter);
  }

  /** @internal Unregister a waiter. */
  _removeWaiter(waiter: WaiterEntry): void {
    if (this._w0 === waiter) this._w0 = null;
    else if (this._ws !== null) {
      const i = this._ws.indexOf(waiter);
      if (i >= 0) this._ws.splice(i, 1);
    }
  }

  /**
   * @internal Whether anything but the event's own bookkeeping waits for it (events that register
   * themselves as their first waiter, to act when processed, are not counted).
   */
  _isAwaited(): boolean {
    const w0 = this._w0;
    if (w0 !== null && w0 !== (this as unknown)) return true;
    const ws = this._ws;
    return ws !== null && ws.length > 0;
  }

  /**
   * @internal Called when the last process waiting for this event was interrupted and went on without it;
   * resource events override it to withdraw the request so that it does not leak.
   */
  _abandon(): void {}

  /**
   * @internal Mark a withdrawn request or store operation as failed with a clear error (defused, so that
   * nothing stops the run): a process that yields it later gets the error instead of waiting forever.
   */
  _failWithdrawn(): void {
    this._ok = false;
    this._value = new Error(
      "this request was withdrawn when an interrupt stopped its process waiting for it; make a new request",
    );
    this.defused = true;
    // A pending one is on no list: it is done. A triggered one is still processed, for nothing.
    if (this._state === PENDING) this._state = PROCESSED;
  }
}

/** @internal Validate a priority given by a caller. */
export function checkPriority(priority: number): void {
  if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    throw new RangeError(
      `priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`,
    );
  }
}
