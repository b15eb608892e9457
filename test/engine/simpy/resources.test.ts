/**
 * SimPy's tests/test_resources.py (SimPy 3.0.x), ported as behaviour. Python's `with res.request() as req:`
 * is `try { ... } finally { res.release(req) }` here, and `with store.get() as get:` is `finally
 * { get.cancel() }`; `put_queue.maxlen` is `queueLimit`; a PriorityItem is an item with a priority field
 * and a compare function.
 */
import { describe, expect, it } from "vitest";
import {
  Container,
  Environment,
  FilterStore,
  Interrupt,
  Preempted,
  PreemptiveResource,
  PriorityResource,
  PriorityStore,
  type Process,
  Resource,
  Store,
} from "../../../engine/index.ts";

describe("SimPy test_resources: Resource", () => {
  it("test_resource: two processes share one unit", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, number][] = [];
    const counts: number[] = [];
    function* pem(name: string) {
      const req = resource.request();
      yield req;
      counts.push(resource.count);
      yield env.timeout(1);
      resource.release(req);
      log.push([name, env.now]);
    }
    expect([resource.capacity, resource.count]).toEqual([1, 0]);
    env.process(pem("a"));
    env.process(pem("b"));
    env.run();
    expect(log).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(counts).toEqual([1, 1]);
  });

  it("test_resource_capacity: a capacity of 0 is refused", () => {
    const env = new Environment();
    expect(() => new Resource(env, 0)).toThrow(RangeError);
  });

  it("test_resource_context_manager: releasing in finally frees the unit", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, number][] = [];
    function* pem(name: string) {
      const req = resource.request();
      try {
        yield req;
        yield env.timeout(1);
      } finally {
        resource.release(req);
      }
      log.push([name, env.now]);
    }
    env.process(pem("a"));
    env.process(pem("b"));
    env.run();
    expect(log).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("test_resource_slots: nine processes on three units", () => {
    const env = new Environment();
    const resource = new Resource(env, 3);
    const log: [string, number][] = [];
    function* pem(name: string) {
      const req = resource.request();
      try {
        yield req;
        log.push([name, env.now]);
        yield env.timeout(1);
      } finally {
        resource.release(req);
      }
    }
    for (let i = 0; i < 9; i++) env.process(pem(String(i)));
    env.run();
    expect(log).toEqual([
      ["0", 0],
      ["1", 0],
      ["2", 0],
      ["3", 1],
      ["4", 1],
      ["5", 1],
      ["6", 2],
      ["7", 2],
      ["8", 2],
    ]);
  });

  it("test_resource_continue_after_interrupt: an interrupted process may go on waiting for its request", () => {
    const env = new Environment();
    const res = new Resource(env, 1);
    const got: number[] = [];
    function* pem() {
      const req = res.request();
      try {
        yield req;
        yield env.timeout(1);
      } finally {
        res.release(req);
      }
    }
    function* victim() {
      const evt = res.request();
      try {
        yield evt;
        got.push(-1);
      } catch (error) {
        expect(error).toBeInstanceOf(Interrupt);
        yield evt;
        res.release(evt);
        got.push(env.now);
      }
    }
    function* interruptor(proc: Process<unknown>) {
      proc.interrupt();
      yield* [];
    }
    env.process(pem());
    const proc = env.process(victim());
    env.process(interruptor(proc));
    env.run();
    expect(got).toEqual([1]);
  });

  it("test_resource_release_after_interrupt: an interrupted process can release a request it no longer waits for", () => {
    const env = new Environment();
    const res = new Resource(env, 1);
    const log: [string, number][] = [];
    function* blocker() {
      const req = res.request();
      try {
        yield req;
        yield env.timeout(1);
      } finally {
        res.release(req);
      }
    }
    function* victim() {
      const evt = res.request();
      try {
        yield evt;
        log.push(["got", env.now]);
      } catch {
        res.release(evt);
        log.push(["released", env.now]);
      }
    }
    function* interruptor(proc: Process<unknown>) {
      proc.interrupt();
      yield* [];
    }
    env.process(blocker());
    env.process(interruptor(env.process(victim())));
    env.run();
    expect(log).toEqual([["released", 0]]);
    expect([res.count, res.queueLength]).toEqual([0, 0]);
  });

  it("test_resource_immediate_requests: releasing and requesting again does not jump the queue", () => {
    const env = new Environment();
    function* child(res: Resource) {
      const result: number[] = [];
      for (let i = 0; i < 3; i++) {
        const req = res.request();
        try {
          yield req;
          result.push(env.now);
          yield env.timeout(1);
        } finally {
          res.release(req);
        }
      }
      return result;
    }
    const times = env.run({
      until: env.process(
        (function* () {
          const res = new Resource(env, 1);
          const a = env.process(child(res));
          const b = env.process(child(res));
          return [yield a, yield b];
        })(),
      ),
    });
    expect(times).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ]);
  });

  it("test_resource_cm_exception: an error inside the usage still releases the unit", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: number[] = [];
    const messages: string[] = [];
    function* process(raise: boolean) {
      try {
        const req = resource.request();
        try {
          yield req;
          yield env.timeout(1);
          log.push(env.now);
          if (raise) throw new RangeError("Foo");
        } finally {
          resource.release(req);
        }
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    env.process(process(true));
    env.process(process(false));
    env.run();
    expect(log).toEqual([1, 2]);
    expect(messages).toEqual(["Foo"]);
  });

  it("test_resource_with_condition: a request raced against a timeout is in the condition's value", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const inResult: boolean[] = [];
    env.process(
      (function* () {
        const req = resource.request();
        try {
          const result = (yield env.anyOf([req, env.timeout(1)])) as Map<unknown, unknown>;
          inResult.push(result.has(req));
        } finally {
          resource.release(req);
        }
      })(),
    );
    env.run();
    expect(inResult).toEqual([true]);
  });

  it("test_resource_with_priority_queue: requests are served by priority, FIFO among equals", () => {
    const env = new Environment();
    const resource = new PriorityResource(env, 1);
    const got: [number, number][] = [];
    function* process(delay: number, priority: number, id: number) {
      yield env.timeout(delay);
      const req = resource.request({ priority });
      yield req;
      got.push([id, env.now]);
      yield env.timeout(5);
      resource.release(req);
    }
    env.process(process(0, 2, 0));
    env.process(process(2, 3, 1));
    env.process(process(2, 3, 2));
    env.process(process(4, 1, 3));
    env.run();
    expect(got).toEqual([
      [0, 0],
      [3, 5],
      [1, 10],
      [2, 15],
    ]);
  });

  it("test_sorted_queue_maxlen: a request beyond the queue limit is refused", () => {
    const env = new Environment();
    const resource = new PriorityResource(env, 1);
    resource.queueLimit = 1;
    const messages: string[] = [];
    env.process(
      (function* () {
        resource.request({ priority: 1 });
        resource.request({ priority: 1 });
        try {
          resource.request({ priority: 1 });
        } catch (error) {
          messages.push((error as Error).message);
        }
        yield env.timeout(0);
      })(),
    );
    env.run();
    expect(messages).toEqual(["request: the queue is full (queueLimit 1)"]);
  });

  it("test_get_users: users and queue name the requesting processes", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    function* process() {
      const req = resource.request();
      try {
        yield req;
        yield env.timeout(1);
      } finally {
        resource.release(req);
      }
    }
    const procs = [0, 1, 2].map(() => env.process(process()));
    env.run({ until: 1 });
    expect(resource.users.map((r) => r.proc)).toEqual(procs.slice(0, 1));
    expect(resource.queue.map((r) => r.proc)).toEqual(procs.slice(1));
    env.run({ until: 2 });
    expect(resource.users.map((r) => r.proc)).toEqual(procs.slice(1, 2));
    expect(resource.queue.map((r) => r.proc)).toEqual(procs.slice(2));
  });

  it("test_immediate_put_request: a request granted at once is triggered and does not enter the queue", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    expect([resource.users.length, resource.queue.length]).toEqual([0, 0]);
    const first = resource.request();
    expect(first.triggered).toBe(true);
    expect(first.processed).toBe(false);
    expect([resource.users.length, resource.queue.length]).toEqual([1, 0]);
    const second = resource.request();
    expect(second.triggered).toBe(false);
    expect([resource.users.length, resource.queue.length]).toEqual([1, 1]);
  });
});

