/**
 * SimPy's tests/test_process.py (SimPy 3.0.x), ported as behaviour. `env.exit(value)` (for Pythons without
 * `return` in generators) is a plain `return` here, so test_exit and test_return_value are one behaviour.
 */
import { describe, expect, it } from "vitest";
import { Environment, Interrupt, type Process, SimulationError } from "../../../engine/index.ts";

describe("SimPy test_process", () => {
  it("test_start_non_process: a function that is not a generator cannot be started", () => {
    const env = new Environment();
    const foo = () => undefined;
    expect(() => env.process(foo as never)).toThrow(TypeError);
  });

  it("test_get_state: a process is alive until its generator ends", () => {
    const env = new Environment();
    const seen: boolean[] = [];
    function* pemA() {
      yield env.timeout(3);
    }
    function* pemB(a: Process<unknown>) {
      yield env.timeout(1);
      seen.push(a.isAlive);
      yield env.timeout(3);
      seen.push(a.isAlive);
    }
    const a = env.process(pemA());
    env.process(pemB(a));
    env.run();
    expect(seen).toEqual([true, false]);
  });

  it("test_target: a started process's target is the event it waits for", () => {
    const env = new Environment();
    const event = env.timeout(5);
    const proc = env.process(
      (function* () {
        yield event;
      })(),
    );
    while (env.peek() < 5) env.step();
    expect(proc.target).toBe(event);
    proc.interrupt();
  });

  it("test_wait_for_proc: a process can wait until another process finishes", () => {
    const env = new Environment();
    const times: number[] = [];
    function* finisher() {
      yield env.timeout(5);
    }
    function* waiter() {
      yield env.process(finisher());
      times.push(env.now);
    }
    env.process(waiter());
    env.run();
    expect(times).toEqual([5]);
  });

  it("test_exit and test_return_value: a process's return value is the value of the process event", () => {
    const env = new Environment();
    const results: number[][] = [];
    function* child() {
      yield env.timeout(1);
      return env.now;
    }
    function* parent() {
      const result1: number = yield env.process(child());
      const result2: number = yield env.process(child());
      results.push([result1, result2]);
    }
    env.process(parent());
    env.run();
    expect(results).toEqual([[1, 2]]);
  });

  it("test_child_exception: a child catches an error and returns it to its parent", () => {
    const env = new Environment();
    const results: unknown[] = [];
    function* child() {
      try {
        yield env.timeout(1);
        throw new Error("Onoes!");
      } catch (error) {
        return error;
      }
    }
    function* parent() {
      results.push(yield env.process(child()));
    }
    env.process(parent());
    env.run();
    expect(results).toHaveLength(1);
    expect(results[0]).toBeInstanceOf(Error);
  });

  it("test_interrupted_join: an interrupt removes the process from its target's waiters", () => {
    const env = new Environment();
    const log: [string, number, boolean][] = [];
    function* interruptor(process: Process<unknown>) {
      yield env.timeout(1);
      process.interrupt();
    }
    function* child() {
      yield env.timeout(2);
    }
    function* parent() {
      const childProc = env.process(child());
      try {
        yield childProc;
        log.push(["not interrupted", env.now, childProc.isAlive]);
      } catch (error) {
        expect(error).toBeInstanceOf(Interrupt);
        log.push(["interrupted", env.now, childProc.isAlive]);
        // Not resumed when the child ends.
        yield env.timeout(5);
        log.push(["woke", env.now, childProc.isAlive]);
      }
    }
    env.process(interruptor(env.process(parent())));
    env.run();
    expect(log).toEqual([
      ["interrupted", 1, true],
      ["woke", 6, false],
    ]);
  });

  it("test_interrupted_join_and_rejoin: after an interrupt the process may wait for the same process again", () => {
    const env = new Environment();
    const log: [string, number][] = [];
    function* interruptor(process: Process<unknown>) {
      yield env.timeout(1);
      process.interrupt();
    }
    function* child() {
      yield env.timeout(2);
    }
    function* parent() {
      const childProc = env.process(child());
      try {
        yield childProc;
      } catch {
        log.push(["interrupted", env.now]);
        yield childProc;
        log.push(["joined", env.now]);
      }
    }
    env.process(interruptor(env.process(parent())));
    env.run();
    expect(log).toEqual([
      ["interrupted", 1],
      ["joined", 2],
    ]);
  });

  it("test_error_and_interrupted_join: an interrupted parent no longer receives its child's failure", () => {
    const env = new Environment();
    class SpamError extends Error {}
    function* childA(process: Process<unknown>) {
      process.interrupt();
      yield* [];
    }
    function* childB() {
      yield* [];
      throw new SpamError("spam");
    }
    function* parent() {
      env.process(childA(env.activeProcess!));
      const b = env.process(childB());
      try {
        yield b;
      } catch (error) {
        // The interrupt unregisters the parent from b, so b's SpamError is nobody's.
        expect(error).toBeInstanceOf(Interrupt);
      }
      yield env.timeout(0);
    }
    env.process(parent());
    let caught: unknown;
    try {
      env.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SimulationError);
    expect((caught as SimulationError).cause).toBeInstanceOf(SpamError);
  });
});
