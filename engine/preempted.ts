/**
 * Cause of the Interrupt thrown into a process whose resource usage was preempted (SimPy,
 * `simpy/resources/resource.py` `Preempted`, plus the preempted request and the time left on the timeout
 * the victim was waiting for, which is the service time still owed in the usual preemptive-resume model).
 */
import type { Process } from "./process.ts";
import type { Request, Resource } from "./resource.ts";

/** Record of a preemption: who preempted, since when the victim had used the resource, and which resource. */
export class Preempted {
  /** The process whose request preempted the victim, or undefined when the request came from outside a process. */
  readonly by: Process<unknown> | undefined;
  /** Time at which the victim's usage began. */
  readonly usageSince: number;
  /** The resource the victim lost. */
  readonly resource: Resource;
  /** The victim's request, now neither a user nor queued; pass this record as `resume` to request again at the head of its class. */
  readonly request: Request;
  /**
   * Time left on the timeout the victim was waiting for when preempted (its remaining service time when it
   * was serving with `yield env.timeout(service)`), or NaN when it was waiting for something else.
   */
  readonly remaining: number;

  /** Describe a preemption of `request` on `resource` by `by`; the victim had used it since `usageSince`. */
  constructor(
    by: Process<unknown> | undefined,
    usageSince: number,
    resource: Resource,
    request: Request,
    remaining: number,
  ) {
    this.by = by;
    this.usageSince = usageSince;
    this.resource = resource;
    this.request = request;
    this.remaining = remaining;
  }
}