describe("SimPy test_resources: PreemptiveResource", () => {
  it("test_preemptive_resource: a higher-priority request in the same instant preempts a just-granted one", () => {
    const env = new Environment();
    const resource = new PreemptiveResource(env, 1);
    const log: string[] = [];
    function* procA(priority: number) {
      try {
        const req = resource.request({ priority });
        try {
          yield req;
          log.push("a got the unit");
        } finally {
          resource.release(req);
        }
      } catch (error) {
        if (error instanceof Interrupt && error.cause instanceof Preempted) log.push("a preempted");
      }
    }
    function* procB(priority: number) {
      const req = resource.request({ priority });
      try {
        yield req;
        log.push("b got the unit");
      } finally {
        resource.release(req);
      }
    }
    env.process(procA(1));
    env.process(procB(0));
    env.run();
    expect(log).toEqual(["a preempted", "b got the unit"]);
  });

  it("test_preemptive_resource_timeout_0: the preempted process is interrupted at time 0", () => {
    const env = new Environment();
    const resource = new PreemptiveResource(env, 1);
    const log: [string, number][] = [];
    function* procA(priority: number) {
      const req = resource.request({ priority });
      try {
        yield req;
        yield env.timeout(1);
        log.push(["a not preempted", env.now]);
      } catch {
        log.push(["a preempted", env.now]);
      } finally {
        resource.release(req);
      }
      yield env.event();
      log.push(["never", env.now]);
    }
    function* procB(priority: number) {
      const req = resource.request({ priority });
      try {
        yield req;
        log.push(["b got", env.now]);
      } finally {
        resource.release(req);
      }
    }
    env.process(procA(1));
    env.process(procB(0));
    env.run();
    expect(log).toEqual([
      ["a preempted", 0],
      ["b got", 0],
    ]);
  });

  it("test_mixed_preemption: ranking by (priority, time, not preempt) and who preempted since when", () => {
    const env = new Environment();
    const res = new PreemptiveResource(env, 2);
    const log: unknown[][] = [];
    function* process(id: number, delay: number, priority: number, preempt: boolean) {
      yield env.timeout(delay);
      const req = res.request({ priority, preempt });
      try {
        yield req;
        yield env.timeout(5);
        log.push([env.now, id]);
      } catch (error) {
        const cause = (error as Interrupt).cause as Preempted;
        log.push([env.now, id, cause.by, cause.usageSince]);
      } finally {
        res.release(req);
      }
    }
    env.process(process(0, 0, 1, true));
    env.process(process(1, 0, 1, true));
    env.process(process(2, 1, 0, false));
    const p3 = env.process(process(3, 1, 0, true));
    env.process(process(4, 2, 2, true));
    env.run();
    expect(log).toEqual([
      [1, 1, p3, 0],
      [5, 0],
      [6, 3],
      [10, 2],
      [11, 4],
    ]);
  });

  it("test_nested_preemption: preemption on one of two resources names that resource", () => {
    const env = new Environment();
    const res0 = new PreemptiveResource(env, 1);
    const res1 = new PreemptiveResource(env, 1);
    const log: unknown[][] = [];
    function* process(id: number, res: PreemptiveResource, delay: number, priority: number) {
      yield env.timeout(delay);
      const req = res.request({ priority, preempt: true });
      try {
        yield req;
        yield env.timeout(5);
        log.push([env.now, id]);
      } catch (error) {
        const cause = (error as Interrupt).cause as Preempted;
        log.push([env.now, id, cause.by, cause.usageSince]);
      } finally {
        res.release(req);
      }
    }
    function* process2(id: number, delay: number, priority: number) {
      yield env.timeout(delay);
      const req0 = res0.request({ priority, preempt: true });
      try {
        yield req0;
        const req1 = res1.request({ priority, preempt: true });
        try {
          yield req1;
          yield env.timeout(5);
          log.push([env.now, id]);
        } catch (error) {
          const cause = (error as Interrupt).cause as Preempted;
          log.push([env.now, id, cause.by, cause.usageSince, cause.resource]);
        } finally {
          res1.release(req1);
        }
      } catch (error) {
        const cause = (error as Interrupt).cause as Preempted;
        log.push([env.now, id, cause.by, cause.usageSince, cause.resource]);
      } finally {
        res0.release(req0);
      }
    }
    env.process(process2(0, 0, -1));
    const p1 = env.process(process(1, res1, 1, -2));
    env.process(process2(2, 20, -1));
    const p3 = env.process(process(3, res0, 21, -2));
    env.process(process2(4, 21, -1));
    env.run();
    expect(log).toEqual([
      [1, 0, p1, 0, res1],
      [6, 1],
      [21, 2, p3, 20, res0],
      [26, 3],
      [31, 4],
    ]);
  });
});

