/** The primitives beyond SimPy: balking, cancellable timeouts, preemptive resume, cheap interrupts, withdrawn requests. */
import { describe, expect, it } from "vitest";
import {
  Environment,
  Interrupt,
  Preempted,
  PreemptiveResource,
  PriorityResource,
  type Process,
  Resource,
  SimulationError,
  type Timeout,
} from "../../engine/index.ts";

describe("tryRequest (balking, loss systems)", () => {
  it("returns a granted request when a unit is free and null otherwise, leaving nothing behind", () => {
    const env = new Environment();
    const servers = new Resource(env, 1);
    const log: [string, number][] = [];
    function* customer(name: string, arrival: number) {
      yield env.timeout(arrival);
      const req = servers.tryRequest();
      if (req === null) {
        log.push([`${name} lost`, env.now]);
        return;
      }
      yield req;
      log.push([`${name} served`, env.now]);
      yield env.timeout(2);
      servers.release(req);
    }
    env.process(customer("a", 0));
    env.process(customer("b", 1));
    env.process(customer("c", 3));
    env.run();
    expect(log).toEqual([
      ["a served", 0],
      ["b lost", 1],
      ["c served", 3],
    ]);
    expect([servers.count, servers.queueLength]).toEqual([0, 0]);
  });

  it("does not overtake waiting requests, and respects priority and preemption", () => {
    const env = new Environment();
    const plain = new PriorityResource(env, 1);
    plain.request();
    plain.request();
    expect(plain.tryRequest({ priority: -5 })).toBe(null);
    expect(plain.queueLength).toBe(1);
    const preemptive = new PreemptiveResource(env, 1);
    const low = preemptive.request({ priority: 5 });
    const high = preemptive.tryRequest({ priority: 1 });
    expect(high).not.toBe(null);
    expect(preemptive.users).toEqual([high]);
    expect(low.triggered).toBe(true);
    expect(preemptive.tryRequest({ priority: 1 })).toBe(null);
  });

  it("with queueLimit 0 a free unit is still granted, and request() beyond the limit throws", () => {
    const env = new Environment();
    const servers = new Resource(env, 1);
    servers.queueLimit = 0;
    expect(servers.tryRequest()).not.toBe(null);
    expect(servers.tryRequest()).toBe(null);
    expect(() => servers.request()).toThrow("request: the queue is full (queueLimit 0)");
    expect(() => {
      servers.queueLimit = -1;
    }).toThrow(RangeError);
  });
});

describe("cancellable timeouts", () => {
  it("env.cancel(timeout) takes a pending timeout off the list, so run() ends at the last real event", () => {
    const env = new Environment();
    const stale = env.timeout(100);
    const log: number[] = [];
    env.process(
      (function* () {
        yield env.timeout(3);
        expect(stale.pending).toBe(true);
        expect(stale.remaining).toBe(97);
        env.cancel(stale);
        log.push(env.now);
      })(),
    );
    env.run();
    expect(log).toEqual([3]);
    expect(env.now).toBe(3);
    expect(stale.pending).toBe(false);
    expect(stale.processed).toBe(false);
    env.cancel(stale); // a no-op the second time
  });

  it("refuses to cancel a timeout a process waits for (it would wait forever)", () => {
    const env = new Environment();
    const t = env.timeout(5);
    env.process(
      (function* () {
        yield t;
      })(),
    );
    env.step();
    expect(() => env.cancel(t)).toThrow(/waiting for this timeout/);
  });
});

