/**
 * The put/get protocol shared by stores and containers (SimPy, `simpy/resources/base.py` `BaseResource`):
 * a put or get event joins its queue and the queue is examined at once; a put event, when processed,
 * examines the get queue (an item or level may now be available), and a get event, when processed,
 * examines the put queue (room may now be free). Examining a queue offers its events, in order, to
 * `_doPut` / `_doGet`, which trigger the events they can serve (priority NORMAL) and say whether to go on
 * to the next one.
 */
import type { Environment } from "./environment.ts";
import { PENDING, SimEvent, type Waiter } from "./event.ts";
import type { Process } from "./process.ts";

/** A pending put or get of a store or container; it succeeds when served. */
export class Operation<T> extends SimEvent<T> implements Waiter {
  /** @internal The store or container. */
  readonly _owner: BaseResource<Operation<unknown>, Operation<unknown>>;
  /** @internal Whether this is a put (else a get). */
  readonly _isPut: boolean;
  /** The process that made the operation, or null outside processes. */
  readonly proc: Process<unknown> | null;

  /** @internal Use the owner's put or get. */
  constructor(owner: BaseResource<Operation<unknown>, Operation<unknown>>, isPut: boolean) {
    super(owner.env);
    this._owner = owner;
    this._isPut = isPut;
    this.proc = owner.env._activeCell.process;
    // Its own first waiter: when processed, it lets the other queue proceed before its process resumes.
    this._w0 = this;
  }

  /** Withdraw the operation if it is still waiting; a no-op once it has been served. */
  cancel(): void {
    const queue: Operation<unknown>[] = this._isPut ? this._owner._putQueue : this._owner._getQueue;
    const i = queue.indexOf(this as Operation<unknown>);
    if (i >= 0) queue.splice(i, 1);
  }

  /** @internal The waiting process was interrupted and went on without it: withdraw. */
  override _abandon(): void {
    if (this._state !== PENDING) return;
    this.cancel();
    this._failWithdrawn();
  }

  /** @internal Processed: examine the other queue. */
  _notify(): void {
    if (this._isPut) this._owner._triggerGet();
    else this._owner._triggerPut();
  }
}

/** Queues of waiting puts and gets, served by the subclass's `_doPut` and `_doGet`. */
export abstract class BaseResource<P extends Operation<unknown>, G extends Operation<unknown>> {
  /** The environment the resource lives in. */
  readonly env: Environment;
  /** @internal Waiting puts, in order. */
  readonly _putQueue: P[] = [];
  /** @internal Waiting gets, in order. */
  readonly _getQueue: G[] = [];

  /** Create empty queues in `env`. */
  constructor(env: Environment) {
    this.env = env;
  }

  /** Number of puts waiting. */
  get putQueueLength(): number {
    return this._putQueue.length;
  }

  /** Number of gets waiting. */
  get getQueueLength(): number {
    return this._getQueue.length;
  }

  /** Puts waiting, in order (a snapshot). */
  get putQueue(): P[] {
    return this._putQueue.slice();
  }

  /** Gets waiting, in order (a snapshot). */
  get getQueue(): G[] {
    return this._getQueue.slice();
  }

  /** @internal Serve `put` if possible (trigger it); returns whether to examine the next waiting put. */
  abstract _doPut(put: P): boolean;

  /** @internal Serve `get` if possible (trigger it); returns whether to examine the next waiting get. */
  abstract _doGet(get: G): boolean;

  /** @internal Queue a put and examine the put queue. */
  _submitPut(put: P): P {
    this._putQueue.push(put);
    this._triggerPut();
    return put;
  }

  /** @internal Queue a get and examine the get queue. */
  _submitGet(get: G): G {
    this._getQueue.push(get);
    this._triggerGet();
    return get;
  }

  /** @internal Offer the waiting puts, in order, to `_doPut`. */
  _triggerPut(): void {
    examine(this._putQueue, (put) => this._doPut(put));
  }

  /** @internal Offer the waiting gets, in order, to `_doGet`. */
  _triggerGet(): void {
    examine(this._getQueue, (get) => this._doGet(get));
  }
}

function examine<E extends SimEvent<unknown>>(queue: E[], serve: (event: E) => boolean): void {
  let i = 0;
  while (i < queue.length) {
    const event = queue[i]!;
    const proceed = serve(event);
    if (event.triggered) queue.splice(i, 1);
    else i++;
    if (!proceed) break;
  }
}
