/** SimPy's tests/test_timeout.py (SimPy 3.0.x), ported as behaviour. */
import { describe, expect, it } from "vitest";
import { Environment, type SimEvent, SimulationError } from "../../../engine/index.ts";

describe("SimPy test_timeout", () => {
  it("test_discrete_time_steps: a process stepping by 1 until 3 logs 0, 1, 2", () => {
    const env = new Environment();
    const log: number[] = [];
    env.process(
      (function* () {
        for (;;) {
          log.push(env.now);
          yield env.timeout(1);
        }
      })(),
    );
    env.run({ until: 3 });
    expect(log).toEqual([0, 1, 2]);
  });

  it("test_negative_timeout: a negative delay fails the process, and the run stops with that error", () => {
    const env = new Environment();
    env.process(
      (function* () {
        yield env.timeout(-1);
      })(),
    );
    let caught: unknown;
    try {
      env.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SimulationError);
    expect((caught as SimulationError).cause).toBeInstanceOf(RangeError);
  });

  it("test_timeout_value: the timeout's value is sent back into the process", () => {
    const env = new Environment();
    const values: string[] = [];
    env.process(
      (function* () {
        values.push(yield env.timeout(1, "ohai"));
      })(),
    );
    env.run();
    expect(values).toEqual(["ohai"]);
  });

  it("test_shared_timeout: processes waiting for one timeout resume in the order they waited", () => {
    const env = new Environment();
    const log: [number, number][] = [];
    function* child(timeout: SimEvent<undefined>, id: number) {
      yield timeout;
      log.push([id, env.now]);
    }
    const timeout = env.timeout(1);
    for (let i = 0; i < 3; i++) env.process(child(timeout, i));
    env.run();
    expect(log).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it("test_triggered_timeout: a process started after a timeout happened gets its value at once", () => {
    const env = new Environment();
    function* child(event: SimEvent<string>) {
      const value: string = yield event;
      return value;
    }
    function* process() {
      const event = env.timeout(1, "i was already done");
      yield env.timeout(2);
      const value: string = yield env.process(child(event));
      return [value, env.now];
    }
    expect(env.run({ until: env.process(process()) })).toEqual(["i was already done", 2]);
  });
});
