/**
 * SimPy's tests/test_environment.py (SimPy 3.0.x), ported as behaviour. Python artefact left out:
 * test_run_until_value converts a string to a float; here `until` must be a number or an event.
 */
import { describe, expect, it } from "vitest";
import { Environment } from "../../../engine/index.ts";

describe("SimPy test_environment", () => {
  it("test_event_queue_empty: run stops when no event is left, before until", () => {
    const env = new Environment();
    const log: number[] = [];
    env.process(
      (function* () {
        while (env.now < 2) {
          log.push(env.now);
          yield env.timeout(1);
        }
      })(),
    );
    env.run({ until: 10 });
    expect(log).toEqual([0, 1]);
  });

  it("test_run_negative_until: a negative until is refused", () => {
    const env = new Environment();
    expect(() => env.run({ until: -3 })).toThrow(RangeError);
  });

  it("test_run_resume: a stopped simulation can be resumed", () => {
    const env = new Environment();
    const events = [5, 10, 15].map((t) => env.timeout(t));
    expect(env.now).toBe(0);
    expect(events.map((e) => e.processed)).toEqual([false, false, false]);
    env.run({ until: 10 });
    expect(env.now).toBe(10);
    expect(events.map((e) => e.processed)).toEqual([true, false, false]);
    env.run({ until: 15 });
    expect(env.now).toBe(15);
    expect(events.map((e) => e.processed)).toEqual([true, true, false]);
    env.run();
    expect(env.now).toBe(15);
    expect(events.map((e) => e.processed)).toEqual([true, true, true]);
  });

  it("test_run_until_value: any number after now is a valid until", () => {
    const env = new Environment();
    env.run({ until: 3.25 });
    expect(env.now).toBe(3.25);
    expect(() => env.run({ until: "4" as unknown as number })).toThrow(TypeError);
  });

  it("test_run_with_processed_event: an already processed until event returns its value again", () => {
    const env = new Environment();
    const timeout = env.timeout(1, "spam");
    expect(env.run({ until: timeout })).toBe("spam");
    expect(env.now).toBe(1);
    expect(env.run({ until: timeout })).toBe("spam");
    expect(env.now).toBe(1);
  });

  it("test_run_with_untriggered_event: running out of events before the until event is an error", () => {
    const env = new Environment();
    expect(() => env.run({ until: env.event() })).toThrow(
      /^no scheduled events left but the until event was not triggered/,
    );
  });
});
