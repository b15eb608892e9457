/**
 * A private event list for a subsystem whose events change only its own state: its entries run in time order
 * when the subsystem is next looked at (`advanceTo`), instead of one kernel event each.
 *
 * When it applies: nothing outside the subsystem reads its state between two of its own events except through
 * methods that first advance the timeline to the kernel's current time, and its events draw random numbers
 * only from streams nobody else uses. The subsystem then evolves exactly as if each entry were a kernel event
 * (the same times, computed as now + delay like `Environment.schedule`, and the same order among its entries:
 * time, then scheduling order), only without the kernel's per-event cost and without filling the kernel's
 * event list with entries due far in the future. An entry due exactly at the instant of the kernel event that
 * advances the timeline runs before that event's own effect on the subsystem; as a kernel event it might have
 * run after it (ties at one instant are ordered by scheduling order there), which matters only for events of
 * both at exactly the same time.
 */
import { EventQueue } from "./event-queue.ts";

/** Entries of type T due at times, run in (time, scheduling order) order when the timeline is advanced. */
export class LocalTimeline<T> {
  readonly #queue = new EventQueue<T>();
  #order = 0;
  #processed = 0;
  /** The time of the entry being run during `advanceTo`; otherwise the time last advanced to. */
  now: number;

  /**
   * A timeline starting at `start` (the kernel's current time).
   * @throws RangeError when start is not finite
   */
  constructor(start: number) {
    if (!Number.isFinite(start)) throw new RangeError(`start must be finite, got ${start}`);
    this.now = start;
  }

  /** Entries waiting. */
  get size(): number {
    return this.#queue.size;
  }

  /** Entries run so far. */
  get processed(): number {
    return this.#processed;
  }

  /** Time of the next entry, or Infinity when none is waiting. */
  get nextTime(): number {
    return this.#queue.peekTime();
  }

  /**
   * Put `item` on the timeline at now + delay.
   * @throws RangeError when delay is negative or not a number
   */
  schedule(delay: number, item: T): void {
    if (!(delay >= 0)) throw new RangeError(`delay must be >= 0, got ${delay}`);
    this.#queue.push(this.now + delay, this.#order++, item);
  }

  /**
   * Run every entry due at or before `time`, in order, each with `now` at its own time (`run` may schedule
   * more; those due by `time` run too), then set `now` to `time`.
   * @throws RangeError when time is before now
   */
  advanceTo(time: number, run: (item: T) => void): void {
    if (!(time >= this.now)) throw new RangeError(`cannot advance from ${this.now} back to ${time}`);
    const queue = this.#queue;
    while (queue.size > 0 && queue.peekTime() <= time) {
      const item = queue.pop();
      this.now = queue.poppedTime;
      this.#processed++;
      run(item);
    }
    this.now = time;
  }
}
