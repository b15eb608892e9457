import { describe, expect, it } from "vitest";
import {
  Environment,
  type Interrupt,
  Preempted,
  PreemptiveResource,
  PriorityResource,
  type Process,
  type Request,
  Resource,
} from "../../engine/index.ts";

/** A customer that holds one unit of `resource` for `hold` time units and logs [name, event, time]. */
function* customer(
  env: Environment,
  resource: Resource,
  name: string,
  hold: number,
  log: [string, string, number][],
  request: () => Request = () => resource.request(),
) {
  const req = request();
  yield req;
  log.push([name, "got", env.now]);
  yield env.timeout(hold);
  resource.release(req);
  log.push([name, "released", env.now]);
}

describe("Resource", () => {
  it("serves requests FIFO within capacity", () => {
    const env = new Environment();
    const resource = new Resource(env, 2);
    const log: [string, string, number][] = [];
    for (const [name, hold] of [
      ["a", 3],
      ["b", 1],
      ["c", 2],
      ["d", 1],
    ] as const) {
      env.process(customer(env, resource, name, hold, log));
    }
    env.run();
    expect(log).toEqual([
      ["a", "got", 0],
      ["b", "got", 0],
      ["b", "released", 1],
      ["c", "got", 1],
      ["a", "released", 3],
      // As in SimPy (checked against SimPy 3.0.11): a's Release event, then d's grant, are NORMAL events of
      // this instant, queued behind c's timeout, which was scheduled earlier.
      ["c", "released", 3],
      ["d", "got", 3],
      ["d", "released", 4],
    ]);
    expect(resource.count).toBe(0);
    expect(resource.queueLength).toBe(0);
  });

  it("serves a long queue FIFO across the bulk reclaim of served slots, with withdrawals and a second busy period", () => {
    // 3000 requests queue behind one unit: the queue's head passes 1024 (served slots reclaimed in bulk) while
    // requests are withdrawn from the middle; then the queue empties and a second busy period starts.
    const env = new Environment();
    const res = new Resource(env, 1);
    const served: number[] = [];
    const requests: Request[] = [];
    const customer = function* (id: number) {
      const req = res.request();
      requests[id] = req;
      yield req;
      served.push(id);
      yield env.timeout(1);
      res.release(req);
    };
    for (let i = 0; i < 3000; i++) env.process(customer(i));
    env.schedule(1500.5, () => {
      for (let i = 2000; i < 3000; i += 7) requests[i]!.cancel();
      expect(res.queueLength).toBe(3000 - 1501 - Math.ceil(1000 / 7));
    });
    env.schedule(5000, () => {
      expect(res.queueLength).toBe(0);
      for (let i = 3000; i < 3003; i++) env.process(customer(i));
    });
    env.run();
    const expected: number[] = [];
    for (let i = 0; i < 3003; i++) if (i < 2000 || i >= 3000 || (i - 2000) % 7 !== 0) expected.push(i);
    expect(served).toEqual(expected);
    expect(res.count).toBe(0);
    expect(res.queue).toEqual([]);
  });

  it("count and queueLength follow requests; releasing twice is a no-op", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const first = resource.request();
    const second = resource.request();
    expect(first.triggered).toBe(true);
    expect(second.triggered).toBe(false);
    expect([resource.count, resource.queueLength]).toEqual([1, 1]);
    resource.release(first);
    // The unit is free at once; the queue head gets it when the Release event is processed (SimPy).
    expect([resource.count, resource.queueLength]).toEqual([0, 1]);
    expect(second.triggered).toBe(false);
    env.run();
    expect([resource.count, resource.queueLength]).toEqual([1, 0]);
    expect(second.triggered).toBe(true);
    expect(second.usageSince).toBe(0);
    resource.release(first);
    expect(resource.count).toBe(1);
    second.cancel();
    expect(resource.count).toBe(0);
    expect(() => new Resource(env, 1).release(second)).toThrow(TypeError);
  });

  it("raising capacity during a run grants queued requests at once", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, string, number][] = [];
    for (const name of ["a", "b", "c"]) env.process(customer(env, resource, name, 10, log));
    env.schedule(2, () => {
      resource.capacity = 3;
    });
    env.run();
    expect(log.filter(([, what]) => what === "got")).toEqual([
      ["a", "got", 0],
      ["b", "got", 2],
      ["c", "got", 2],
    ]);
  });

  it("lowering capacity preempts nobody and blocks grants until count < capacity", () => {
    const env = new Environment();
    const resource = new Resource(env, 3);
    const log: [string, string, number][] = [];
    for (const [name, hold] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", 1],
    ] as const) {
      env.process(customer(env, resource, name, hold, log));
    }
    env.schedule(0.5, () => {
      resource.capacity = 1;
    });
    env.run();
    expect(log).toEqual([
      ["a", "got", 0],
      ["b", "got", 0],
      ["c", "got", 0],
      ["a", "released", 1],
      ["b", "released", 2],
      ["c", "released", 3],
      ["d", "got", 3],
      ["d", "released", 4],
    ]);
  });

  it("a process interrupted while queued has its request withdrawn (no leak)", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, string, number][] = [];
    env.process(customer(env, resource, "holder", 5, log));
    const impatient = env.process(
      (function* () {
        try {
          yield resource.request();
          log.push(["impatient", "got", env.now]);
        } catch (error) {
          log.push(["impatient", `interrupted:${(error as Interrupt).cause}`, env.now]);
        }
      })(),
    );
    env.process(customer(env, resource, "next", 1, log));
    env.schedule(2, () => {
      expect(resource.queueLength).toBe(2);
      impatient.interrupt("gave up");
      expect(resource.queueLength).toBe(2);
    });
    env.schedule(2, () => expect(resource.queueLength).toBe(1));
    env.run();
    expect(log).toEqual([
      ["holder", "got", 0],
      ["impatient", "interrupted:gave up", 2],
      ["holder", "released", 5],
      ["next", "got", 5],
      ["next", "released", 6],
    ]);
    expect(resource.count).toBe(0);
  });

  it("a process interrupted after its grant but before resuming gives the unit back", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, string, number][] = [];
    const holder = resource.request();
    const waiter = env.process(
      (function* () {
        try {
          yield resource.request();
          log.push(["waiter", "got", env.now]);
        } catch {
          log.push(["waiter", "interrupted", env.now]);
        }
      })(),
    );
    env.schedule(1, () => {
      resource.release(holder).then(() => {
        // The Release event has just granted the unit to the waiter; the URGENT interrupt reaches the
        // waiter before the grant's NORMAL event does.
        expect(resource.count).toBe(1);
        waiter.interrupt();
      });
    });
    env.run();
    expect(log).toEqual([["waiter", "interrupted", 1]]);
    expect(resource.count).toBe(0);
  });

  it("rejects bad capacities", () => {
    const env = new Environment();
    expect(() => new Resource(env, 0)).toThrow(RangeError);
    expect(() => new Resource(env, 1.5)).toThrow("capacity must be an integer >= 1 or Infinity, got 1.5");
    const resource = new Resource(env, Number.POSITIVE_INFINITY);
    expect(() => {
      resource.capacity = -1;
    }).toThrow(RangeError);
  });
});

