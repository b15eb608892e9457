/**
 * Cause of the Interrupt thrown into a process whose resource usage was preempted (SimPy,
 * `simpy/resources/resource.py` `Preempted`).
 */
import type { Process } from "./process.ts";
import type { Resource } from "./resource.ts";

/** Record of a preemption: who preempted, since when the victim had used the resource, and which resource. */
export class Preempted {
  /** The process whose request preempted the victim, or undefined when the request came from outside a process. */
  readonly by: Process<unknown> | undefined;
  /** Time at which the victim's usage began. */
  readonly usageSince: number;
  /** The resource the victim lost. */
  readonly resource: Resource;

  /** Describe a preemption of `resource` by `by`; the victim had used it since `usageSince`. */
  constructor(by: Process<unknown> | undefined, usageSince: number, resource: Resource) {
    this.by = by;
    this.usageSince = usageSince;
    this.resource = resource;
  }
}
