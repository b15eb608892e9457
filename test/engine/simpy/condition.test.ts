/**
 * SimPy's tests/test_condition.py (SimPy 3.0.x), ported as behaviour. JavaScript has no operator
 * overloading, so `a & b` is `env.allOf([a, b])` and `a | b` is `env.anyOf([a, b])`; `a & b & c` nests as
 * Python does, `allOf([allOf([a, b]), c])`, and the value is flattened the same way.
 */
import { describe, expect, it } from "vitest";
import { Environment, type SimEvent, type SimulationError } from "../../../engine/index.ts";

type Value = Map<SimEvent<unknown>, unknown>;

function timeouts(env: Environment): SimEvent<number>[] {
  return [0, 1, 2].map((delay) => env.timeout(delay, delay));
}

/** A process that fails with a RangeError after `delay`. */
function* explode(env: Environment, delay: number, message = `Onoes, failed after ${delay}!`) {
  yield env.timeout(delay);
  throw new RangeError(message);
}

/** Run `body` as a process and return what it returns. */
function runProcess<R>(env: Environment, body: () => Generator<SimEvent<unknown>, R, never>): R {
  return env.run({ until: env.process(body()) }) as R;
}

describe("SimPy test_condition", () => {
  it("test_operator_and: the value of t0 & t1 & t2 maps each timeout to its value", () => {
    const env = new Environment();
    const t = timeouts(env);
    const results = runProcess(env, function* () {
      return (yield env.allOf([env.allOf([t[0]!, t[1]!]), t[2]!])) as Value;
    });
    expect(results).toEqual(
      new Map<SimEvent<unknown>, unknown>([
        [t[0]!, 0],
        [t[1]!, 1],
        [t[2]!, 2],
      ]),
    );
  });

  it("test_operator_and_blocked: an and with a pending event is not triggered", () => {
    const env = new Environment();
    const triggered = runProcess(env, function* () {
      const timeout = env.timeout(1);
      const event = env.event();
      yield env.timeout(1);
      return env.allOf([timeout, event]).triggered;
    });
    expect(triggered).toBe(false);
  });

  it("test_operator_or: the value of t0 | t1 | t2 holds the first", () => {
    const env = new Environment();
    const t = timeouts(env);
    const results = runProcess(env, function* () {
      return (yield env.anyOf([env.anyOf([t[0]!, t[1]!]), t[2]!])) as Value;
    });
    expect([...results]).toEqual([[t[0], 0]]);
  });

  it("test_operator_nested_and: (t0 & t2) | t1 holds t0 and t1 at time 1 (a leaf of the untriggered and)", () => {
    const env = new Environment();
    const t = timeouts(env);
    const [results, now] = runProcess(env, function* () {
      const value = (yield env.anyOf([env.allOf([t[0]!, t[2]!]), t[1]!])) as Value;
      return [value, env.now] as const;
    });
    expect([...results]).toEqual([
      [t[0], 0],
      [t[1], 1],
    ]);
    expect(now).toBe(1);
  });

  it("test_operator_nested_or: (t0 | t1) & t2 holds all three at time 2", () => {
    const env = new Environment();
    const t = timeouts(env);
    const [results, now] = runProcess(env, function* () {
      const value = (yield env.allOf([env.anyOf([t[0]!, t[1]!]), t[2]!])) as Value;
      return [value, env.now] as const;
    });
    expect([...results]).toEqual([
      [t[0], 0],
      [t[1], 1],
      [t[2], 2],
    ]);
    expect(now).toBe(2);
  });

  it("test_nested_cond_with_error: a failing member fails the condition", () => {
    const env = new Environment();
    const message = runProcess(env, function* () {
      try {
        yield env.allOf([env.process(explode(env, 1, "Onoes!")), env.timeout(1)]);
        return "no error";
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(message).toBe("Onoes!");
  });

  it("test_cond_with_error: a member failing first fails an or", () => {
    const env = new Environment();
    const message = runProcess(env, function* () {
      try {
        yield env.anyOf([env.process(explode(env, 0)), env.timeout(1)]);
        return "no error";
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(message).toBe("Onoes, failed after 0!");
  });

  it("test_cond_with_nested_error: a failure inside a nested condition reaches the outer one", () => {
    const env = new Environment();
    const message = runProcess(env, function* () {
      try {
        yield env.anyOf([env.allOf([env.process(explode(env, 0)), env.timeout(1)]), env.timeout(1)]);
        return "no error";
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(message).toBe("Onoes, failed after 0!");
  });

  it("test_cond_with_uncaught_error: a failure after the condition has triggered stops the run", () => {
    const env = new Environment();
    env.process(
      (function* () {
        yield env.anyOf([env.timeout(1), env.process(explode(env, 2))]);
      })(),
    );
    let caught: unknown;
    try {
      env.run();
    } catch (error) {
      caught = error;
    }
    expect((caught as SimulationError).cause).toBeInstanceOf(RangeError);
    expect(env.now).toBe(2);
  });

  it("test_iand_with_and_cond: (t1 & t2) & t0 is a new condition whose values come in the order given", () => {
    const env = new Environment();
    const values = runProcess(env, function* () {
      const orig = env.allOf([env.timeout(1, 1), env.timeout(2, 2)]);
      const cond = env.allOf([orig, env.timeout(0, 0)]);
      expect(cond).not.toBe(orig);
      return [...((yield cond) as Value).values()];
    });
    expect(values).toEqual([1, 2, 0]);
  });

  it("test_iand_with_or_cond: (t1 | t2) & t0 holds t1 and t0", () => {
    const env = new Environment();
    const values = runProcess(env, function* () {
      const cond = env.allOf([env.anyOf([env.timeout(1, 1), env.timeout(2, 2)]), env.timeout(0, 0)]);
      return [...((yield cond) as Value).values()];
    });
    expect(values).toEqual([1, 0]);
  });

  it("test_ior_with_or_cond: (t1 | t2) | t0 holds t0", () => {
    const env = new Environment();
    const values = runProcess(env, function* () {
      const cond = env.anyOf([env.anyOf([env.timeout(1, 1), env.timeout(2, 2)]), env.timeout(0, 0)]);
      return [...((yield cond) as Value).values()];
    });
    expect(values).toEqual([0]);
  });

  it("test_ior_with_and_cond: (t1 & t2) | t0 holds t0", () => {
    const env = new Environment();
    const values = runProcess(env, function* () {
      const cond = env.anyOf([env.allOf([env.timeout(1, 1), env.timeout(2, 2)]), env.timeout(0, 0)]);
      return [...((yield cond) as Value).values()];
    });
    expect(values).toEqual([0]);
  });

  it("test_immutable_results: a condition's value does not change after it was processed", () => {
    const env = new Environment();
    const t = timeouts(env);
    const [before, after] = runProcess(env, function* () {
      const results = (yield env.anyOf([t[0]!, env.allOf([t[1]!, t[2]!])])) as Value;
      const first = [...results];
      yield env.timeout(2);
      return [first, [...results]];
    });
    expect(before).toEqual([[t[0], 0]]);
    expect(after).toEqual([[t[0], 0]]);
  });

  it("test_shared_and_condition: a condition nested in another keeps its own value", () => {
    const env = new Environment();
    const t = timeouts(env);
    const c1 = env.allOf([t[0]!, t[1]!]);
    const c2 = env.allOf([c1, t[2]!]);
    const seen: unknown[][] = [];
    function* waiter(condition: SimEvent<Value>) {
      seen.push([...((yield condition) as Value).values()]);
    }
    env.process(waiter(c1));
    env.process(waiter(c2));
    env.run();
    expect(seen).toEqual([
      [0, 1],
      [0, 1, 2],
    ]);
  });

  it("test_shared_or_condition: both ors hold only the first timeout", () => {
    const env = new Environment();
    const t = timeouts(env);
    const c1 = env.anyOf([t[0]!, t[1]!]);
    const c2 = env.anyOf([c1, t[2]!]);
    const seen: unknown[][] = [];
    function* waiter(condition: SimEvent<Value>) {
      seen.push([...((yield condition) as Value).values()]);
    }
    env.process(waiter(c1));
    env.process(waiter(c2));
    env.run();
    expect(seen).toEqual([[0], [0]]);
  });

  it("test_condition_value: the value maps events to values, in the order given", () => {
    const env = new Environment();
    const t = timeouts(env);
    const results = runProcess(env, function* () {
      return (yield env.allOf(t)) as Value;
    });
    expect([...results.keys()]).toEqual(t);
    expect([...results.values()]).toEqual([0, 1, 2]);
    expect(results.has(t[0]!)).toBe(true);
    expect(results.get(t[0]!)).toBe(0);
  });

  it("test_result_order: the order of the value is the order the events were given in", () => {
    const env = new Environment();
    const t = [0, 1, 2].map((delay) => env.timeout(delay)).reverse();
    const keys = runProcess(env, function* () {
      return [...((yield env.allOf(t)) as Value).keys()];
    });
    expect(keys).toEqual(t);
  });

  it("test_nested_result_order: nested conditions keep the order the events were given in", () => {
    const env = new Environment();
    const t = [0, 1, 2].map((delay) => env.timeout(delay));
    const condition = env.allOf([env.anyOf([t[0]!, t[1]!]), t[2]!]);
    const keys = runProcess(env, function* () {
      return [...((yield condition) as Value).keys()];
    });
    expect(keys).toEqual(t);
  });

  it("test_all_of_empty_list: allOf([]) is triggered at once", () => {
    const env = new Environment();
    expect(env.allOf([]).triggered).toBe(true);
  });

  it("test_any_of_empty_list: anyOf([]) is triggered at once", () => {
    const env = new Environment();
    expect(env.anyOf([]).triggered).toBe(true);
  });

  it("two events succeeding in the same instant both appear in an anyOf (the value is built when processed)", () => {
    const env = new Environment();
    const a = env.event<number>();
    const b = env.event<number>();
    const condition = env.anyOf([a, b]);
    env.schedule(1, () => {
      a.succeed(1);
      b.succeed(2);
    });
    env.run();
    expect([...condition.value.values()]).toEqual([1, 2]);
  });
});
