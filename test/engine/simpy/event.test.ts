/**
 * SimPy's tests/test_event.py (SimPy 3.0.x), ported as behaviour: each `it` names the SimPy test it ports.
 * Python artefacts left out: test_names (Python repr strings). See docs/engine.md, "Differences
 * from SimPy".
 */
import { describe, expect, it } from "vitest";
import { Environment, type SimEvent } from "../../../engine/index.ts";

describe("SimPy test_event", () => {
  it("test_succeed: a process waiting for a hand-made event gets its value when it succeeds", () => {
    const env = new Environment();
    const seen: [string, number][] = [];
    function* child(event: SimEvent<string>) {
      const value: string = yield event;
      seen.push([value, env.now]);
    }
    function* parent() {
      const event = env.event<string>();
      env.process(child(event));
      yield env.timeout(5);
      event.succeed("ohai");
    }
    env.process(parent());
    env.run();
    expect(seen).toEqual([["ohai", 5]]);
  });

  it("test_fail: a failed event throws its error into the waiting process", () => {
    const env = new Environment();
    const seen: [string, number][] = [];
    function* child(event: SimEvent<unknown>) {
      try {
        yield event;
        seen.push(["not failed", env.now]);
      } catch (error) {
        seen.push([(error as Error).message, env.now]);
      }
    }
    function* parent() {
      const event = env.event();
      env.process(child(event));
      yield env.timeout(5);
      event.fail(new RangeError("ohai"));
    }
    env.process(parent());
    env.run();
    expect(seen).toEqual([["ohai", 5]]);
  });

  it("test_value: after an event has been triggered its value is available", () => {
    const env = new Environment();
    const event = env.timeout(0, "I am the value");
    env.run();
    expect(event.value).toBe("I am the value");
  });

  it("test_unavailable_value: reading the value of an untriggered event throws", () => {
    const env = new Environment();
    const event = env.event();
    expect(() => event.value).toThrow(/not been triggered/);
  });

  it("test_triggered: a process yielding an already triggered event gets its value", () => {
    const env = new Environment();
    const event = env.event<string>();
    event.succeed("i was already done");
    function* pem() {
      const value: string = yield event;
      return value;
    }
    expect(env.run({ until: env.process(pem()) })).toBe("i was already done");
  });

  it("test_callback_modification: callbacks run once the event counts as processed; one added then still runs", () => {
    const env = new Environment();
    const event = env.event();
    const log: string[] = [];
    event.then((e) => {
      log.push(`first processed=${e.processed}`);
      e.then(() => log.push("added during the callbacks"));
    });
    event.succeed();
    env.run({ until: event });
    env.run();
    expect(log).toEqual(["first processed=true", "added during the callbacks"]);
  });
});