describe("SimPy test_resources: Container", () => {
  it("test_container: puts and gets block on the level and capacity", () => {
    const env = new Environment();
    const buf = new Container(env, { init: 0, capacity: 2 });
    const log: [string, number][] = [];
    function* putter() {
      yield env.timeout(1);
      for (;;) {
        yield buf.put(2);
        log.push(["p", env.now]);
        yield env.timeout(1);
      }
    }
    function* getter() {
      yield buf.get(1);
      log.push(["g", env.now]);
      yield env.timeout(1);
      yield buf.get(1);
      log.push(["g", env.now]);
    }
    env.process(putter());
    env.process(getter());
    env.run({ until: 5 });
    expect(log).toEqual([
      ["p", 1],
      ["g", 1],
      ["g", 2],
      ["p", 2],
    ]);
  });

  it("test_container_get_queued: the queues name the waiting processes", () => {
    const env = new Environment();
    const container = new Container(env, { capacity: 1 });
    function* proc(wait: number, what: "put" | "get") {
      yield env.timeout(wait);
      const req = what === "put" ? container.put(1) : container.get(1);
      try {
        yield req;
      } finally {
        req.cancel();
      }
    }
    const p0 = env.process(proc(0, "get"));
    env.process(proc(1, "put"));
    env.process(proc(1, "put"));
    const p3 = env.process(proc(1, "put"));
    env.run({ until: 1 });
    expect(container.putQueue.map((e) => e.proc)).toEqual([]);
    expect(container.getQueue.map((e) => e.proc)).toEqual([p0]);
    env.run({ until: 2 });
    expect(container.putQueue.map((e) => e.proc)).toEqual([p3]);
    expect(container.getQueue.map((e) => e.proc)).toEqual([]);
  });

  it("test_initial_container_capacity: the default capacity is Infinity", () => {
    const env = new Environment();
    expect(new Container(env).capacity).toBe(Number.POSITIVE_INFINITY);
  });

  it("test_container_get_put_bounds: negative amounts are refused", () => {
    const env = new Environment();
    const container = new Container(env);
    expect(() => container.get(-13)).toThrow(RangeError);
    expect(() => container.put(-13)).toThrow(RangeError);
  });

  it.each([
    [null, 2, 1],
    [null, 1, 1],
    [null, 1, 0],
    [RangeError, 1, 2],
    [RangeError, 0, undefined],
    [RangeError, -1, undefined],
    [RangeError, 1, -1],
  ] as const)("test_container_init_capacity: error %o for capacity %d, init %o", (error, capacity, init) => {
    const env = new Environment();
    const make = () => new Container(env, init === undefined ? { capacity } : { capacity, init });
    if (error === null) expect(make).not.toThrow();
    else expect(make).toThrow(error);
  });

  it("test_immediate_get_request: operations served at once are triggered and do not queue", () => {
    const env = new Environment();
    const container = new Container(env);
    const put = container.put(1);
    expect(put.triggered).toBe(true);
    expect([container.level, container.putQueueLength]).toEqual([1, 0]);
    const get = container.get(1);
    expect(get.triggered).toBe(true);
    expect([container.level, container.getQueueLength]).toEqual([0, 0]);
    const waiting = container.get(1);
    expect(waiting.triggered).toBe(false);
    expect(container.getQueueLength).toBe(1);
  });
});

