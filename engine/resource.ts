/**
 * A resource with `capacity` identical units, used by at most `capacity` requests at once, with a FIFO
 * queue of waiting requests (SimPy, `simpy/resources/resource.py` and `simpy/resources/base.py`).
 *
 * Differences from SimPy, same simulated times, fewer trips through the event list: a request granted the
 * moment it is made is already processed (yielding it does not wait); a queued request is granted inside
 * `release()` (SimPy grants it when the Release event is processed); `release()` returns an event that has
 * already happened instead of scheduling one. Raising `capacity` grants queued requests at once; lowering it
 * preempts nobody but grants nothing until `count < capacity`.
 */

import type { Environment } from "./environment.ts";
import { doneEvent, PROCESSED, SimEvent, TRIGGERED } from "./event.ts";
import { URGENT } from "./priority.ts";
import type { Process } from "./process.ts";

/**
 * A request for one unit of a resource; it succeeds when the unit is granted. Give the unit back with
 * `resource.release(request)` or `request.cancel()` (which also withdraws a request still queued).
 */
export class Request extends SimEvent<undefined> {
  /** The resource requested. */
  readonly resource: Resource;
  /** The process that made the request, or null outside processes. */
  readonly proc: Process<unknown> | null;
  /** Priority of the request (lower is served first; 0 for a plain Resource). */
  readonly priority: number;
  /** Whether the request may preempt a user (PreemptiveResource only). */
  readonly preempt: boolean;
  /** Time at which the request was made. */
  readonly time: number;
  /** Time at which the unit was granted (NaN until then). */
  usageSince: number;
  /** @internal Index in `resource.users`, or -1 when not a user. */
  _userIndex: number;

  /** @internal Use `resource.request()`. */
  constructor(resource: Resource, priority: number, preempt: boolean) {
    const env = resource.env;
    super(env);
    this.resource = resource;
    this.proc = env._active;
    this.priority = priority;
    this.preempt = preempt;
    this.time = env.now;
    this.usageSince = Number.NaN;
    this._userIndex = -1;
  }

  /** Give the unit back, or withdraw the request if it is still queued; a no-op when already released. */
  cancel(): void {
    this.resource._withdraw(this);
  }

  /** @internal The waiting process was interrupted: withdraw so that the request does not leak. */
  override _abandon(): void {
    this.resource._withdraw(this);
  }
}

/** A resource of `capacity` units with a FIFO queue; `request()` events succeed when a unit is granted. */
export class Resource {
  /** The environment the resource lives in. */
  readonly env: Environment;
  /** Requests currently holding a unit (order unspecified). */
  readonly users: Request[] = [];
  /** @internal Waiting requests in service order are `_waiting[_head..]` (a head index instead of shift()). */
  _waiting: Request[] = [];
  /** @internal Index of the first waiting request in `_waiting`. */
  _head = 0;
  /** @internal Number of units. */
  _capacity: number;

  /**
   * Create a resource with `capacity` units (a positive integer, or Infinity).
   * @throws RangeError when capacity is not a positive integer or Infinity
   */
  constructor(env: Environment, capacity = 1) {
    checkCapacity(capacity, 1);
    this.env = env;
    this._capacity = capacity;
  }

  /** Number of units; setting it during a run grants queued requests when raised and preempts nobody when lowered. */
  get capacity(): number {
    return this._capacity;
  }

  set capacity(capacity: number) {
    checkCapacity(capacity, 0);
    this._capacity = capacity;
    this._grant();
  }

  /** Number of units in use. */
  get count(): number {
    return this.users.length;
  }

  /** Number of requests waiting. */
  get queueLength(): number {
    return this._waiting.length - this._head;
  }

  /** Requests waiting for a unit, in service order (a snapshot). */
  get queue(): Request[] {
    return this._waiting.slice(this._head);
  }

  /**
   * Request one unit. When a unit is free and nobody queues, the request is granted on the spot and is
   * already processed (yielding it does not wait); otherwise it queues and succeeds with priority URGENT
   * when granted.
   */
  request(): Request {
    const request = new Request(this, 0, false);
    if (this.users.length < this._capacity && this._waiting.length === this._head) this._admitAtOnce(request);
    else this._waiting.push(request);
    return request;
  }

  /**
   * Give back the unit held by `request` (or withdraw it while queued) and grant waiting requests; returns
   * an event that has already happened. Releasing twice is a no-op.
   * @throws TypeError when the request belongs to another resource
   */
  release(request: Request): SimEvent<undefined> {
    if (request.resource !== this) {
      throw new TypeError("release requires a request made to this resource");
    }
    this._withdraw(request);
    return doneEvent(this.env);
  }

  /** @internal Remove `request` from the users or from the queue. */
  _withdraw(request: Request): void {
    if (request._userIndex >= 0) {
      this._removeUser(request);
      this._grant();
      return;
    }
    const i = this._waiting.indexOf(request, this._head);
    if (i >= 0) this._waiting.splice(i, 1);
  }

  /** @internal Swap-remove a user in O(1). */
  _removeUser(request: Request): void {
    const users = this.users;
    const i = request._userIndex;
    const last = users.pop()!;
    if (last !== request) {
      users[i] = last;
      last._userIndex = i;
    }
    request._userIndex = -1;
  }

  /** @internal Grant queued requests while units are free. */
  _grant(): void {
    const waiting = this._waiting;
    while (this._head < waiting.length && this.users.length < this._capacity) this._admit(this._dequeue());
  }

  /** @internal Take the first waiting request (the caller checked that there is one). */
  _dequeue(): Request {
    const waiting = this._waiting;
    const request = waiting[this._head++]!;
    if (this._head === waiting.length) {
      waiting.length = 0;
      this._head = 0;
    } else if (this._head >= 1024 && this._head * 2 >= waiting.length) {
      waiting.copyWithin(0, this._head);
      waiting.length -= this._head;
      this._head = 0;
    }
    return request;
  }

  /**
   * @internal Fast path for a request granted the moment it is made: it is processed at once (yielding it
   * continues without a trip through the event list).
   */
  _admitAtOnce(request: Request): void {
    request._userIndex = this.users.length;
    this.users.push(request);
    request.usageSince = this.env.now;
    request._ok = true;
    request._state = PROCESSED;
  }

  /** @internal Make `request` a user and trigger it. */
  _admit(request: Request): void {
    request._userIndex = this.users.length;
    this.users.push(request);
    request.usageSince = this.env.now;
    request._ok = true;
    request._state = TRIGGERED;
    this.env._enqueue(request, 0, URGENT);
  }
}

function checkCapacity(capacity: number, min: number): void {
  if (!(capacity === Number.POSITIVE_INFINITY || (Number.isInteger(capacity) && capacity >= min))) {
    throw new RangeError(`capacity must be an integer >= ${min} or Infinity, got ${capacity}`);
  }
}
