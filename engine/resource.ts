/**
 * A resource with `capacity` identical units, used by at most `capacity` requests at once, with a FIFO
 * queue of waiting requests (SimPy, `simpy/resources/resource.py` and `simpy/resources/base.py`).
 *
 * Event order as in SimPy: a request is queued and the head of the queue is examined (`_triggerPut`); a
 * granted request is triggered with priority NORMAL and reaches its process through the event list, even
 * when it is granted the moment it is made (so a higher-priority request made in the same instant can
 * still preempt it). `release()` frees the unit at once and returns a Release event; when the event list
 * reaches that event, the head of the queue is examined again and granted. Beyond SimPy: `capacity` can be
 * changed during a run (raising it grants queued requests at once, lowering it preempts nobody),
 * `tryRequest()` never queues (balking, loss systems) and `queueLimit` bounds the queue.
 */

import type { Environment } from "./environment.ts";
import { PENDING, PROCESSED, SimEvent, TRIGGERED, type Waiter } from "./event.ts";
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
  /** Time at which the request was made (for a resumed request, the time of the preempted original). */
  readonly time: number;
  /** Time at which the unit was granted (NaN until then). */
  usageSince: number;
  /** @internal Index in `resource.users`, or -1 when not a user. */
  _userIndex: number;
  /** @internal Grant order among the users (SimPy preempts the last granted among equal keys). */
  _grantSeq: number;

  /** @internal Use `resource.request()`. */
  constructor(resource: Resource, priority: number, preempt: boolean, time: number) {
    const env = resource.env;
    super(env);
    this.resource = resource;
    this.proc = env._activeCell.process;
    this.priority = priority;
    this.preempt = preempt;
    this.time = time;
    this.usageSince = Number.NaN;
    this._userIndex = -1;
    this._grantSeq = 0;
  }

  /** Give the unit back, or withdraw the request if it is still queued; a no-op when already released. */
  cancel(): void {
    if (this._userIndex >= 0) this.resource.release(this);
    else this.resource._dequeueRequest(this);
  }

  /**
   * @internal The waiting process was interrupted and went on without waiting for this request again:
   * withdraw it so that it does not leak (a unit granted but not yet delivered is given back).
   */
  override _abandon(): void {
    this.cancel();
    this._failWithdrawn();
  }

  /**
   * @internal Whether the request is done with: its event was processed (granted and delivered, or withdrawn),
   * it holds no unit and nothing waits for it. Only such a request may be made again (`renewRequest`).
   */
  _isSpent(): boolean {
    return this._state === PROCESSED && this._userIndex < 0 && this._w0 === null && this._ws === null;
  }

  /** @internal Reset a spent request to a new one made now by the active process (same priority and preemption). */
  _renew(): void {
    const env = this.env;
    this._state = PENDING;
    this._ok = false;
    this._value = undefined;
    this.defused = false;
    const fields = this as { proc: Process<unknown> | null; time: number };
    fields.proc = env._activeCell.process;
    fields.time = env.now;
    this.usageSince = Number.NaN;
    this._grantSeq = 0;
  }
}