describe("preemption: remaining service time and resuming at the head of the class", () => {
  /**
   * Two low-priority jobs (class 1) and a high-priority job (class 0) on one server. Job L1 (service 4)
   * starts at 0, L2 (service 1) queues at 0.5, H (service 2) preempts L1 at 1. With `resume`, L1 comes
   * back ahead of L2 (preemptive-resume: head of its class) and serves its 3 remaining units.
   */
  function run(resume: boolean): [string, number][] {
    const env = new Environment();
    const server = new PreemptiveResource(env, 1);
    const log: [string, number][] = [];
    function* job(name: string, arrival: number, priority: number, service: number) {
      yield env.timeout(arrival);
      let left = service;
      let preempted: Preempted | undefined;
      for (;;) {
        const req =
          preempted !== undefined && resume
            ? server.request({ priority, resume: preempted })
            : server.request({ priority });
        yield req;
        log.push([`${name} starts`, env.now]);
        const work: Timeout = env.timeout(left);
        try {
          yield work;
          server.release(req);
          log.push([`${name} done`, env.now]);
          return;
        } catch (error) {
          const cause = (error as Interrupt).cause as Preempted;
          expect(cause).toBeInstanceOf(Preempted);
          left = cause.remaining;
          expect(left).toBe(work.remaining);
          env.cancel(work);
          preempted = cause;
          log.push([`${name} preempted, ${left} left`, env.now]);
        }
      }
    }
    env.process(job("L1", 0, 1, 4));
    env.process(job("L2", 0.5, 1, 1));
    env.process(job("H", 1, 0, 2));
    env.run();
    return log;
  }

  it("by default (SimPy) a preempted job queues again behind its class", () => {
    expect(run(false)).toEqual([
      ["L1 starts", 0],
      ["L1 preempted, 3 left", 1],
      ["H starts", 1],
      ["H done", 3],
      ["L2 starts", 3],
      ["L2 done", 4],
      ["L1 starts", 4],
      ["L1 done", 7],
    ]);
  });

  it("with resume it goes back to the head of its class and finishes its remaining service", () => {
    expect(run(true)).toEqual([
      ["L1 starts", 0],
      ["L1 preempted, 3 left", 1],
      ["H starts", 1],
      ["H done", 3],
      ["L1 starts", 3],
      ["L1 done", 6],
      ["L2 starts", 6],
      ["L2 done", 7],
    ]);
  });

  it("remaining is NaN when the victim was not waiting for a timeout; resume must come from this resource", () => {
    const env = new Environment();
    const a = new PreemptiveResource(env, 1);
    const b = new PreemptiveResource(env, 1);
    const causes: Preempted[] = [];
    env.process(
      (function* () {
        const req = a.request({ priority: 1 });
        yield req;
        try {
          yield env.event();
        } catch (error) {
          causes.push((error as Interrupt).cause as Preempted);
        }
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(1);
        a.request({ priority: 0 });
      })(),
    );
    env.run();
    expect(causes).toHaveLength(1);
    expect(causes[0]!.remaining).toBeNaN();
    expect(() => b.request({ resume: causes[0]! })).toThrow(TypeError);
  });
});

describe("cheap interrupts", () => {
  it("an Interrupt carries no captured stack but keeps its message, name and cause", () => {
    const interrupt = new Interrupt("maintenance");
    expect(interrupt).toBeInstanceOf(Error);
    expect(interrupt.message).toBe("interrupted: maintenance");
    expect(interrupt.name).toBe("Interrupt");
    expect(interrupt.cause).toBe("maintenance");
    expect(interrupt.stack).toBe("Interrupt: interrupted: maintenance");
    expect(new Interrupt().message).toBe("interrupted");
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
    expect(new Error("x").stack).toMatch(/\n\s+at /);
  });
});

describe("requests withdrawn by an interrupt", () => {
  it("a queued request the process stopped waiting for is withdrawn; yielding it later throws a clear error", () => {
    const env = new Environment();
    const res = new Resource(env, 1);
    const log: string[] = [];
    res.request();
    const victim: Process<unknown> = env.process(
      (function* () {
        const req = res.request();
        try {
          yield req;
        } catch {
          log.push(`interrupted, queue ${res.queueLength}`);
          yield env.timeout(1);
          log.push(`queue ${res.queueLength}`);
          try {
            yield req;
          } catch (error) {
            log.push((error as Error).message);
          }
        }
      })(),
    );
    env.schedule(0.5, () => victim.interrupt());
    env.run();
    expect(log).toEqual([
      "interrupted, queue 1",
      "queue 0",
      "this request was withdrawn when an interrupt stopped its process waiting for it; make a new request",
    ]);
  });

  it("a withdrawn request inside a condition fails the condition instead of hanging", () => {
    const env = new Environment();
    const res = new Resource(env, 1);
    res.request();
    const messages: string[] = [];
    const victim = env.process(
      (function* () {
        const req = res.request();
        try {
          yield req;
        } catch {
          yield env.timeout(1);
          try {
            yield env.anyOf([req, env.timeout(10)]);
          } catch (error) {
            messages.push((error as Error).message);
          }
        }
      })(),
    );
    env.schedule(0, () => victim.interrupt());
    expect(() => env.run()).not.toThrow(SimulationError);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/withdrawn/);
  });
});
