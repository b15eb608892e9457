import { describe, expect, it } from "vitest";
import { Environment, Interrupt, type Process, Resource, SimulationError } from "../../engine/index.ts";

describe("Process", () => {
  it("is an event that succeeds with the generator's return value", () => {
    const env = new Environment();
    const log: [string, unknown, number][] = [];
    const child = env.process(
      (function* () {
        yield env.timeout(3);
        return 42;
      })(),
    );
    env.process(
      (function* () {
        const value: number = yield child;
        log.push(["parent", value, env.now]);
      })(),
    );
    expect(child.isAlive).toBe(true);
    env.run();
    expect(log).toEqual([["parent", 42, 3]]);
    expect(child.isAlive).toBe(false);
    expect(child.value).toBe(42);
  });

  it("waiting on an already finished process continues at once", () => {
    const env = new Environment();
    const log: number[] = [];
    const child = env.process(
      (function* () {
        yield env.timeout(1);
        return 7;
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(5);
        const value: number = yield child;
        log.push(value, env.now);
      })(),
    );
    env.run();
    expect(log).toEqual([7, 5]);
  });

  it("a failing child throws into its parent, which may catch it", () => {
    const env = new Environment();
    const log: string[] = [];
    const child = env.process(
      (function* () {
        yield env.timeout(2);
        throw new RangeError("child failed");
      })(),
    );
    env.process(
      (function* () {
        try {
          yield child;
        } catch (error) {
          log.push(`${(error as Error).name}@${env.now}`);
        }
      })(),
    );
    env.run();
    expect(log).toEqual(["RangeError@2"]);
  });

  it("interrupt() throws an Interrupt with the cause into the waiting process at the current time", () => {
    const env = new Environment();
    const log: [string, unknown, number][] = [];
    const worker = env.process(
      (function* () {
        try {
          yield env.timeout(10);
          log.push(["finished", null, env.now]);
        } catch (error) {
          expect(error).toBeInstanceOf(Interrupt);
          log.push(["interrupted", (error as Interrupt).cause, env.now]);
          yield env.timeout(1);
          log.push(["resumed work", null, env.now]);
        }
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(4);
        worker.interrupt("break");
      })(),
    );
    env.run();
    expect(log).toEqual([
      ["interrupted", "break", 4],
      ["resumed work", null, 5],
    ]);
    // The abandoned timeout at 10 still runs but resumes nobody.
    expect(env.now).toBe(10);
  });

  it("an unhandled interrupt fails the process and stops the run with the Interrupt as cause", () => {
    const env = new Environment();
    const worker = env.process(
      (function* () {
        yield env.timeout(10);
      })(),
    );
    env.schedule(1, () => worker.interrupt({ reason: "stop" }));
    let caught: unknown;
    try {
      env.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SimulationError);
    const cause = (caught as SimulationError).cause;
    expect(cause).toBeInstanceOf(Interrupt);
    expect((cause as Interrupt).cause).toEqual({ reason: "stop" });
  });

  it("an interrupt issued right after creation arrives after the first step (start is URGENT and earlier)", () => {
    const env = new Environment();
    const log: string[] = [];
    const proc = env.process(
      (function* () {
        log.push(`ran@${env.now}`);
        yield env.timeout(1);
        log.push("not reached");
      })(),
    );
    proc.interrupt("early");
    proc.defused = true;
    env.run();
    expect(log).toEqual(["ran@0"]);
    expect(proc.ok).toBe(false);
    expect(proc.value).toBeInstanceOf(Interrupt);
  });

  it("two interrupts at the same time arrive in order", () => {
    const env = new Environment();
    const causes: unknown[] = [];
    const proc = env.process(
      (function* () {
        for (let i = 0; i < 2; i++) {
          try {
            yield env.timeout(100);
          } catch (error) {
            causes.push([(error as Interrupt).cause, env.now]);
          }
        }
      })(),
    );
    env.schedule(1, () => {
      proc.interrupt("a");
      proc.interrupt("b");
    });
    env.run();
    expect(causes).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
  });

  it("an interrupt issued in the same instant as the awaited event's succeed() reaches the process first (SimPy)", () => {
    const env = new Environment();
    const wake = env.event();
    const proc = env.process(
      (function* () {
        yield wake;
      })(),
    );
    env.schedule(1, () => {
      wake.succeed();
      proc.interrupt("late");
    });
    expect(() => env.run()).toThrow(SimulationError);
    expect(proc.ok).toBe(false);
    expect((proc.value as unknown as Interrupt).cause).toBe("late");
    expect(() => proc.interrupt()).toThrow(/terminated/);
  });

  it("an interrupt arriving after the process ended is ignored", () => {
    const env = new Environment();
    const proc = env.process(
      (function* () {
        yield env.timeout(1);
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(0);
        proc.interrupt("first");
        proc.interrupt("second");
      })(),
    );
    const handled: unknown[] = [];
    const catcher = env.process(
      (function* () {
        try {
          yield proc;
        } catch (error) {
          handled.push((error as Interrupt).cause);
        }
      })(),
    );
    env.run();
    expect(handled).toEqual(["first"]);
    expect(catcher.ok).toBe(true);
  });

  it("a process cannot interrupt itself", () => {
    const env = new Environment();
    let message = "";
    env.process(
      (function* () {
        try {
          env.activeProcess?.interrupt();
        } catch (error) {
          message = (error as Error).message;
        }
        yield env.timeout(1);
      })(),
    );
    env.run();
    expect(message).toMatch(/itself/);
  });

  it("activeProcess is the process being resumed", () => {
    const env = new Environment();
    const seen: unknown[] = [];
    const proc = env.process(
      (function* () {
        seen.push(env.activeProcess);
        yield env.timeout(1);
        seen.push(env.activeProcess);
      })(),
    );
    env.run();
    expect(seen).toEqual([proc, proc]);
    expect(env.activeProcess).toBeNull();
  });

  it("activeProcess stays right over many resumes and across a nested resume (env.step() inside a process)", () => {
    // Over 1000 resumes (the cell holding the active process is renewed every 256) every process sees itself,
    // requests record it, and a process that steps the environment sees itself again after the nested resume.
    const env = new Environment();
    const res = new Resource(env, 1);
    const wrong: string[] = [];
    const worker = function* (id: number) {
      for (let k = 0; k < 100; k++) {
        const self = env.activeProcess;
        const req = res.request();
        if (req.proc !== self) wrong.push(`request of ${id}`);
        yield req;
        if (env.activeProcess !== self) wrong.push(`grant of ${id}`);
        yield env.timeout(1);
        res.release(req);
      }
    };
    const procs = Array.from({ length: 5 }, (_, i) => env.process(worker(i)));
    let nested = 0;
    const outer = env.process(
      (function* () {
        yield env.timeout(300.5);
        const before = env.activeProcess;
        // 600 nested resumes: some of them fall where the cell would be renewed (every 256 resumes)
        for (let k = 0; k < 600; k++) {
          const box: { inner: Process<void> | null } = { inner: null };
          box.inner = env.process(
            (function* () {
              if (env.activeProcess !== box.inner) wrong.push("inner");
              nested++;
              yield env.timeout(0);
            })(),
          );
          env.step(); // the inner process starts (URGENT, first in the list): a resume nested in this one
          if (env.activeProcess !== before) wrong.push(`outer after step ${k}`);
        }
      })(),
    );
    env.run();
    expect(wrong).toEqual([]);
    expect(nested).toBe(600);
    expect(procs.every((p) => !p.isAlive) && !outer.isAlive).toBe(true);
    expect(env.activeProcess).toBeNull();
  });

  it("rejects a non-generator", () => {
    const env = new Environment();
    expect(() => env.process(null as never)).toThrow(TypeError);
  });
});

