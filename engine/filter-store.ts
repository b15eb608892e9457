/**
 * A store whose gets take the first item matching their filter (SimPy, `simpy/resources/store.py`
 * `FilterStore`). Each time the get queue is examined, every waiting get, in order, takes the first item
 * its filter accepts (each filter is called once per item, until it accepts one), so a later get may be
 * served before an earlier one whose filter matches nothing.
 */
import { Store, StoreGet } from "./store.ts";

/** A store where `get(filter)` waits for the first item satisfying `filter`. */
export class FilterStore<T> extends Store<T> {
  /**
   * Take the first item for which `filter` returns true (default: any item).
   * @throws TypeError when filter is not a function
   */
  override get(filter?: (item: T) => boolean): StoreGet<T> {
    if (filter !== undefined && typeof filter !== "function") {
      throw new TypeError(`filter must be a function, got ${typeof filter}`);
    }
    return this._submitGet(new StoreGet<T>(this, filter ?? null));
  }

  /** @internal Give `get` the first item its filter accepts; always go on to the next get. */
  override _doGet(get: StoreGet<T>): boolean {
    const items = this.items;
    const filter = get.filter;
    const index = filter === null ? (items.length > 0 ? 0 : -1) : items.findIndex(filter);
    if (index >= 0) get.succeed(items.splice(index, 1)[0] as T);
    return true;
  }
}
