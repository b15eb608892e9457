/**
 * A store whose gets receive the smallest item according to `compare` (SimPy, `simpy/resources/store.py`
 * `PriorityStore`); items that compare equal leave in the order they were put. Items are kept sorted by
 * binary insertion, so `items[0]` is the next item out; puts and gets follow the Store's event order.
 */
import type { Environment } from "./environment.ts";
import { Store } from "./store.ts";

/** A store that hands out its smallest item first (ties in put order). */
export class PriorityStore<T> extends Store<T> {
  private readonly compare: (a: T, b: T) => number;

  /**
   * Create an empty store ordered by `compare` (negative when a comes before b), holding at most `capacity`.
   * @throws TypeError when compare is not a function; RangeError for a bad capacity
   */
  constructor(env: Environment, compare: (a: T, b: T) => number, capacity = Number.POSITIVE_INFINITY) {
    super(env, capacity);
    if (typeof compare !== "function")
      throw new TypeError(`compare must be a function, got ${typeof compare}`);
    this.compare = compare;
  }

  /** @internal Insert after every item that does not come after it. */
  override _addItem(item: T): void {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(items[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, item);
  }
}