describe("Conditions", () => {
  it("allOf waits for every event and maps each to its value", () => {
    const env = new Environment();
    const log: unknown[] = [];
    env.process(
      (function* () {
        const a = env.timeout(1, "a");
        const b = env.timeout(3, "b");
        const values: Map<unknown, unknown> = yield env.allOf([a, b]);
        log.push(env.now, [...values.values()], values.get(a));
      })(),
    );
    env.run();
    expect(log).toEqual([3, ["a", "b"], "a"]);
  });

  it("anyOf resumes at the first event, with only the processed events in the value", () => {
    const env = new Environment();
    const log: unknown[] = [];
    env.process(
      (function* () {
        const slow = env.timeout(5, "slow");
        const fast = env.timeout(2, "fast");
        const values: Map<unknown, unknown> = yield env.anyOf([slow, fast]);
        log.push(env.now, [...values.values()], values.has(slow));
      })(),
    );
    env.run();
    expect(log).toEqual([2, ["fast"], false]);
  });

  it("conditions over an empty list succeed at once; over processed events they succeed at once too", () => {
    const env = new Environment();
    const log: unknown[] = [];
    const early = env.timeout(1, "x");
    env.process(
      (function* () {
        const empty: Map<unknown, unknown> = yield env.allOf([]);
        log.push(`empty:${empty.size}@${env.now}`);
        yield env.timeout(2);
        const values: Map<unknown, unknown> = yield env.allOf([early]);
        log.push(`done:${values.get(early)}@${env.now}`);
      })(),
    );
    env.run();
    expect(log).toEqual(["empty:0@0", "done:x@2"]);
  });

  it("a failure among the events fails the condition, thrown into the waiter", () => {
    const env = new Environment();
    const log: string[] = [];
    const bad = env.event();
    env.process(
      (function* () {
        try {
          yield env.allOf([env.timeout(5), bad]);
        } catch (error) {
          log.push(`${(error as Error).message}@${env.now}`);
        }
      })(),
    );
    env.schedule(1, () => bad.fail(new Error("part failed")));
    env.run();
    expect(log).toEqual(["part failed@1"]);
  });

  it("a timeout race: anyOf(process, timeout) then interrupt the loser", () => {
    const env = new Environment();
    const log: string[] = [];
    const job = env.process(
      (function* () {
        try {
          yield env.timeout(10);
          log.push("job done");
        } catch {
          log.push(`job cancelled@${env.now}`);
        }
      })(),
    );
    env.process(
      (function* () {
        const deadline = env.timeout(4);
        const result: Map<unknown, unknown> = yield env.anyOf([job, deadline]);
        if (!result.has(job)) job.interrupt("deadline");
      })(),
    );
    env.run();
    expect(log).toEqual(["job cancelled@4"]);
  });

  it("rejects events of another environment", () => {
    const env = new Environment();
    const other = new Environment();
    expect(() => env.allOf([other.timeout(1)])).toThrow(TypeError);
  });

  it("interrupting a process waiting on a condition withdraws the request inside it", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const holder = resource.request();
    const log: string[] = [];
    const impatient = env.process(
      (function* () {
        try {
          yield env.anyOf([resource.request(), env.timeout(10)]);
        } catch {
          log.push(`left@${env.now}`);
        }
      })(),
    );
    env.schedule(1, () => impatient.interrupt());
    env.schedule(2, () => {
      expect(resource.queueLength).toBe(0);
      resource.release(holder);
    });
    env.run();
    expect(log).toEqual(["left@1"]);
    expect(resource.count).toBe(0);
  });
});

describe("SimEvent is not a Promise", () => {
  it("awaiting an event rejects with a clear TypeError instead of looping", async () => {
    const env = new Environment();
    await expect(Promise.resolve(env.timeout(1) as unknown)).rejects.toThrow(/not a Promise/);
  });
});
