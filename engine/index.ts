/**
 * Public surface of the discrete-event kernel: environment, events, processes, resources, stores, monitors
 * and (from ./random) seeded random streams and distributions. No domain words, no I/O.
 */

export { Operation } from "./base-resource.ts";
export { BatchMeans, type BatchMeansOptions, type BatchMeansResult, batchMeans } from "./batch-means.ts";
export { Condition } from "./condition.ts";
export { Container, type ContainerOptions, ContainerRequest } from "./container.ts";
export { Environment, type EnvironmentOptions, type RunOptions } from "./environment.ts";
export { SimEvent } from "./event.ts";
export { EventQueue } from "./event-queue.ts";
export { FilterStore } from "./filter-store.ts";
export { Interrupt } from "./interrupt.ts";
export { LocalTimeline } from "./local-timeline.ts";
export { Preempted } from "./preempted.ts";
export { type PreemptiveRequestOptions, PreemptiveResource } from "./preemptive-resource.ts";
export { MAX_PRIORITY, MIN_PRIORITY, NORMAL, URGENT } from "./priority.ts";
export { type PriorityRequestOptions, PriorityResource } from "./priority-resource.ts";
export { PriorityStore } from "./priority-store.ts";
export { Process, type ProcessGenerator } from "./process.ts";
export * from "./random/index.ts";
export { Request, Resource } from "./resource.ts";
export { SimulationError } from "./simulation-error.ts";
export { Store, StoreGet, StorePut } from "./store.ts";
export { studentTQuantile } from "./student-t.ts";
export { Tally } from "./tally.ts";
export { TimeWeighted, type TimeWeightedOptions } from "./time-weighted.ts";
export { type ScheduledHandle, Timeout } from "./timeout.ts";
