/**
 * A process: a generator function driven by the events it yields (SimPy, `simpy/events.py` `Process` and
 * `Interruption`). The process is itself an event that succeeds with the generator's return value, or fails
 * with the error the generator throws.
 */
import { ActiveCell } from "./active-cell.ts";
import type { Environment } from "./environment.ts";
import { PENDING, PROCESSED, SimEvent, TRIGGERED, type Waiter } from "./event.ts";
import { Interrupt } from "./interrupt.ts";
import { NORMAL, URGENT } from "./priority.ts";
import { RENEW_EVERY } from "./renew-every.ts";

/**
 * The generator behind a process: it yields events and receives each event's value back.
 */
// biome-ignore lint/suspicious/noExplicitAny: the value sent back depends on the event yielded, which TypeScript cannot track; `any` lets `const item = yield store.get()` type-check as the contract shows
export type ProcessGenerator<R> = Generator<SimEvent<unknown>, R, any>;

// The generator built-ins, called directly: a `gen.next` lookup would walk a different prototype chain for
// every generator function and turn the call site megamorphic in models with many kinds of process.
const generatorPrototype = Object.getPrototypeOf(function* () {}.prototype) as Generator<
  unknown,
  unknown,
  unknown
>;
type GeneratorStep = (this: unknown, value: unknown) => IteratorResult<SimEvent<unknown>, unknown>;
const generatorNext = generatorPrototype.next as GeneratorStep;
const generatorThrow = generatorPrototype.throw as GeneratorStep;

/** A running generator; wait for its end by yielding it, stop it early with {@link Process.interrupt}. */
export class Process<R = unknown> extends SimEvent<R> implements Waiter {
  /** @internal The generator being driven. */
  _gen: ProcessGenerator<R>;
  /** @internal The event the process currently waits for (null before the start, while running and after the end). */
  _target: SimEvent<unknown> | null;

  /** @internal Use `env.process(generator)`. */
  constructor(env: Environment, generator: ProcessGenerator<R>) {
    super(env);
    // Only a cheap check: looking `next` up walks a different prototype chain for every generator function.
    if (typeof generator !== "object" || generator === null) {
      throw new TypeError(`process requires a generator, got ${String(generator)}`);
    }
    this._gen = generator;
    this._target = null;
    // The process itself goes on the list as its start entry: the run loop recognises a pending event as a
    // start, which saves SimPy's separate Initialize event. Interrupts are URGENT too and come later in the
    // list, so a process always starts before an interrupt reaches it (SimPy's test_init_interrupt).
    env._enqueueUrgent(this);
  }

  /** Whether the generator has not finished yet. */
  get isAlive(): boolean {
    return this._state === PENDING;
  }

  /** The event this process waits for, or null. */
  get target(): SimEvent<unknown> | null {
    return this._target;
  }

  /**
   * Throw an {@link Interrupt} carrying `cause` into the process at the current time (priority URGENT). The
   * process stops waiting for its target; if it does not wait for that target again before it next yields
   * or ends, a resource request or store operation it was waiting for is withdrawn so that nothing leaks.
   * @throws Error when the process has finished, or when a process interrupts itself
   */
  interrupt(cause?: unknown): void {
    if (this._state !== PENDING)
      throw new Error("interrupt: the process has terminated and cannot be interrupted");
    if (this.env.activeProcess === this)
      throw new Error("interrupt: a process is not allowed to interrupt itself");
    const interruption = new SimEvent<never>(this.env);
    interruption.defused = true;
    interruption._w0 = new Interruption(this);
    interruption._fail(new Interrupt(cause), URGENT);
  }

  /** @internal First step, when the start entry is popped from the list. */
  _start(): void {
    this._resume(true, undefined);
  }

  /** @internal Resume the generator with the outcome of `event`. */
  _notify(event: SimEvent<unknown>): void {
    if (!event._ok) event.defused = true;
    this._resume(event._ok, event._value);
  }

  /** @internal Drive the generator until it waits for an unprocessed event or ends. */
  _resume(ok: boolean, value: unknown): void {
    const env = this.env;
    const gen = this._gen;
    let cell = env._activeCell;
    // Renew the cell between resumes only (a nested resume keeps the cell of the one around it).
    if (cell.process === null && ++env._cellUses >= RENEW_EVERY) {
      cell = env._activeCell = new ActiveCell();
      env._cellUses = 0;
    }
    const previous = cell.process;
    cell.process = this;
    for (;;) {
      let step: IteratorResult<SimEvent<unknown>, R>;
      try {
        step = (ok ? generatorNext.call(gen, value) : generatorThrow.call(gen, value)) as IteratorResult<
          SimEvent<unknown>,
          R
        >;
      } catch (error) {
        this._target = null;
        cell.process = previous;
        this._fail(error, NORMAL);
        return;
      }
      if (step.done === true) {
        this._target = null;
        cell.process = previous;
        this._ok = true;
        this._value = step.value;
        this._state = TRIGGERED;
        env._enqueueNormal(this);
        return;
      }
      const next = step.value;
      if (!(next instanceof SimEvent) || next.env !== env) {
        // A caller bug, raised out of run() as SimPy does (the process stays suspended at that yield).
        cell.process = previous;
        throw invalidYield(next);
      }
      if (next._state !== PROCESSED) {
        if (next._w0 === null && next._ws === null) next._w0 = this;
        else next._addWaiter(this);
        this._target = next;
        break;
      }
      ok = next._ok;
      value = next._value;
      if (!ok) next.defused = true;
    }
    cell.process = previous;
  }
}

/**
 * Waiter of an interruption event: detaches the process from its target and resumes it with the Interrupt.
 * If, by the time the process yields again or ends, it has not gone back to waiting for that target and
 * nothing else waits for it, the target is abandoned (a resource request or store operation is withdrawn).
 */
class Interruption implements Waiter {
  private readonly process: Process<unknown>;

  constructor(process: Process<unknown>) {
    this.process = process;
  }

  _notify(event: SimEvent<unknown>): void {
    const process = this.process;
    if (process._state !== PENDING) return;
    const target = process._target;
    if (target !== null) {
      process._target = null;
      target._removeWaiter(process);
    }
    process._notify(event);
    if (target !== null && target._state !== PROCESSED && !target._isAwaited()) target._abandon();
  }
}

function invalidYield(value: unknown): TypeError {
  return new TypeError(
    value instanceof SimEvent
      ? "a process yielded an event of another environment"
      : `invalid yield value: a process must yield SimEvent instances, got ${String(value)}`,
  );
}
