/**
 * Event priorities: among events scheduled for the same time, a lower priority value runs first, and events
 * with equal time and priority run in the order they were scheduled (SimPy, `simpy/events.py`: URGENT = 0
 * for process starts and interrupts; NORMAL = 1 for everything else: timeouts, succeeded and failed events,
 * process ends, resource grants and releases).
 */

/** Priority of process starts and interrupts (and of the stop of `run({ until: t })`): before NORMAL at equal time. */
export const URGENT = 0;
/** Priority of timeouts, triggered events, process ends, resource events and `Environment.schedule` by default. */
export const NORMAL = 1;
/** Smallest priority accepted by the kernel (priorities are integers in [MIN_PRIORITY, MAX_PRIORITY]). */
export const MIN_PRIORITY = -1000;
/** Largest priority accepted by the kernel. */
export const MAX_PRIORITY = 1000;
