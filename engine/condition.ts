/**
 * Condition events: wait for all, or any, of a list of events (SimPy, `simpy/events.py` `Condition`,
 * `AllOf`, `AnyOf`). The value maps each event that has been processed successfully to its value, in the
 * order of the list; the first failure among the events fails the condition with that error.
 */
import type { Environment } from "./environment.ts";
import { PENDING, PROCESSED, SimEvent, type Waiter } from "./event.ts";
import { URGENT } from "./priority.ts";

/** An event that succeeds once all (or any) of its events have succeeded, and fails on the first failure. */
export class Condition extends SimEvent<Map<SimEvent<unknown>, unknown>> implements Waiter {
  private readonly events: readonly SimEvent<unknown>[];
  private readonly needAll: boolean;
  private count = 0;

  /**
   * @internal Use `env.allOf(events)` or `env.anyOf(events)`.
   * @throws TypeError when an element is not an event of `env`
   */
  constructor(env: Environment, events: readonly SimEvent<unknown>[], needAll: boolean) {
    super(env);
    if (!Array.isArray(events)) throw new TypeError(`events must be an array, got ${String(events)}`);
    for (const event of events) {
      if (!(event instanceof SimEvent) || event.env !== env) {
        throw new TypeError("a condition requires events of the same environment");
      }
    }
    this.events = events.slice();
    this.needAll = needAll;
    if (this.events.length === 0) {
      this.succeed(new Map(), URGENT);
      return;
    }
    for (const event of this.events) {
      if (this._state !== PENDING) break;
      if (event._state === PROCESSED) this._notify(event);
      else event._addWaiter(this);
    }
  }

  /** @internal Count a processed event and trigger the condition when it is met. */
  _notify(event: SimEvent<unknown>): void {
    if (this._state !== PENDING) return;
    this.count++;
    if (!event._ok) {
      event.defused = true;
      this._fail(event._value, URGENT);
      this.detach();
    } else if (!this.needAll || this.count === this.events.length) {
      const value = new Map<SimEvent<unknown>, unknown>();
      for (const e of this.events) if (e._state === PROCESSED && e._ok) value.set(e, e._value);
      this.succeed(value, URGENT);
      this.detach();
    }
  }

  /**
   * @internal The process waiting for this condition was interrupted: stop listening and withdraw the
   * events nobody else waits for (a resource request raced against a timeout does not leak).
   */
  override _abandon(): void {
    for (const e of this.events) {
      if (e._state !== PROCESSED && !e._removeWaiter(this)) e._abandon();
    }
  }

  private detach(): void {
    for (const e of this.events) if (e._state !== PROCESSED) e._removeWaiter(this);
  }
}
