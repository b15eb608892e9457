/**
 * SimPy's tests/test_exceptions.py (SimPy 3.0.x), ported as behaviour. Python artefacts: SimPy throws a
 * copy of the error into each waiting process, chained to the original (`__cause__`), so that Python
 * tracebacks stay readable (test_crashing_child_traceback, test_exception_chaining,
 * test_process_exception_chaining, test_sys_excepthook check traceback text). A JavaScript error's stack is
 * captured where it was created and rethrowing does not change it, so the kernel throws the original error
 * object itself; these tests check that identity instead, and that an unhandled failure stops the run with
 * a SimulationError whose `cause` is the original error.
 */
import { describe, expect, it } from "vitest";
import { Environment, type SimEvent, SimulationError } from "../../../engine/index.ts";

function runError(env: Environment): unknown {
  try {
    env.run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("SimPy test_exceptions", () => {
  it("test_error_forwarding: a child's error is thrown into its waiting parent", () => {
    const env = new Environment();
    const messages: string[] = [];
    function* child() {
      yield* [];
      throw new RangeError("Onoes!");
    }
    function* parent() {
      try {
        yield env.process(child());
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    env.process(parent());
    env.run();
    expect(messages).toEqual(["Onoes!"]);
  });

  it("test_no_parent_process: a failure nobody waits for stops the run", () => {
    const env = new Environment();
    const original = new RangeError("Onoes!");
    function* child() {
      yield* [];
      throw original;
    }
    function* parent() {
      env.process(child());
      yield env.timeout(1);
    }
    env.process(parent());
    const error = runError(env);
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as SimulationError).cause).toBe(original);
  });

  it("test_crashing_child_traceback (JS analog): the parent catches the very error the child threw, with the child's stack", () => {
    const env = new Environment();
    let thrown: Error | undefined;
    let caught: unknown;
    function* panic() {
      yield env.timeout(1);
      thrown = new Error("Oh noes, roflcopter incoming... BOOM!");
      throw thrown;
    }
    function* root() {
      try {
        yield env.process(panic());
      } catch (error) {
        caught = error;
      }
    }
    env.process(root());
    env.run();
    expect(caught).toBe(thrown);
    expect((caught as Error).stack).toMatch(/panic/);
  });

  it("test_exception_chaining (JS analog): an error passing through parent and grandparent stops the run as itself", () => {
    const env = new Environment();
    const original = new Error("foo");
    function* child() {
      yield env.timeout(1);
      throw original;
    }
    function* parent() {
      yield env.process(child());
    }
    function* grandparent() {
      yield env.process(parent());
    }
    env.process(grandparent());
    const error = runError(env) as SimulationError;
    expect(error).toBeInstanceOf(SimulationError);
    expect(error.cause).toBe(original);
    expect(error.time).toBe(1);
  });

  it("test_invalid_event: yielding something that is not an event makes run() throw", () => {
    const env = new Environment();
    env.process(
      (function* () {
        yield null as unknown as SimEvent<unknown>;
      })(),
    );
    expect(() => env.run()).toThrow(/invalid yield value.*got null/);
  });

  it("test_exception_handling: a failed event that is not defused stops the run", () => {
    const env = new Environment();
    const event = env.event();
    event.fail(new Error("failed"));
    expect(() => env.run({ until: 1 })).toThrow(SimulationError);
  });

  it("test_callback_exception_handling: a callback may defuse a failed event", () => {
    const env = new Environment();
    const event = env.event();
    event.then((e) => {
      e.defused = true;
    });
    event.fail(new Error("failed"));
    expect(event.defused).toBe(false);
    env.run({ until: 1 });
    expect(event.defused).toBe(true);
  });

  it("test_process_exception_handling: a process that catches a failure defuses the event", () => {
    const env = new Environment();
    const event = env.event();
    const caught: unknown[] = [];
    env.process(
      (function* () {
        try {
          yield event;
        } catch (error) {
          caught.push(error);
        }
      })(),
    );
    event.fail(new Error("failed"));
    expect(event.defused).toBe(false);
    env.run({ until: 1 });
    expect(event.defused).toBe(true);
    expect(caught).toHaveLength(1);
  });

  it("test_process_exception_chaining (JS analog): every waiting process receives the same error object", () => {
    const env = new Environment();
    const event = env.event();
    const original = new Error("foo");
    event.fail(original);
    const caught: unknown[] = [];
    function* waiter() {
      try {
        yield event;
      } catch (error) {
        caught.push(error);
      }
    }
    env.process(waiter());
    env.process(waiter());
    env.run();
    expect(caught).toEqual([original, original]);
    expect(caught[0]).toBe(original);
    expect(caught[1]).toBe(original);
  });
});
