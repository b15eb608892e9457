/** SimPy's tests/test_interrupts.py (SimPy 3.0.x), ported as behaviour. */
import { describe, expect, it } from "vitest";
import { Environment, Interrupt, type Process, type SimEvent } from "../../../engine/index.ts";

describe("SimPy test_interrupts", () => {
  it("test_interruption: a process waiting for a timeout receives the interrupt and its cause", () => {
    const env = new Environment();
    const causes: unknown[] = [];
    function* interruptee() {
      try {
        yield env.timeout(10);
        causes.push("not interrupted");
      } catch (error) {
        causes.push((error as Interrupt).cause, env.now);
      }
    }
    function* interruptor() {
      const child = env.process(interruptee());
      yield env.timeout(5);
      child.interrupt("interrupt!");
    }
    env.process(interruptor());
    env.run();
    expect(causes).toEqual(["interrupt!", 5]);
  });

  it("test_concurrent_interrupts: concurrent interrupts arrive in the order they were made", () => {
    const env = new Environment();
    const log: [number, unknown][] = [];
    function* fox() {
      for (;;) {
        try {
          yield env.timeout(10);
        } catch (error) {
          log.push([env.now, (error as Interrupt).cause]);
        }
      }
    }
    function* farmer(name: string, target: Process<unknown>) {
      target.interrupt(name);
      yield env.timeout(1);
    }
    const mrFox = env.process(fox());
    for (const name of ["boggis", "bunce", "beans"]) env.process(farmer(name, mrFox));
    env.run({ until: 20 });
    expect(log).toEqual([
      [0, "boggis"],
      [0, "bunce"],
      [0, "beans"],
    ]);
  });

  it("test_concurrent_interrupts_and_events: an interrupt made in the instant the awaited event succeeds comes first", () => {
    const env = new Environment();
    const log: string[] = [];
    function* fox(coup: SimEvent<unknown>) {
      for (;;) {
        try {
          yield coup;
          log.push(`coup completed at ${env.now}`);
          return;
        } catch {
          log.push(`coup interrupted at ${env.now}`);
        }
      }
    }
    function* masterPlan(target: Process<unknown>, coup: SimEvent<unknown>) {
      yield env.timeout(1);
      coup.succeed();
      target.interrupt();
    }
    const coup = env.event();
    const mrFox = env.process(fox(coup));
    env.process(masterPlan(mrFox, coup));
    env.run({ until: 5 });
    expect(log).toEqual(["coup interrupted at 1", "coup completed at 1"]);
  });

  it("test_init_interrupt: an interrupt made right after a process is created reaches it after its start", () => {
    const env = new Environment();
    const log: string[] = [];
    function* child() {
      log.push("started");
      try {
        yield env.timeout(10);
      } catch {
        log.push(`interrupted at ${env.now}`);
      }
    }
    function* root() {
      env.process(child()).interrupt();
      yield env.timeout(1);
    }
    env.process(root());
    env.run();
    expect(log).toEqual(["started", "interrupted at 0"]);
  });

  it("test_interrupt_terminated_process: a finished process cannot be interrupted", () => {
    const env = new Environment();
    const messages: string[] = [];
    function* child() {
      yield env.timeout(1);
    }
    function* parent() {
      const childProc = env.process(child());
      yield env.timeout(2);
      try {
        childProc.interrupt();
      } catch (error) {
        messages.push((error as Error).message);
      }
      yield env.timeout(1);
    }
    env.process(parent());
    env.run();
    expect(messages).toEqual(["interrupt: the process has terminated and cannot be interrupted"]);
  });

  it("test_multiple_interrupts: interrupts reaching a process that died handling an earlier one are dropped", () => {
    const env = new Environment();
    const results: unknown[] = [];
    function* child() {
      try {
        yield env.timeout(1);
      } catch (error) {
        return (error as Interrupt).cause;
      }
      return "not interrupted";
    }
    function* parent() {
      const c = env.process(child());
      yield env.timeout(0);
      c.interrupt(1);
      c.interrupt(2);
      results.push(yield c);
    }
    env.process(parent());
    env.run();
    expect(results).toEqual([1]);
  });

  it("test_interrupt_self: a process cannot interrupt itself", () => {
    const env = new Environment();
    const messages: string[] = [];
    env.process(
      (function* () {
        try {
          env.activeProcess!.interrupt();
        } catch (error) {
          messages.push((error as Error).message);
        }
        yield env.timeout(0);
      })(),
    );
    env.run();
    expect(messages).toEqual(["interrupt: a process is not allowed to interrupt itself"]);
  });

  it("test_immediate_interrupt: a process can be interrupted in the instant it was created", () => {
    const env = new Environment();
    const log: number[] = [];
    function* child() {
      try {
        yield env.event();
      } catch (error) {
        if (error instanceof Interrupt) log.push(env.now);
      }
    }
    function* parent() {
      env.process(child()).interrupt();
      yield* [];
    }
    env.process(parent());
    env.run();
    expect(log).toEqual([0]);
  });

  it("test_interrupt_event: a process waiting for a hand-made event can be interrupted", () => {
    const env = new Environment();
    const log: number[] = [];
    function* child() {
      try {
        yield env.event();
      } catch {
        log.push(env.now);
      }
    }
    function* parent() {
      const childProc = env.process(child());
      yield env.timeout(5);
      childProc.interrupt();
    }
    env.process(parent());
    env.run();
    expect(log).toEqual([5]);
  });

  it("test_concurrent_behaviour: two interrupts in one instant each stop one wait", () => {
    const env = new Environment();
    let interrupts = 0;
    let completed = 0;
    function* procA() {
      const timeouts = [env.timeout(0), env.timeout(0)];
      while (timeouts.length > 0) {
        try {
          yield timeouts.shift()!;
          completed++;
        } catch {
          interrupts++;
        }
      }
    }
    function* procB(a: Process<unknown>) {
      for (let i = 0; i < 2; i++) a.interrupt();
      yield* [];
    }
    const a = env.process(procA());
    env.process(procB(a));
    env.run();
    expect([interrupts, completed]).toEqual([2, 0]);
  });
});
