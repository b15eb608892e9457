import { describe, expect, it } from "vitest";
import { Environment, NORMAL, type SimEvent, SimulationError, URGENT } from "../../engine/index.ts";

describe("Environment scheduling", () => {
  it("runs timeouts in time order and advances the clock", () => {
    const env = new Environment();
    const log: [string, number][] = [];
    env.process(
      (function* () {
        yield env.timeout(2);
        log.push(["a", env.now]);
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(1);
        log.push(["b", env.now]);
        yield env.timeout(3);
        log.push(["b", env.now]);
      })(),
    );
    env.run();
    expect(log).toEqual([
      ["b", 1],
      ["a", 2],
      ["b", 4],
    ]);
    expect(env.now).toBe(4);
  });

  it("breaks ties at equal time by priority, then by scheduling order", () => {
    const env = new Environment();
    const log: string[] = [];
    env.schedule(1, () => log.push("normal-1"));
    env.schedule(1, () => log.push("urgent-1"), URGENT);
    env.schedule(1, () => log.push("normal-2"), NORMAL);
    env.schedule(1, () => log.push("late"), 5);
    env.schedule(1, () => log.push("early"), -3);
    env.schedule(1, () => log.push("urgent-2"), URGENT);
    env.schedule(0.5, () => log.push("before"), 100);
    env.run();
    expect(log).toEqual(["before", "early", "urgent-1", "urgent-2", "normal-1", "normal-2", "late"]);
  });

  it("processes equal-time timeouts in creation order; a triggered event is NORMAL and queues behind them", () => {
    const env = new Environment();
    const log: string[] = [];
    const manual = env.event<string>();
    for (const name of ["p1", "p2", "p3"]) {
      env.process(
        (function* () {
          yield env.timeout(5);
          log.push(`${name}@${env.now}`);
          if (name === "p2") manual.succeed("go");
        })(),
      );
    }
    env.process(
      (function* () {
        const value: string = yield manual;
        log.push(`manual:${value}@${env.now}`);
      })(),
    );
    env.run();
    // As in SimPy, succeed() schedules NORMAL: the manual event runs after p3's timeout, scheduled earlier.
    expect(log).toEqual(["p1@5", "p2@5", "p3@5", "manual:go@5"]);
  });

  it("starts processes at the current time before timeouts of the same time (URGENT)", () => {
    const env = new Environment();
    const log: string[] = [];
    env.schedule(0, () => log.push("callback"));
    env.process(
      (function* () {
        log.push("started");
        yield env.timeout(0);
        log.push("after timeout 0");
      })(),
    );
    env.run();
    expect(log).toEqual(["started", "callback", "after timeout 0"]);
  });

  it("run({ until: t }) stops before events at t and sets the clock to t; a second run continues", () => {
    const env = new Environment();
    const log: number[] = [];
    env.process(
      (function* () {
        for (;;) {
          yield env.timeout(1);
          log.push(env.now);
        }
      })(),
    );
    env.run({ until: 3 });
    expect(log).toEqual([1, 2]);
    expect(env.now).toBe(3);
    env.run({ until: 4.5 });
    expect(log).toEqual([1, 2, 3, 4]);
    expect(env.now).toBe(4.5);
    expect(() => env.run({ until: 4.5 })).toThrow(RangeError);
  });

  it("run({ until: t }) stops with an URGENT entry at t, as SimPy: NORMAL events at t wait, earlier URGENT ones run", () => {
    const env = new Environment();
    const log: string[] = [];
    env.schedule(2, () => log.push("urgent at 2"), URGENT);
    env.schedule(2, () => log.push("normal at 2"));
    env.schedule(1.5, () => log.push("at 1.5"), 1000);
    env.run({ until: 2 });
    expect(log).toEqual(["at 1.5", "urgent at 2"]);
    env.schedule(0, () => log.push("urgent scheduled after the stop"), URGENT);
    env.run();
    expect(log).toEqual(["at 1.5", "urgent at 2", "urgent scheduled after the stop", "normal at 2"]);
  });

  it("run({ until: t }) advances the clock to t when the list empties earlier", () => {
    const env = new Environment({ initialTime: 10 });
    env.timeout(1);
    env.run({ until: 100 });
    expect(env.now).toBe(100);
    expect(env.peek()).toBe(Number.POSITIVE_INFINITY);
  });

  it("run({ until: event }) returns the event's value and leaves later events alone", () => {
    const env = new Environment();
    const proc = env.process(
      (function* () {
        yield env.timeout(7);
        return "done";
      })(),
    );
    env.timeout(50);
    expect(env.run({ until: proc })).toBe("done");
    expect(env.now).toBe(7);
    expect(env.peek()).toBe(50);
  });

  it("run({ until: event }) fails when the list empties first", () => {
    const env = new Environment();
    const never = env.event();
    env.timeout(1);
    expect(() => env.run({ until: never })).toThrow(/until event was not triggered/);
  });

  it("step() and peek() walk the list one event at a time", () => {
    const env = new Environment();
    env.timeout(3);
    env.timeout(1);
    expect(env.peek()).toBe(1);
    env.step();
    expect(env.now).toBe(1);
    expect(env.eventCount).toBe(1);
    expect(env.peek()).toBe(3);
    env.step();
    expect(env.now).toBe(3);
    expect(() => env.step()).toThrow(RangeError);
  });

  it("step() after a run stopped at a time processes the next event (the stop does not stick)", () => {
    const env = new Environment();
    env.timeout(3);
    env.timeout(8);
    env.run({ until: 5 });
    expect(env.now).toBe(5);
    env.step();
    expect(env.now).toBe(8);
    expect(env.eventCount).toBe(3); // the timeout at 3, the stop at 5, the timeout at 8
  });

  it("step() inside a run does not undo a stop the run was asked for", () => {
    const env = new Environment();
    const until = env.event();
    env.timeout(10);
    env.timeout(20);
    env.schedule(1, () => {
      // registered after run's own stop waiter: when `until` is processed the run is asked to stop first
      until.then(() => env.step());
    });
    env.schedule(5, () => until.succeed());
    env.run({ until });
    // the step inside processed the timeout at 10; the run stopped there instead of running on to 20
    expect(env.now).toBe(10);
    expect(env.peek()).toBe(20);
  });

  it("cancels a scheduled callback in the middle of the list", () => {
    const env = new Environment();
    const log: number[] = [];
    const handles = [4, 2, 5, 1, 3].map((t) => env.schedule(t, () => log.push(t)));
    env.cancel(handles[0]!);
    env.cancel(handles[3]!);
    env.cancel(handles[3]!);
    expect(handles[0]!.pending).toBe(false);
    expect(handles[1]!.pending).toBe(true);
    env.run();
    expect(log).toEqual([2, 3, 5]);
    env.cancel(handles[1]!);
  });

  it("reschedule() reuses a handle whose callback has run: same order and event count as schedule()", () => {
    // Two identical chains of callbacks, one allocating a handle per callback, one reusing its handle,
    // interleaved with other entries at the same times: the logs and the event counts must agree.
    const runChain = (reuse: boolean): { log: string[]; events: number; handles: number } => {
      const env = new Environment();
      const log: string[] = [];
      const seen = new Set<SimEvent<unknown>>();
      let handle: ReturnType<Environment["schedule"]> | null = null;
      let n = 0;
      const tick = (): void => {
        log.push(`tick ${n} at ${env.now}`);
        if (++n === 6) return;
        const delay = n % 3; // 0 included: a callback rescheduling its own handle for the same instant
        handle = reuse ? env.reschedule(handle, delay, tick) : env.schedule(delay, tick);
        seen.add(handle);
        env.schedule(delay, () => log.push(`other at ${env.now}`));
      };
      handle = env.schedule(1, tick);
      seen.add(handle);
      env.schedule(1, () => log.push(`first other at ${env.now}`));
      env.run();
      return { log, events: env.eventCount, handles: seen.size };
    };
    const fresh = runChain(false);
    const reused = runChain(true);
    expect(reused.log).toEqual(fresh.log);
    expect(reused.events).toBe(fresh.events);
    expect(fresh.handles).toBe(6);
    expect(reused.handles).toBe(1);
  });

  it("reschedule() gives a new handle for null or a pending handle, and reuses a cancelled one", () => {
    const env = new Environment();
    const log: number[] = [];
    const a = env.schedule(5, () => log.push(5));
    const b = env.reschedule(a, 2, () => log.push(2));
    expect(b).not.toBe(a);
    const c = env.reschedule(null, 1, () => log.push(1));
    env.cancel(c);
    const d = env.reschedule(c, 3, () => log.push(3));
    expect(d).toBe(c);
    expect(d.at).toBe(3);
    expect(d.pending).toBe(true);
    env.run();
    expect(log).toEqual([2, 3, 5]);
  });

  it("reschedule() refuses a handle something waits for, and checks its arguments", () => {
    const env = new Environment();
    const handle = env.schedule(1, () => {});
    env.run();
    expect(() => env.reschedule(handle, -1, () => {})).toThrow(RangeError);
    expect(() => env.reschedule(handle, 1, () => {}, 5000)).toThrow(RangeError);
    const timeout = env.timeout(1);
    env.run();
    expect(() => env.reschedule(timeout, 1, () => {})).toThrow(/not the handle of a scheduled callback/);
    const cancelled = env.schedule(1, () => {});
    env.cancel(cancelled);
    env.process(
      (function* () {
        yield cancelled; // waits forever: a cancelled handle is never processed
      })(),
    );
    env.step(); // the process starts and waits for `cancelled`
    expect(() => env.reschedule(cancelled, 1, () => {})).toThrow(/awaited/);
  });

  it("a callback that reschedules its own handle does not hand it to the processes waiting for this run", () => {
    const env = new Environment();
    const log: string[] = [];
    let handle = env.schedule(1, () => {
      log.push(`callback at ${env.now}`);
      if (env.now < 2) handle = env.reschedule(handle, 1, () => log.push(`again at ${env.now}`));
    });
    env.process(
      (function* () {
        yield handle;
        log.push(`process at ${env.now}`);
      })(),
    );
    env.run();
    expect(log).toEqual(["callback at 1", "process at 1", "again at 2"]);
  });

  it("then() with the same function twice runs it twice, and with `this` unused (a plain function works)", () => {
    const env = new Environment();
    const event = env.event<number>();
    const seen: number[] = [];
    function record(e: SimEvent<number>): void {
      seen.push(e.value);
    }
    event.then(record);
    event.then(record);
    event.succeed(7);
    env.run();
    expect(seen).toEqual([7, 7]);
  });

  it("a scheduled handle is an event others can wait on", () => {
    const env = new Environment();
    const log: string[] = [];
    const handle = env.schedule(2, () => log.push("callback"));
    env.process(
      (function* () {
        yield handle;
        log.push(`waiter@${env.now}`);
      })(),
    );
    env.run();
    expect(log).toEqual(["callback", "waiter@2"]);
  });

  it("rejects bad arguments with the value in the message", () => {
    const env = new Environment();
    expect(() => env.timeout(-3)).toThrow("delay must be >= 0, got -3");
    expect(() => env.timeout(Number.NaN)).toThrow(RangeError);
    expect(() => env.schedule(1, () => {}, 0.5)).toThrow(RangeError);
    expect(() => env.schedule(1, () => {}, 5000)).toThrow(RangeError);
    expect(() => new Environment({ initialTime: Number.NaN })).toThrow(RangeError);
    expect(() => env.event().succeed(1, 2.5)).toThrow(RangeError);
  });

  it("an event succeeds once; its value is unavailable before", () => {
    const env = new Environment();
    const event = env.event<number>();
    expect(event.triggered).toBe(false);
    expect(() => event.value).toThrow(/not been triggered/);
    event.succeed(4);
    expect(event.triggered).toBe(true);
    expect(event.processed).toBe(false);
    expect(() => event.succeed(5)).toThrow(/already been triggered/);
    expect(() => event.fail(new Error("x"))).toThrow(/already been triggered/);
    env.run();
    expect(event.processed).toBe(true);
    expect(event.ok).toBe(true);
    expect(event.value).toBe(4);
  });

  it("then() callbacks run in registration order after waiting processes registered before them", () => {
    const env = new Environment();
    const log: string[] = [];
    const event = env.timeout(1, "v");
    event.then((e) => log.push(`first:${e.value}`));
    env.process(
      (function* () {
        yield event;
        log.push("process");
      })(),
    );
    env.run({ until: 0.5 });
    event.then(() => log.push("second"));
    env.run();
    expect(log).toEqual(["first:v", "process", "second"]);
    event.then(() => log.push(`late@${env.now}`));
    env.run();
    expect(log.at(-1)).toBe("late@1");
  });
});