/** A resource of `capacity` units with a FIFO queue; `request()` events succeed when a unit is granted. */
export class Resource implements Waiter {
  /** The environment the resource lives in. */
  readonly env: Environment;
  /** Requests currently holding a unit (order unspecified). */
  readonly users: Request[] = [];
  /** @internal Most requests allowed to wait. */
  private _queueLimit = Number.POSITIVE_INFINITY;
  /** @internal Waiting requests in service order are `_waiting[_head..]` (a head index instead of shift()). */
  _waiting: Request[] = [];
  /** @internal Index of the first waiting request in `_waiting`. */
  _head = 0;
  /** @internal Number of units. */
  _capacity: number;
  /** @internal Grants so far. */
  private _grants = 0;
  /** @internal The release event of `releaseUnwatched`, created at its first call. */
  private _release: SimEvent<undefined> | null = null;

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
    while (this._head < this._waiting.length && this.users.length < this._capacity) {
      const granted = this.users.length;
      this._triggerPut();
      if (this.users.length === granted) break;
    }
  }

  /**
   * Most requests allowed to wait (default Infinity): `request()` throws beyond it and `tryRequest()`
   * returns null (SimPy's `put_queue.maxlen`).
   * @throws RangeError when set to anything but a non-negative integer or Infinity
   */
  get queueLimit(): number {
    return this._queueLimit;
  }

  set queueLimit(limit: number) {
    if (!(limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit >= 0))) {
      throw new RangeError(`queueLimit must be an integer >= 0 or Infinity, got ${limit}`);
    }
    this._queueLimit = limit;
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
   * Request one unit. The request queues behind the waiting ones and succeeds (priority NORMAL) when it is
   * granted, at once when a unit is free and nobody waits.
   * @throws Error when `queueLimit` requests already wait
   */
  request(): Request {
    return this._submit(new Request(this, 0, false, this.env.now));
  }

  /**
   * Make `previous` again: the same request (resource, priority, preemption) made now, as `request()` makes a
   * new one (same queueing, same events), built in `previous` instead of a new object when it is spent (its
   * grant was processed and it was released, or it was withdrawn, and nothing waits for it); with `previous`
   * null or still in use, a new `request()`. For a caller that requests the same resource over and over (a
   * project asking for expert support): one allocation per caller instead of one per request. Keep using only
   * the request returned.
   * @throws TypeError when `previous` is a request of another resource; as `request()` otherwise
   */
  renewRequest(previous: Request | null): Request {
    if (previous === null) return this.request();
    if (previous.resource !== this)
      throw new TypeError("renewRequest requires a request made to this resource");
    if (!previous._isSpent()) return this.request();
    previous._renew();
    return this._submit(previous);
  }

  /**
   * Request one unit only if it is granted at once (it is then the event to yield, as from `request()`);
   * otherwise return null and leave nothing behind: for balking customers and loss systems (Erlang B).
   */
  tryRequest(): Request | null {
    return this._try(new Request(this, 0, false, this.env.now));
  }

  /**
   * Give back the unit held by `request` (or withdraw it while queued) and return the release event
   * (SimPy's `Release`): it is triggered at once (priority NORMAL) and, when processed, grants the freed
   * unit to the head of the queue. Releasing twice frees nothing twice.
   * @throws TypeError when the request belongs to another resource
   */
  release(request: Request): SimEvent<undefined> {
    this._giveBack(request, "release");
    const release = new SimEvent<undefined>(this.env);
    release._ok = true;
    release._state = TRIGGERED;
    // The resource is the release's first waiter: the grant runs before anything else waiting for it.
    release._w0 = this;
    this.env._enqueueNormal(release);
    return release;
  }

  /**
   * Give back the unit held by `request` (or withdraw it while queued) as `release()` does, with the same events
   * in the same order (the freed unit goes to the head of the queue when the event list reaches the release),
   * but return nothing: the release is this resource's own event, put on the list once per release and never
   * handed out, so nothing can wait for it. For callers that do not wait for their releases; it saves the
   * release event's allocation.
   * @throws TypeError when the request belongs to another resource
   */
  releaseUnwatched(request: Request): void {
    this._giveBack(request, "releaseUnwatched");
    let release = this._release;
    if (release === null) {
      release = this._release = new SimEvent<undefined>(this.env);
      release._ok = true;
    }
    // armed here and again each time it is processed (see _notify): the run loop marks it processed and takes
    // its waiter every time it reaches one of its places on the list
    release._state = TRIGGERED;
    release._w0 = this;
    this.env._enqueueNormal(release);
  }

  /** @internal Free the unit `request` holds, or withdraw it while queued (the first half of a release). */
  private _giveBack(request: Request, caller: string): void {
    if (request.resource !== this) {
      throw new TypeError(`${caller} requires a request made to this resource`);
    }
    if (request._userIndex >= 0) this._removeUser(request);
    else this._dequeueRequest(request);
  }

  /** @internal A release event was processed: grant the head of the queue. */
  _notify(event: SimEvent<unknown>): void {
    if (event === this._release) {
      // it may be on the list again, for a later release of this instant: the run loop took its waiter
      event._state = TRIGGERED;
      event._w0 = this;
    }
    this._triggerPut();
  }

  /** @internal Queue `request` and examine the head of the queue (granting it now when a unit is free). */
  _submit(request: Request): Request {
    if (this._head === this._waiting.length && this.users.length < this._capacity) {
      // The new request would be the head and a unit is free: grant without touching the queue.
      this._grant(request);
      return request;
    }
    if (this._waiting.length - this._head >= this._queueLimit) {
      throw new Error(`request: the queue is full (queueLimit ${this._queueLimit})`);
    }
    this._enqueueRequest(request);
    this._triggerPut();
    return request;
  }

  /** @internal Submit, and withdraw the request again if it was not granted at once. */
  _try(request: Request): Request | null {
    const free = this._head === this._waiting.length && this.users.length < this._capacity;
    if (!free && this._waiting.length - this._head >= this._queueLimit) return null;
    this._submit(request);
    if (request._userIndex >= 0) return request;
    this._dequeueRequest(request);
    return null;
  }

  /** @internal Put `request` in the queue in service order (FIFO here). */
  _enqueueRequest(request: Request): void {
    this._waiting.push(request);
  }

  /** @internal Remove a waiting request from the queue; a no-op when it does not wait. */
  _dequeueRequest(request: Request): void {
    const i = this._waiting.indexOf(request, this._head);
    if (i < 0) return;
    if (i === this._head) this._shift();
    else this._waiting.splice(i, 1);
  }

  /**
   * @internal Examine the head of the queue and grant it if a unit is free (SimPy's `_trigger_put` with
   * `Resource._do_put`, which looks at the head only).
   */
  _triggerPut(): void {
    if (this._head < this._waiting.length && this.users.length < this._capacity) this._grant(this._shift());
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

  /**
   * @internal Take the first waiting request (the caller checked that there is one). Its slot is cleared and
   * left behind: an emptied queue is not truncated to length 0, which would drop the array's backing store
   * and make the next request allocate a new one (in the push builtin, once per busy period); the slots
   * below the head are reclaimed in bulk once there are 1024 of them and they are at least half the array.
   */
  _shift(): Request {
    const waiting = this._waiting;
    const head = this._head;
    const request = waiting[head]!;
    waiting[head] = undefined as unknown as Request;
    this._head = head + 1;
    if (this._head >= 1024 && this._head * 2 >= waiting.length) {
      waiting.copyWithin(0, this._head);
      waiting.length -= this._head;
      this._head = 0;
    }
    return request;
  }

  /** @internal Make `request` a user and trigger it (priority NORMAL). */
  _grant(request: Request): void {
    request._userIndex = this.users.length;
    request._grantSeq = this._grants++;
    this.users.push(request);
    request.usageSince = this.env.now;
    request._ok = true;
    request._state = TRIGGERED;
    this.env._enqueueNormal(request);
  }
}

function checkCapacity(capacity: number, min: number): void {
  if (!(capacity === Number.POSITIVE_INFINITY || (Number.isInteger(capacity) && capacity >= min))) {
    throw new RangeError(`capacity must be an integer >= ${min} or Infinity, got ${capacity}`);
  }
}
