/**
 * A store of items with an optional capacity: `put(item)` waits while the store is full, `get()` waits while
 * it is empty; both queues are FIFO (SimPy, `simpy/resources/store.py`). Puts and gets are served at once
 * when possible, inside the call that makes them possible.
 */
import type { Environment } from "./environment.ts";
import { SimEvent } from "./event.ts";

/** A pending put of one item; succeeds when the item is in the store. */
export class StorePut<T> extends SimEvent<undefined> {
  /** The item to put. */
  readonly item: T;
  /** @internal The store. */
  readonly _store: Store<T>;

  /** @internal Use `store.put(item)`. */
  constructor(store: Store<T>, item: T) {
    super(store.env);
    this._store = store;
    this.item = item;
  }

  /** Withdraw the put if it is still waiting; a no-op otherwise. */
  cancel(): void {
    removeFrom(this._store._putQueue, this);
  }

  /** @internal The waiting process was interrupted: withdraw the put. */
  override _abandon(): void {
    this.cancel();
  }
}

/** A pending get; succeeds with the item taken from the store. */
export class StoreGet<T> extends SimEvent<T> {
  /** Items this get accepts (FilterStore), or null for any item. */
  readonly filter: ((item: T) => boolean) | null;
  /** @internal The store. */
  readonly _store: Store<T>;

  /** @internal Use `store.get()`. */
  constructor(store: Store<T>, filter: ((item: T) => boolean) | null) {
    super(store.env);
    this._store = store;
    this.filter = filter;
  }

  /** Withdraw the get if it is still waiting; a no-op otherwise. */
  cancel(): void {
    removeFrom(this._store._getQueue, this);
  }

  /** @internal The waiting process was interrupted: withdraw the get so that no item is lost to it. */
  override _abandon(): void {
    this.cancel();
  }
}

/** A FIFO store of items with `capacity` (default Infinity). */
export class Store<T> {
  /** The environment the store lives in. */
  readonly env: Environment;
  /** Maximum number of items (a positive integer or Infinity). */
  readonly capacity: number;
  /** Items in the store, in the order gets receive them. */
  readonly items: T[] = [];
  /** @internal Waiting puts. */
  readonly _putQueue: StorePut<T>[] = [];
  /** @internal Waiting gets. */
  readonly _getQueue: StoreGet<T>[] = [];

  /**
   * Create an empty store holding at most `capacity` items (default Infinity).
   * @throws RangeError when capacity is not a positive integer or Infinity
   */
  constructor(env: Environment, capacity = Number.POSITIVE_INFINITY) {
    if (!(capacity === Number.POSITIVE_INFINITY || (Number.isInteger(capacity) && capacity >= 1))) {
      throw new RangeError(`capacity must be a positive integer or Infinity, got ${capacity}`);
    }
    this.env = env;
    this.capacity = capacity;
  }

  /** Number of puts waiting for room. */
  get putQueueLength(): number {
    return this._putQueue.length;
  }

  /** Number of gets waiting for an item. */
  get getQueueLength(): number {
    return this._getQueue.length;
  }

  /** Put `item`; the event succeeds (priority URGENT) once the item is in the store. */
  put(item: T): SimEvent<undefined> {
    const put = new StorePut(this, item);
    this._putQueue.push(put);
    this._settle();
    return put;
  }

  /** Take the next item; the event succeeds with it (priority URGENT) once one is available. */
  get(): SimEvent<T> {
    return this._submitGet(new StoreGet<T>(this, null));
  }

  /** @internal Queue a get and serve what can be served. */
  _submitGet(get: StoreGet<T>): StoreGet<T> {
    this._getQueue.push(get);
    this._settle();
    return get;
  }

  /** @internal Serve puts and gets until neither can proceed. */
  _settle(): void {
    const puts = this._putQueue;
    for (;;) {
      let progressed = false;
      while (puts.length > 0 && this.items.length < this.capacity) {
        const put = puts.shift()!;
        this._addItem(put.item);
        put.succeed();
        progressed = true;
      }
      if (this._serveGets()) progressed = true;
      if (!progressed) return;
    }
  }

  /** @internal Insert an item (FIFO here; PriorityStore keeps the items sorted). */
  _addItem(item: T): void {
    this.items.push(item);
  }

  /** @internal Serve waiting gets in order; returns whether any was served. */
  _serveGets(): boolean {
    const gets = this._getQueue;
    let served = false;
    while (gets.length > 0 && this.items.length > 0) {
      gets.shift()!.succeed(this.items.shift()!);
      served = true;
    }
    return served;
  }
}

function removeFrom<E>(queue: E[], element: E): void {
  const i = queue.indexOf(element);
  if (i >= 0) queue.splice(i, 1);
}
