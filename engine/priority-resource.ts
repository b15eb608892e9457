/**
 * A resource whose queue is ordered by request priority, lower first, FIFO among equal priorities (SimPy,
 * `simpy/resources/resource.py` `PriorityResource`).
 */
import { checkPriority } from "./event.ts";
import { Request, Resource } from "./resource.ts";

/** Options of {@link PriorityResource.request}. */
export interface PriorityRequestOptions {
  /** Integer priority in [-1000, 1000], lower served first (default 0). */
  priority?: number;
}

/** A resource whose waiting requests are served by priority (lower first), then in arrival order. */
export class PriorityResource extends Resource {
  /**
   * Request one unit with `priority` (default 0, lower is served first).
   * @throws RangeError when priority is not an integer in [-1000, 1000]
   */
  override request(options: PriorityRequestOptions = {}): Request {
    return this._submit(new Request(this, priorityOf(options.priority), false));
  }

  /** @internal Queue `request` by priority and grant what can be granted. */
  _submit(request: Request): Request {
    const waiting = this._waiting;
    if (waiting.length === this._head && this.users.length < this._capacity) {
      this._admitAtOnce(request);
      return request;
    }
    let lo = this._head;
    let hi = waiting.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (waiting[mid]!.priority <= request.priority) lo = mid + 1;
      else hi = mid;
    }
    waiting.splice(lo, 0, request);
    this._grant();
    return request;
  }
}

/** @internal Default and validate a request priority. */
export function priorityOf(priority: number | undefined): number {
  if (priority === undefined) return 0;
  checkPriority(priority);
  return priority;
}
