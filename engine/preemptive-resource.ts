/**
 * A priority resource where a request may preempt a user of lower priority (SimPy,
 * `simpy/resources/resource.py` `PreemptiveResource`). Users are ranked by the key (priority, request time,
 * not preempt); the head of the queue, if it may preempt, evicts the user with the largest key when that key
 * is larger than its own. The victim's process receives an Interrupt whose cause is a {@link Preempted}.
 * When the resource is over capacity (capacity lowered during a run), nobody is preempted until it drains.
 */
import { Preempted } from "./preempted.ts";
import { PriorityResource, priorityOf } from "./priority-resource.ts";
import { Request } from "./resource.ts";

/** Options of {@link PreemptiveResource.request}. */
export interface PreemptiveRequestOptions {
  /** Integer priority in [-1000, 1000], lower served first (default 0). */
  priority?: number;
  /** Whether the request may preempt a user with a larger key (default true). */
  preempt?: boolean;
}

/** A priority resource whose requests can evict lower-priority users, interrupting their processes. */
export class PreemptiveResource extends PriorityResource {
  /**
   * Request one unit with `priority` (default 0), preempting a lower-priority user when `preempt` (default true).
   * @throws RangeError when priority is not an integer in [-1000, 1000]
   */
  override request(options: PreemptiveRequestOptions = {}): Request {
    return this._submit(new Request(this, priorityOf(options.priority), options.preempt ?? true));
  }

  /** @internal Grant free units, then let the queue head preempt while it outranks a user. */
  override _grant(): void {
    const waiting = this._waiting;
    const users = this.users;
    while (this._head < waiting.length) {
      const head = waiting[this._head]!;
      if (users.length < this._capacity) {
        this._admit(this._dequeue());
        continue;
      }
      if (!head.preempt || users.length > this._capacity) return;
      let victim: Request | undefined;
      for (const user of users) if (victim === undefined || compareKeys(user, victim) > 0) victim = user;
      if (victim === undefined || compareKeys(victim, head) <= 0) return;
      this._removeUser(victim);
      const proc = victim.proc;
      if (proc?.isAlive && proc !== this.env.activeProcess) {
        proc.interrupt(new Preempted(head.proc ?? undefined, victim.usageSince, this));
      }
    }
  }
}

/** SimPy's preemption key (priority, time, not preempt), compared lexicographically. */
function compareKeys(a: Request, b: Request): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.time !== b.time) return a.time - b.time;
  return (a.preempt ? 0 : 1) - (b.preempt ? 0 : 1);
}
