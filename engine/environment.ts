/**
 * The simulation environment: clock, event list and run loop of a process-oriented discrete-event kernel
 * (SimPy, `simpy/core.py`). The event list is keyed (time, priority, insertion sequence), so that equal-time
 * events run in a defined order: lower priority value first, then first scheduled first. It is stored as an
 * indexed binary heap plus two FIFO lists for events triggered for the current instant with priority URGENT
 * and NORMAL (process starts and ends, interrupts, succeeded events, resource grants): their keys only grow,
 * so a FIFO holds them in key order and the next event is the smallest of three heads (the "now list" of
 * calendar-queue kernels; R. Brown, "Calendar queues", CACM 31(10), 1988, keeps same-time events apart
 * for the same reason).
 *
 * Run loop (one step):
 *   1. pop the earliest entry, advance `now` to its time;
 *   2. mark the event processed and notify its waiters in registration order (resume processes, check
 *      conditions, run callbacks);
 *   3. if the event failed and nobody defused it, stop with a SimulationError whose `cause` is the failure.
 */
import { ActiveCell } from "./active-cell.ts";
import { Condition } from "./condition.ts";
import { checkPriority, PENDING, PROCESSED, SimEvent, TRIGGERED } from "./event.ts";
import { EventQueue } from "./event-queue.ts";
import { NORMAL, URGENT } from "./priority.ts";
import { Process, type ProcessGenerator } from "./process.ts";
import { RENEW_EVERY } from "./renew-every.ts";
import { SimulationError } from "./simulation-error.ts";
import { type ScheduledHandle, Timeout } from "./timeout.ts";

/** Initial length of the current-instant FIFOs (they double when full). */
const FIFO_CAPACITY = 64;

function newSlots(n: number): (SimEvent<unknown> | undefined)[] {
  return new Array<SimEvent<unknown> | undefined>(n).fill(undefined);
}

function grownSlots(slots: (SimEvent<unknown> | undefined)[]): (SimEvent<unknown> | undefined)[] {
  const grown = newSlots(slots.length * 2);
  for (let i = 0; i < slots.length; i++) grown[i] = slots[i];
  return grown;
}

function grownKeys(keys: Float64Array): Float64Array {
  const grown = new Float64Array(keys.length * 2);
  grown.set(keys);
  return grown;
}

/** 2^42: the sequence counter lives below it and the priority above it in one exactly representable key. */
const PRIORITY_STRIDE = 4398046511104;

/** Options of the {@link Environment} constructor. */
export interface EnvironmentOptions {
  /** Clock value at the start (default 0). */
  initialTime?: number;
}

/** Options of {@link Environment.run}. */
export interface RunOptions {
  /**
   * Stop at this time or when this event has been processed. At a time, the stop is an URGENT event at
   * `until` (SimPy): timeouts and other NORMAL events at exactly that time do not run.
   */
  until?: number | SimEvent<unknown>;
}

/** The argument checks of `schedule` and `reschedule`. @throws RangeError, TypeError as they document */
function checkScheduleArguments(delay: number, callback: () => void, priority: number): void {
  if (!(delay >= 0)) throw new RangeError(`delay must be >= 0, got ${delay}`);
  if (typeof callback !== "function")
    throw new TypeError(`callback must be a function, got ${typeof callback}`);
  if (priority !== NORMAL) checkPriority(priority);
}

/** Clock, event list and run loop; creates events, timeouts, processes and conditions. */
export class Environment {
  /** @internal The event list. */
  readonly _queue = new EventQueue<SimEvent<unknown>>();
  /**
   * @internal Holds the process being resumed (null outside processes), replaced by a new cell every 256
   * resumes. The process is written into this small object rather than into the environment: the environment
   * lives in the old generation, so storing a young process into it is a write-barrier call (a remembered-set
   * insertion) at every resume, about 6% of the M/M/2 kernel benchmark; a cell that is renewed often is
   * usually young itself, and a young object's fields are written without that call.
   */
  _activeCell = new ActiveCell();
  /** @internal Resumes since the cell was renewed. */
  _cellUses = 0;
  // Events triggered for the current instant with priority URGENT (_u) and NORMAL (_n): FIFOs read from
  // the head index and rewound when they run empty, with each entry's order key alongside. Preallocated
  // arrays that never change elements kind keep the optimised code that pushes onto them stable.
  private _u: (SimEvent<unknown> | undefined)[] = newSlots(FIFO_CAPACITY);
  private _uKeys: Float64Array = new Float64Array(FIFO_CAPACITY);
  private _uHead = 0;
  private _uTail = 0;
  private _n: (SimEvent<unknown> | undefined)[] = newSlots(FIFO_CAPACITY);
  private _nKeys: Float64Array = new Float64Array(FIFO_CAPACITY);
  private _nHead = 0;
  private _nTail = 0;
  // Countdowns to renewing the arrays that hold events (the FIFOs when they run empty, the heap's payloads):
  // the same reason as `_activeCell`, a young array takes young events without a write-barrier call.
  private _uRenew = RENEW_EVERY;
  private _nRenew = RENEW_EVERY;
  private _heapRenew = RENEW_EVERY;
  // Initialised with a number (not left undefined by the class-field definition): a field that starts as
  // undefined holds doubles as separate heap numbers, one allocation per write; the clock moves at every event.
  private _now = 0;
  private _eventCount = 0;
  private _sequence = 0;
  private _stopped = false;