describe("PriorityResource", () => {
  it("serves the lowest priority value first, FIFO among equals", () => {
    const env = new Environment();
    const resource = new PriorityResource(env, 1);
    const log: [string, string, number][] = [];
    for (const [name, priority] of [
      ["first", 5],
      ["low", 3],
      ["high", 1],
      ["low2", 3],
      ["high2", 1],
    ] as const) {
      env.process(customer(env, resource, name, 1, log, () => resource.request({ priority })));
    }
    env.run();
    expect(log.filter(([, what]) => what === "got").map(([name, , t]) => [name, t])).toEqual([
      ["first", 0],
      ["high", 1],
      ["high2", 2],
      ["low", 3],
      ["low2", 4],
    ]);
    expect(() => resource.request({ priority: 0.5 })).toThrow(RangeError);
  });
});

describe("PreemptiveResource", () => {
  it("preempts the lowest-priority user and interrupts it with a Preempted cause", () => {
    const env = new Environment();
    const resource = new PreemptiveResource(env, 1);
    const log: unknown[] = [];
    const procs: { high?: Process<unknown> } = {};
    const low = env.process(
      (function* () {
        const req = resource.request({ priority: 5 });
        yield req;
        log.push(["low got", env.now]);
        try {
          yield env.timeout(10);
          log.push(["low done", env.now]);
        } catch (error) {
          const cause = (error as Interrupt).cause as Preempted;
          expect(cause).toBeInstanceOf(Preempted);
          log.push([
            "low preempted",
            env.now,
            cause.usageSince,
            cause.by === procs.high,
            cause.resource === resource,
          ]);
        }
        resource.release(req);
      })(),
    );
    procs.high = env.process(
      (function* () {
        yield env.timeout(2);
        const req = resource.request({ priority: 1 });
        yield req;
        log.push(["high got", env.now]);
        yield env.timeout(3);
        resource.release(req);
        log.push(["high released", env.now]);
      })(),
    );
    env.run();
    expect(log).toEqual([
      ["low got", 0],
      // The interrupt is issued before the grant is triggered, so the victim hears first.
      ["low preempted", 2, 0, true, true],
      ["high got", 2],
      ["high released", 5],
    ]);
    expect(low.ok).toBe(true);
    expect(resource.count).toBe(0);
  });

  it("does not preempt equal or better users, nor when preempt is false", () => {
    const env = new Environment();
    const resource = new PreemptiveResource(env, 1);
    const log: [string, string, number][] = [];
    env.process(customer(env, resource, "user", 4, log, () => resource.request({ priority: 2 })));
    env.process(
      (function* () {
        yield env.timeout(1);
        yield* customer(env, resource, "equal", 1, log, () => resource.request({ priority: 2 }));
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(1);
        yield* customer(env, resource, "polite", 1, log, () =>
          resource.request({ priority: 0, preempt: false }),
        );
      })(),
    );
    env.run();
    expect(log).toEqual([
      ["user", "got", 0],
      ["user", "released", 4],
      ["polite", "got", 4],
      ["polite", "released", 5],
      ["equal", "got", 5],
      ["equal", "released", 6],
    ]);
  });

  it("evicts the user with the largest key (priority, then latest request)", () => {
    const env = new Environment();
    const resource = new PreemptiveResource(env, 2);
    const victims: string[] = [];
    for (const [name, priority, at] of [
      ["p3-early", 3, 0],
      ["p3-late", 3, 1],
    ] as const) {
      env.process(
        (function* () {
          yield env.timeout(at);
          const req = resource.request({ priority });
          yield req;
          try {
            yield env.timeout(100);
          } catch {
            victims.push(`${name}@${env.now}`);
          }
          resource.release(req);
        })(),
      );
    }
    env.process(
      (function* () {
        yield env.timeout(2);
        const req = resource.request({ priority: 0 });
        yield req;
        resource.release(req);
      })(),
    );
    env.run({ until: 10 });
    expect(victims).toEqual(["p3-late@2"]);
  });

  it("among users with equal keys, evicts the last granted (trace checked against SimPy 3.0.11)", () => {
    const env = new Environment();
    const res = new PreemptiveResource(env, 2);
    const log: [string, string, number][] = [];
    function* user(name: string, delay: number, priority: number) {
      yield env.timeout(delay);
      const req = res.request({ priority });
      try {
        yield req;
        yield env.timeout(5);
        log.push([name, "done", env.now]);
      } catch (error) {
        log.push([name, "preempted", ((error as Interrupt).cause as Preempted).usageSince]);
      } finally {
        res.release(req);
      }
    }
    env.process(user("a", 0, 1));
    env.process(user("b", 0, 1));
    env.process(user("c", 1, 0));
    env.run();
    expect(log).toEqual([
      ["b", "preempted", 0],
      ["a", "done", 5],
      ["c", "done", 6],
    ]);
  });
});
