/**
 * A store whose gets take the first item matching their filter (SimPy, `simpy/resources/store.py`
 * `FilterStore`). Waiting gets are scanned in order and each takes the first matching item, so a later get
 * may be served before an earlier one whose filter matches nothing.
 */
import type { SimEvent } from "./event.ts";
import { Store, StoreGet } from "./store.ts";

/** A store where `get(filter)` waits for the first item satisfying `filter`. */
export class FilterStore<T> extends Store<T> {
  /**
   * Take the first item for which `filter` returns true (default: any item).
   * @throws TypeError when filter is not a function
   */
  override get(filter?: (item: T) => boolean): SimEvent<T> {
    if (filter !== undefined && typeof filter !== "function") {
      throw new TypeError(`filter must be a function, got ${typeof filter}`);
    }
    return this._submitGet(new StoreGet<T>(this, filter ?? null));
  }

  /** @internal Serve every waiting get that has a matching item. */
  override _serveGets(): boolean {
    const gets = this._getQueue;
    const items = this.items;
    let served = false;
    let i = 0;
    while (i < gets.length && items.length > 0) {
      const get = gets[i]!;
      const filter = get.filter;
      const index = filter === null ? 0 : items.findIndex(filter);
      if (index < 0) {
        i++;
        continue;
      }
      const [item] = items.splice(index, 1);
      gets.splice(i, 1);
      get.succeed(item as T);
      served = true;
    }
    return served;
  }
}
