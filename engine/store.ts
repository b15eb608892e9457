/**
 * A store of items with an optional capacity: `put(item)` waits while the store is full, `get()` waits while
 * it is empty; both queues are FIFO (SimPy, `simpy/resources/store.py`), served with SimPy's event order
 * (./base-resource.ts): a put adds its item at once when there is room, and the waiting gets are served
 * when the put is processed.
 */
import { BaseResource, Operation } from "./base-resource.ts";
import type { Environment } from "./environment.ts";

/** A pending put of one item; succeeds when the item is in the store. */
export class StorePut<T> extends Operation<undefined> {
  /** The item to put. */
  readonly item: T;

  /** @internal Use `store.put(item)`. */
  constructor(store: Store<T>, item: T) {
    super(store as unknown as BaseResource<Operation<unknown>, Operation<unknown>>, true);
    this.item = item;
  }
}

/** A pending get; succeeds with the item taken from the store. */
export class StoreGet<T> extends Operation<T> {
  /** Items this get accepts (FilterStore), or null for any item. */
  readonly filter: ((item: T) => boolean) | null;

  /** @internal Use `store.get()`. */
  constructor(store: Store<T>, filter: ((item: T) => boolean) | null) {
    super(store as unknown as BaseResource<Operation<unknown>, Operation<unknown>>, false);
    this.filter = filter;
  }
}

/** A FIFO store of items with `capacity` (default Infinity). */
export class Store<T> extends BaseResource<StorePut<T>, StoreGet<T>> {
  /** Maximum number of items (a positive integer or Infinity). */
  readonly capacity: number;
  /** Items in the store, in the order gets receive them. */
  readonly items: T[] = [];

  /**
   * Create an empty store holding at most `capacity` items (default Infinity).
   * @throws RangeError when capacity is not a positive integer or Infinity
   */
  constructor(env: Environment, capacity = Number.POSITIVE_INFINITY) {
    if (!(capacity === Number.POSITIVE_INFINITY || (Number.isInteger(capacity) && capacity >= 1))) {
      throw new RangeError(`capacity must be a positive integer or Infinity, got ${capacity}`);
    }
    super(env);
    this.capacity = capacity;
  }

  /** Put `item`; the event succeeds (priority NORMAL) once the item is in the store. */
  put(item: T): StorePut<T> {
    return this._submitPut(new StorePut(this, item));
  }

  /** Take the next item; the event succeeds with it (priority NORMAL) once one is available. */
  get(): StoreGet<T> {
    return this._submitGet(new StoreGet<T>(this, null));
  }

  /** @internal Add the item if there is room (SimPy's `Store._do_put` examines the first put only). */
  _doPut(put: StorePut<T>): boolean {
    if (this.items.length < this.capacity) {
      this._addItem(put.item);
      put.succeed();
    }
    return false;
  }

  /** @internal Hand the next item to the first get (SimPy's `Store._do_get` examines the first get only). */
  _doGet(get: StoreGet<T>): boolean {
    if (this.items.length > 0) get.succeed(this.items.shift()!);
    return false;
  }

  /** @internal Insert an item (FIFO here; PriorityStore keeps the items sorted). */
  _addItem(item: T): void {
    this.items.push(item);
  }
}
