/**
 * A resource whose queue is ordered by request priority, lower first, FIFO among equal priorities (SimPy,
 * `simpy/resources/resource.py` `PriorityResource`, whose queue is sorted by the key (priority, time)).
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
   * @throws RangeError when priority is not an integer in [-1000, 1000]; Error when `queueLimit` requests wait
   */
  override request(options: PriorityRequestOptions = {}): Request {
    return this._submit(new Request(this, priorityOf(options.priority), false, this.env.now));
  }

  /**
   * Request one unit with `priority` only if it is granted at once; otherwise return null, leaving nothing behind.
   * @throws RangeError when priority is not an integer in [-1000, 1000]
   */
  override tryRequest(options: PriorityRequestOptions = {}): Request | null {
    return this._try(new Request(this, priorityOf(options.priority), false, this.env.now));
  }

  /** @internal Insert after every waiting request whose key is not larger (stable, as SimPy's sorted queue). */
  override _enqueueRequest(request: Request): void {
    const waiting = this._waiting;
    let lo = this._head;
    let hi = waiting.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareKeys(waiting[mid]!, request) <= 0) lo = mid + 1;
      else hi = mid;
    }
    waiting.splice(lo, 0, request);
  }
}

/** @internal Default and validate a request priority. */
export function priorityOf(priority: number | undefined): number {
  if (priority === undefined) return 0;
  checkPriority(priority);
  return priority;
}

/** @internal SimPy's request key (priority, time, not preempt), compared lexicographically. */
export function compareKeys(a: Request, b: Request): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.time !== b.time) return a.time - b.time;
  return (a.preempt ? 0 : 1) - (b.preempt ? 0 : 1);
}