  /**
   * Create an environment whose clock starts at `initialTime` (default 0).
   * @throws RangeError when initialTime is not finite
   */
  constructor(options: EnvironmentOptions = {}) {
    const initialTime = options.initialTime ?? 0;
    if (!Number.isFinite(initialTime)) throw new RangeError(`initialTime must be finite, got ${initialTime}`);
    this._now = initialTime;
  }

  /** Current simulation time. */
  get now(): number {
    return this._now;
  }

  /** Number of events processed so far (timeouts, process starts and ends, triggered events, callbacks). */
  get eventCount(): number {
    return this._eventCount;
  }

  /** The process currently being resumed, or null outside processes. */
  get activeProcess(): Process<unknown> | null {
    return this._activeCell.process;
  }

  /** A pending event to trigger by hand with `succeed` or `fail`. */
  event<T = unknown>(): SimEvent<T> {
    return new SimEvent<T>(this);
  }

  /**
   * An event that succeeds with `value` after `delay` time units (priority NORMAL); `env.cancel(timeout)`
   * takes it off the event list.
   * @throws RangeError when delay is negative or not a number
   */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    if (!(delay >= 0)) throw new RangeError(`delay must be >= 0, got ${delay}`);
    const at = this._now + delay;
    const event = new Timeout<T>(this, at, value, null);
    event._slot = this._queue.push(at, NORMAL * PRIORITY_STRIDE + this._sequence++, event);
    return event;
  }

  /**
   * Start a process driven by `generator` at the current time (priority URGENT); the process is an event
   * that succeeds with the generator's return value. An object that is not a generator fails the process
   * with a TypeError at its start.
   * @throws TypeError when generator is not an object
   */
  process<R>(generator: ProcessGenerator<R>): Process<R> {
    return new Process<R>(this, generator);
  }

  /** An event that succeeds when all `events` have succeeded (at once for an empty list), or fails with the first failure. */
  allOf(events: SimEvent<unknown>[]): SimEvent<Map<SimEvent<unknown>, unknown>> {
    return new Condition(this, events, true);
  }

  /** An event that succeeds when any of `events` has succeeded (at once for an empty list), or fails with the first failure. */
  anyOf(events: SimEvent<unknown>[]): SimEvent<Map<SimEvent<unknown>, unknown>> {
    return new Condition(this, events, false);
  }

  /**
   * Run `callback` at now + delay with `priority` (default NORMAL); the handle cancels it in O(log n).
   * @throws RangeError when delay is negative or priority is out of range; TypeError when callback is not a function
   */
  schedule(delay: number, callback: () => void, priority: number = NORMAL): ScheduledHandle {
    checkScheduleArguments(delay, callback, priority);
    return this._scheduleHandle(delay, callback, priority);
  }

  /**
   * Run `callback` at now + delay with `priority` (default NORMAL), as {@link schedule} does (same event order,
   * same event count), but reusing `handle` when it is no longer pending (its callback has run, or it was
   * cancelled) instead of allocating a new handle; with `handle` null or still pending, a new handle. For
   * callbacks scheduled over and over (a project's next stop, a model's next retraining): one allocation per
   * chain instead of one per callback. Keep using only the handle returned.
   * @throws RangeError when delay is negative or priority is out of range; TypeError when callback is not a
   * function; Error when something waits for `handle` (yielded it, or `then`) and has not been notified yet.
   * A callback may reschedule its own handle while it runs: processes waiting for this firing still resume, but a
   * condition (`allOf`/`anyOf`) over the handle then sees it pending again and does not count this firing, so do
   * not reschedule a handle that a condition waits for.
   */
  reschedule(
    handle: ScheduledHandle | null,
    delay: number,
    callback: () => void,
    priority: number = NORMAL,
  ): ScheduledHandle {
    checkScheduleArguments(delay, callback, priority);
    if (handle === null || handle.env !== this || handle.pending)
      return this._scheduleHandle(delay, callback, priority);
    if (handle._callback === null || handle._isAwaited()) {
      throw new Error("reschedule: the handle is awaited, or is not the handle of a scheduled callback");
    }
    const at = this._now + delay;
    handle._at = at;
    handle._callback = callback;
    handle._state = TRIGGERED;
    handle._w0 = handle;
    handle._ws = null; // an emptied list (every waiter withdrew) is not carried into the new firing
    handle._slot = this._queue.push(at, priority * PRIORITY_STRIDE + this._sequence++, handle);
    return handle;
  }

  /** @internal Schedule a callback without argument checks (also below the user priority range). */
  _scheduleHandle(delay: number, callback: () => void, priority: number): ScheduledHandle {
    const at = this._now + delay;
    const handle = new Timeout<undefined>(this, at, undefined, callback);
    handle._slot = this._queue.push(at, priority * PRIORITY_STRIDE + this._sequence++, handle);
    return handle;
  }

  /**
   * Take a pending timeout or scheduled callback off the event list in O(log n); it will never be
   * processed. A no-op when it was processed or cancelled already.
   * @throws Error when something waits for the timeout (it would wait forever: interrupt the process first)
   */
  cancel(timeout: Timeout<unknown>): void {
    if (!timeout.pending) return;
    if (timeout._isAwaited()) {
      throw new Error("cancel: something is waiting for this timeout and would wait forever");
    }
    this._queue.remove(timeout._slot);
    timeout._slot = -1;
  }

  /** Time of the next event, or Infinity when the event list is empty. */
  peek(): number {
    if (this._uHead < this._uTail || this._nHead < this._nTail) return this._now;
    return this._queue.peekTime();
  }

  /**
   * Process the next event.
   * @throws RangeError when the event list is empty; SimulationError when the event failed unhandled
   */
  step(): void {
    if (!this._loop(true)) throw new RangeError("step requires a scheduled event; the event list is empty");
  }

  /**
   * Run until the event list is empty, until time `until` (the clock then reads `until`), or until the
   * event `until` is processed; returns that event's value.
   * @throws RangeError when until is a time not after now; SimulationError when an event fails unhandled
   * (the original error is its `cause`), or the failure of the `until` event; Error when the event list
   * runs empty before the `until` event is triggered
   */
  run(options: RunOptions = {}): unknown {
    const until = options.until;
    this._stopped = false;
    if (until === undefined) {
      this._loop(false);
      return undefined;
    }
    if (typeof until === "number") {
      if (!(until > this._now))
        throw new RangeError(`until must be greater than now (${this._now}), got ${until}`);
      // SimPy schedules the stop as an URGENT event at `until`: it runs before the timeouts at that time.
      const stop = this._scheduleHandle(until - this._now, () => this._stop(), URGENT);
      try {
        this._loop(false);
      } finally {
        this.cancel(stop);
      }
      return undefined;
    }
    if (!(until instanceof SimEvent) || until.env !== this) {
      throw new TypeError("until must be a number or an event of this environment");
    }
    if (until._state !== PROCESSED) {
      const stopper = { _notify: () => this._stop() };
      until._addWaiter(stopper);
      try {
        this._loop(false);
      } finally {
        if (until._state !== PROCESSED) until._removeWaiter(stopper);
      }
      if (until._state === PENDING) {
        throw new Error(`no scheduled events left but the until event was not triggered (now ${this._now})`);
      }
      if (until._state !== PROCESSED) {
        throw new Error(`no scheduled events left but the until event was not processed (now ${this._now})`);
      }
    }
    if (!until._ok) {
      throw new SimulationError(`the until event failed at time ${this._now}`, this._now, until._value);
    }
    return until._value;
  }

  /** @internal Put a triggered event on the list at now + delay; returns its heap slot, or -1 on a FIFO. */
  _enqueue(event: SimEvent<unknown>, delay: number, priority: number): number {
    if (delay === 0) {
      if (priority === NORMAL) {
        this._enqueueNormal(event);
        return -1;
      }
      if (priority === URGENT) {
        this._enqueueUrgent(event);
        return -1;
      }
    }
    return this._queue.push(this._now + delay, priority * PRIORITY_STRIDE + this._sequence++, event);
  }

  /** @internal Put an event on the current instant's URGENT list (process starts, interrupts), without checks. */
  _enqueueUrgent(event: SimEvent<unknown>): void {
    let tail = this._uTail;
    if (tail === this._u.length) {
      this._u = grownSlots(this._u);
      this._uKeys = grownKeys(this._uKeys);
    }
    this._u[tail] = event;
    this._uKeys[tail] = URGENT * PRIORITY_STRIDE + this._sequence++;
    this._uTail = ++tail;
  }

  /** @internal Put a triggered event on the current instant's NORMAL list (the common case, without checks). */
  _enqueueNormal(event: SimEvent<unknown>): void {
    let tail = this._nTail;
    if (tail === this._n.length) {
      this._n = grownSlots(this._n);
      this._nKeys = grownKeys(this._nKeys);
    }
    this._n[tail] = event;
    this._nKeys[tail] = NORMAL * PRIORITY_STRIDE + this._sequence++;
    this._nTail = ++tail;
  }

  private _stop(): void {
    this._stopped = true;
  }

  /**
   * The run loop: take the next event off the list and process it (start a process, or mark the event
   * processed and notify its waiters), until the list is empty or a stop; with `once`, one event only.
   * Returns false when the list was empty. One loop for `run` and `step`, with the processing written
   * inline: a call per event showed in the kernel benchmark (about 5%).
   */
  private _loop(once: boolean): boolean {
    const queue = this._queue;
    // a single step runs whatever the stop flag says (a run's stop stays requested for that run)
    while (once || !this._stopped) {
      // The next entry: the smallest of the URGENT FIFO head, the NORMAL FIFO head and the heap top. FIFO
      // entries are all at `now`; the heap goes first only with an entry at `now` of a smaller key.
      let event: SimEvent<unknown>;
      let head = this._uHead;
      if (head < this._uTail) {
        if (queue.precedes(this._now, this._uKeys[head]!)) event = queue.pop();
        else {
          event = this._u[head]!;
          this._u[head] = undefined;
          if (++head === this._uTail) {
            this._uHead = this._uTail = 0;
            if (--this._uRenew === 0) this._renewU();
          } else this._uHead = head;
        }
      } else if ((head = this._nHead) < this._nTail) {
        if (queue.precedes(this._now, this._nKeys[head]!)) event = queue.pop();
        else {
          event = this._n[head]!;
          this._n[head] = undefined;
          if (++head === this._nTail) {
            this._nHead = this._nTail = 0;
            if (--this._nRenew === 0) this._renewN();
          } else this._nHead = head;
        }
      } else {
        if (queue.size === 0) return false;
        if (--this._heapRenew === 0) this._renewHeap();
        event = queue.pop();
        this._now = queue.poppedTime;
      }
      this._eventCount++;
      if (event._state === PENDING) {
        (event as Process<unknown>)._start();
      } else {
        event._state = PROCESSED;
        // Both read before the first waiter runs: a scheduled callback may reschedule its own handle.
        const w0 = event._w0;
        const ws = event._ws;
        if (ws !== null) event._ws = null;
        if (w0 !== null) {
          event._w0 = null;
          if (typeof w0 === "function") w0(event);
          else w0._notify(event);
        }
        if (ws !== null) {
          for (let i = 0; i < ws.length; i++) {
            const w = ws[i]!;
            if (typeof w === "function") w(event);
            else w._notify(event);
          }
        }
        if (!event._ok && !event.defused) this._unhandled(event);
      }
      if (once) return true;
    }
    return true;
  }

  private _unhandled(event: SimEvent<unknown>): never {
    const cause = event._value;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new SimulationError(`unhandled failure at time ${this._now}: ${message}`, this._now, cause);
  }

  // Rarely called, out of the run loop's way (see RENEW_EVERY).
  private _renewU(): void {
    this._uRenew = RENEW_EVERY;
    this._u = newSlots(this._u.length);
  }

  private _renewN(): void {
    this._nRenew = RENEW_EVERY;
    this._n = newSlots(this._n.length);
  }

  private _renewHeap(): void {
    this._heapRenew = RENEW_EVERY;
    this._queue.renewItems();
  }
}
