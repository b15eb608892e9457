/**
 * A priority resource where a request may preempt a user of lower priority (SimPy,
 * `simpy/resources/resource.py` `PreemptiveResource`). Requests are ranked by the key (priority, request
 * time, not preempt). When the head of the queue may preempt and no unit is free, the user with the
 * largest key (the last granted among equal keys) is evicted if that key is larger than the head's; the
 * victim's process receives an Interrupt whose cause is a {@link Preempted} record. When the resource is
 * over capacity (capacity lowered during a run), nobody is preempted until it drains.
 *
 * A preempted process that requests again queues, as in SimPy, behind every request of its priority made
 * before the new one; passing the Preempted record as `resume` keeps the original request time instead, so
 * it resumes at the head of its priority class (preemptive-resume discipline; L. Kleinrock, Queueing
 * Systems vol. 2, Wiley 1976, section 3.7).
 */
import { Preempted } from "./preempted.ts";
import { compareKeys, PriorityResource, priorityOf } from "./priority-resource.ts";
import { Request } from "./resource.ts";
import { Timeout } from "./timeout.ts";

/** Options of {@link PreemptiveResource.request}. */
export interface PreemptiveRequestOptions {
  /** Integer priority in [-1000, 1000], lower served first (default 0). */
  priority?: number;
  /** Whether the request may preempt a user with a larger key (default true). */
  preempt?: boolean;
  /**
   * The cause of an earlier preemption on this resource: the new request takes the preempted request's
   * time, so it queues at the head of its priority class (default: a new request, queued as in SimPy).
   */
  resume?: Preempted | undefined;
}

/** A priority resource whose requests can evict lower-priority users, interrupting their processes. */
export class PreemptiveResource extends PriorityResource {
  /**
   * Request one unit with `priority` (default 0), preempting a lower-priority user when `preempt` (default
   * true); `resume` continues an earlier preempted request at the head of its class.
   * @throws RangeError when priority is not an integer in [-1000, 1000]; TypeError when `resume` is a
   * preemption of another resource; Error when `queueLimit` requests wait
   */
  override request(options: PreemptiveRequestOptions = {}): Request {
    return this._submit(this.make(options));
  }

  /**
   * Request one unit only if it is granted at once (by a free unit or by preempting a user); otherwise
   * return null, leaving nothing behind.
   * @throws RangeError when priority is not an integer in [-1000, 1000]
   */
  override tryRequest(options: PreemptiveRequestOptions = {}): Request | null {
    return this._try(this.make(options));
  }

  /** @internal SimPy's `PreemptiveResource._do_put`: maybe evict a user for the head, then grant it if a unit is free. */
  override _triggerPut(): void {
    const waiting = this._waiting;
    if (this._head >= waiting.length) return;
    const head = waiting[this._head]!;
    const users = this.users;
    if (users.length === this._capacity && head.preempt) {
      let victim: Request | undefined;
      for (const user of users) {
        if (victim === undefined) victim = user;
        else {
          const c = compareKeys(user, victim);
          if (c > 0 || (c === 0 && user._grantSeq > victim._grantSeq)) victim = user;
        }
      }
      if (victim !== undefined && compareKeys(victim, head) > 0) {
        this._removeUser(victim);
        const proc = victim.proc;
        if (proc?.isAlive && proc !== this.env.activeProcess) {
          const target = proc.target;
          const remaining = target instanceof Timeout ? target.remaining : Number.NaN;
          proc.interrupt(new Preempted(head.proc ?? undefined, victim.usageSince, this, victim, remaining));
        }
      }
    }
    if (users.length < this._capacity) this._grant(this._shift());
  }

  private make(options: PreemptiveRequestOptions): Request {
    const resume = options.resume;
    if (resume !== undefined && !(resume instanceof Preempted && resume.resource === this)) {
      throw new TypeError("resume requires the Preempted cause of a preemption on this resource");
    }
    const time = resume === undefined ? this.env.now : resume.request.time;
    return new Request(this, priorityOf(options.priority), options.preempt ?? true, time);
  }
}