describe("Environment failures", () => {
  it("stops run() with a SimulationError whose cause is the original error", () => {
    const env = new Environment();
    const original = new Error("boom");
    env.process(
      (function* () {
        yield env.timeout(2);
        throw original;
      })(),
    );
    let caught: unknown;
    try {
      env.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SimulationError);
    expect((caught as SimulationError).cause).toBe(original);
    expect((caught as SimulationError).time).toBe(2);
    expect((caught as Error).message).toMatch(/boom/);
  });

  it("a failed event nobody waits for stops the run unless defused", () => {
    const env = new Environment();
    const failed = env.event().fail(new Error("lost"));
    expect(() => env.run()).toThrow(SimulationError);
    expect(failed.processed).toBe(true);

    const env2 = new Environment();
    const defused = env2.event();
    defused.fail(new Error("handled"));
    defused.defused = true;
    env2.run();
    expect(defused.ok).toBe(false);
  });

  it("throws a failed event into the waiting process, which may handle it", () => {
    const env = new Environment();
    const log: string[] = [];
    const event = env.event<number>();
    env.process(
      (function* () {
        try {
          yield event;
        } catch (error) {
          log.push(`caught ${(error as Error).message}@${env.now}`);
        }
        return 1;
      })(),
    );
    env.schedule(3, () => event.fail(new Error("bad")));
    env.run();
    expect(log).toEqual(["caught bad@3"]);
  });

  it("a process that yields something other than an event makes run() throw a TypeError (a caller bug, as in SimPy)", () => {
    const env = new Environment();
    const proc = env.process(
      (function* (): Generator<SimEvent<unknown>, void, unknown> {
        yield 42 as unknown as SimEvent<unknown>;
      })(),
    );
    expect(() => env.run()).toThrow(
      new TypeError("invalid yield value: a process must yield SimEvent instances, got 42"),
    );
    expect(proc.isAlive).toBe(true);
    expect(env.activeProcess).toBe(null);
  });

  it("a pending cancelled stop entry does not leak after a failed run", () => {
    const env = new Environment();
    env.schedule(1, () => {
      throw new Error("callback failed");
    });
    expect(() => env.run({ until: 10 })).toThrow("callback failed");
    expect(env.peek()).toBe(Number.POSITIVE_INFINITY);
  });
});
