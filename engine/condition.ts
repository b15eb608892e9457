/**
 * Condition events: wait for all, or any, of a list of events (SimPy, `simpy/events.py` `Condition`,
 * `AllOf`, `AnyOf`). As in SimPy, the value is built when the condition is processed, not when it triggers,
 * and it is flat: it maps every processed event among the members, and among the members of nested
 * conditions (even of an inner condition that never triggered), to its value, depth first in the order the
 * events were given. So `allOf([anyOf([a, b]), c])` lists `a`, `b` (if it happened by then) and `c`, and two
 * events that succeed in the same instant both appear in an `anyOf` of them. The first failure among the
 * members fails the condition with that error.
 */
import type { Environment } from "./environment.ts";
import { PENDING, PROCESSED, SimEvent, type Waiter } from "./event.ts";
import { NORMAL } from "./priority.ts";

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
    // The condition is its own first waiter: it builds its value when processed (SimPy's _build_value).
    this._w0 = this;
    if (this.events.length === 0) {
      this.succeed();
      return;
    }
    for (const event of this.events) {
      if (this._state !== PENDING) break;
      if (event._state === PROCESSED) this._check(event);
      else event._addWaiter(this);
    }
  }

  /** @internal A member was processed, or (event === this) the condition itself is being processed. */
  _notify(event: SimEvent<unknown>): void {
    if (event === this) {
      this.detach();
      if (this._ok) {
        const value = new Map<SimEvent<unknown>, unknown>();
        this.collect(value);
        this._value = value;
      }
      return;
    }
    this._check(event);
  }

  /**
   * @internal The process waiting for this condition was interrupted and left: stop listening and withdraw
   * the members nobody else waits for (a resource request raced against a timeout does not leak).
   */
  override _abandon(): void {
    for (const e of this.events) {
      if (e._state === PROCESSED) continue;
      e._removeWaiter(this);
      if (!e._isAwaited()) e._abandon();
    }
  }

  private _check(event: SimEvent<unknown>): void {
    if (this._state !== PENDING) return;
    this.count++;
    if (!event._ok) {
      event.defused = true;
      this._fail(event._value, NORMAL);
    } else if (!this.needAll || this.count === this.events.length) {
      this.succeed();
    }
  }

  /** Add every processed leaf event, depth first through nested conditions, in the order given. */
  private collect(value: Map<SimEvent<unknown>, unknown>): void {
    for (const e of this.events) {
      if (e instanceof Condition) e.collect(value);
      else if (e._state === PROCESSED) value.set(e, e._value);
    }
  }

  private detach(): void {
    for (const e of this.events) if (e._state !== PROCESSED) e._removeWaiter(this);
  }
}