describe("SimPy test_resources: Store", () => {
  it("test_store: a get receives the item put", () => {
    const env = new Environment();
    const store = new Store<object>(env, 2);
    const item = {};
    const got: object[] = [];
    env.process(
      (function* () {
        yield store.put(item);
      })(),
    );
    env.process(
      (function* () {
        got.push(yield store.get());
      })(),
    );
    env.run();
    expect(got).toHaveLength(1);
    expect(got[0]).toBe(item);
  });

  it.each([
    ["Store", Store],
    ["FilterStore", FilterStore],
  ] as const)(
    "test_initial_store_capacity: the default capacity of a %s is Infinity",
    (_name, StoreClass) => {
      const env = new Environment();
      expect(new StoreClass(env).capacity).toBe(Number.POSITIVE_INFINITY);
    },
  );

  it("test_store_capacity: capacities below 1 are refused; puts beyond the capacity wait", () => {
    const env = new Environment();
    expect(() => new Store(env, 0)).toThrow(RangeError);
    expect(() => new Store(env, -1)).toThrow(RangeError);
    const capacity = 2;
    const store = new Store<number>(env, capacity);
    env.process(
      (function* () {
        for (let i = 0; i < capacity + 1; i++) yield store.put(i);
      })(),
    );
    env.run();
    expect(store.items).toHaveLength(capacity);
  });

  it("test_store_cancel: a get cancelled before it is served leaves nothing behind", () => {
    const env = new Environment();
    const store = new Store<number>(env, 1);
    env.process(
      (function* () {
        const get = store.get();
        try {
          yield env.timeout(1);
        } finally {
          get.cancel();
        }
      })(),
    );
    env.run();
    expect(store.getQueueLength).toBe(0);
  });

  it("test_priority_store_item_priority: gets receive the smallest item", () => {
    const env = new Environment();
    const pstore = new PriorityStore<string>(env, (a, b) => (a < b ? -1 : a > b ? 1 : 0), 3);
    const log: string[] = [];
    function* getter(wait: number) {
      yield env.timeout(wait);
      log.push(yield pstore.get());
    }
    env.process(
      (function* () {
        for (const s of "bcadefg") yield pstore.put(s);
      })(),
    );
    for (const wait of [1, 2, 3]) env.process(getter(wait));
    env.run();
    expect(log).toEqual(["a", "b", "c"]);
  });

  it("test_priority_store_stable_order: items of equal priority leave in the order they were put", () => {
    const env = new Environment();
    interface PriorityItem {
      priority: number;
      item: object;
    }
    const pstore = new PriorityStore<PriorityItem>(env, (a, b) => a.priority - b.priority, 3);
    const log: object[] = [];
    function* getter(wait: number) {
      yield env.timeout(wait);
      log.push(((yield pstore.get()) as PriorityItem).item);
    }
    const items = [{}, {}, {}];
    env.process(
      (function* () {
        for (const item of items) yield pstore.put({ priority: 0, item });
      })(),
    );
    for (const wait of [1, 2, 3]) env.process(getter(wait));
    env.run();
    expect(log).toEqual(items);
    expect(log[0]).toBe(items[0]);
    expect(log[2]).toBe(items[2]);
  });

  it("test_filter_store: a get waits for an item its filter accepts", () => {
    const env = new Environment();
    const seen: boolean[] = [];
    env.process(
      (function* () {
        const store = new FilterStore<string>(env, 2);
        const getEvent = store.get((item) => item === "b");
        yield store.put("a");
        seen.push(getEvent.triggered);
        yield store.put("b");
        seen.push(getEvent.triggered);
      })(),
    );
    env.run();
    expect(seen).toEqual([false, true]);
  });

  it("test_filter_store_get_after_mismatch: a get whose filter fails does not block later gets", () => {
    const env = new Environment();
    const store = new FilterStore<string>(env, 2);
    const log: unknown[] = [];
    function* putter() {
      yield store.put("spam");
      yield env.timeout(1);
      yield store.put("eggs");
    }
    function* getter() {
      const eggs = store.get((i) => i === "eggs");
      const spam = store.get((i) => i === "spam");
      const ret = (yield env.anyOf([spam, eggs])) as Map<unknown, unknown>;
      log.push([ret.has(spam), ret.has(eggs), env.now]);
      yield eggs;
      log.push(env.now);
    }
    env.process(getter());
    env.process(putter());
    env.run();
    expect(log).toEqual([[true, false, 0], 1]);
  });

  it("test_filter_calls_best_case: the filter is called until the first item matches", () => {
    const env = new Environment();
    const log: string[] = [];
    const logFilter = (item: number) => {
      log.push(`check ${item}`);
      return true;
    };
    const store = new FilterStore<number>(env);
    store.items.push(1, 2, 3);
    env.process(
      (function* () {
        for (let i = 0; i < 3; i++) log.push(`get ${yield store.get(logFilter)}`);
      })(),
    );
    env.run();
    expect(log).toEqual(["check 1", "get 1", "check 2", "get 2", "check 3", "get 3"]);
  });

  it("test_filter_calls_worst_case: each put checks every item once until one matches", () => {
    const env = new Environment();
    const log: string[] = [];
    const store = new FilterStore<number>(env);
    const logFilter = (item: number) => {
      log.push(`check ${item}`);
      return item >= 3;
    };
    env.process(
      (function* () {
        log.push(`get ${yield store.get(logFilter)}`);
      })(),
    );
    env.process(
      (function* () {
        for (let i = 0; i < 4; i++) {
          log.push(`put ${i}`);
          yield store.put(i);
        }
      })(),
    );
    env.run();
    expect(log).toEqual([
      "put 0",
      "check 0",
      "put 1",
      "check 0",
      "check 1",
      "put 2",
      "check 0",
      "check 1",
      "check 2",
      "put 3",
      "check 0",
      "check 1",
      "check 2",
      "check 3",
      "get 3",
    ]);
  });
});
