import { describe, expect, it } from "vitest";
import { Container, Environment, FilterStore, PriorityStore, Store } from "../../engine/index.ts";

describe("Store", () => {
  it("producer and consumer exchange items FIFO; put waits while full", () => {
    const env = new Environment();
    const store = new Store<string>(env, 2);
    const log: string[] = [];
    env.process(
      (function* () {
        for (const item of ["a", "b", "c", "d"]) {
          yield store.put(item);
          log.push(`put ${item}@${env.now}`);
        }
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(5);
        for (let i = 0; i < 4; i++) {
          const item: string = yield store.get();
          log.push(`got ${item}@${env.now}`);
          yield env.timeout(1);
        }
      })(),
    );
    env.run();
    expect(log).toEqual([
      "put a@0",
      "put b@0",
      "got a@5",
      "put c@5",
      "got b@6",
      "put d@6",
      "got c@7",
      "got d@8",
    ]);
    expect(store.items).toEqual([]);
  });

  it("getters wait while empty and are served in arrival order", () => {
    const env = new Environment();
    const store = new Store<number>(env);
    const log: string[] = [];
    for (const name of ["g1", "g2"]) {
      env.process(
        (function* () {
          const item: number = yield store.get();
          log.push(`${name}:${item}@${env.now}`);
        })(),
      );
    }
    env.schedule(3, () => store.put(10));
    env.schedule(4, () => store.put(20));
    env.run();
    expect(log).toEqual(["g1:10@3", "g2:20@4"]);
    expect(store.getQueueLength).toBe(0);
  });

  it("an interrupted getter does not swallow the next item", () => {
    const env = new Environment();
    const store = new Store<string>(env);
    const log: string[] = [];
    const impatient = env.process(
      (function* () {
        try {
          yield store.get();
        } catch {
          log.push(`impatient left@${env.now}`);
        }
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(1);
        const item: string = yield store.get();
        log.push(`patient:${item}@${env.now}`);
      })(),
    );
    env.schedule(2, () => impatient.interrupt());
    env.schedule(3, () => store.put("x"));
    env.run();
    expect(log).toEqual(["impatient left@2", "patient:x@3"]);
  });

  it("rejects a bad capacity", () => {
    expect(() => new Store(new Environment(), 0)).toThrow(RangeError);
  });
});

describe("FilterStore", () => {
  it("gives each getter the first matching item, letting later getters overtake", () => {
    const env = new Environment();
    const store = new FilterStore<{ kind: string; id: number }>(env);
    const log: string[] = [];
    const want = (name: string, kind: string) =>
      env.process(
        (function* () {
          const item: { kind: string; id: number } = yield store.get((x) => x.kind === kind);
          log.push(`${name}:${item.kind}${item.id}@${env.now}`);
        })(),
      );
    want("needs-gpu", "gpu");
    want("needs-cpu", "cpu");
    env.schedule(1, () => store.put({ kind: "cpu", id: 1 }));
    env.schedule(2, () => store.put({ kind: "cpu", id: 2 }));
    env.schedule(3, () => store.put({ kind: "gpu", id: 3 }));
    env.run();
    expect(log).toEqual(["needs-cpu:cpu1@1", "needs-gpu:gpu3@3"]);
    expect(store.items).toEqual([{ kind: "cpu", id: 2 }]);
    expect(() => store.get(5 as never)).toThrow(TypeError);
  });

  it("get() without a filter takes the first item", () => {
    const env = new Environment();
    const store = new FilterStore<number>(env);
    store.put(1);
    store.put(2);
    const got = store.get();
    env.run();
    expect(got.value).toBe(1);
  });
});

describe("PriorityStore", () => {
  it("hands out the smallest item first, ties in put order", () => {
    const env = new Environment();
    const store = new PriorityStore<[number, string]>(env, (a, b) => a[0] - b[0]);
    for (const item of [
      [3, "c"],
      [1, "a"],
      [2, "b1"],
      [2, "b2"],
      [0, "z"],
    ] as [number, string][]) {
      store.put(item);
    }
    expect(store.items.map(([, name]) => name)).toEqual(["z", "a", "b1", "b2", "c"]);
    const out: string[] = [];
    env.process(
      (function* () {
        for (let i = 0; i < 5; i++) {
          const [, name]: [number, string] = yield store.get();
          out.push(name);
        }
      })(),
    );
    env.run();
    expect(out).toEqual(["z", "a", "b1", "b2", "c"]);
  });
});

describe("Container", () => {
  it("put waits for room and get waits for level, FIFO without overtaking", () => {
    const env = new Environment();
    const tank = new Container(env, { capacity: 10, init: 5 });
    const log: string[] = [];
    env.process(
      (function* () {
        yield tank.get(8);
        log.push(`got 8@${env.now} level ${tank.level}`);
      })(),
    );
    env.process(
      (function* () {
        yield tank.get(1);
        log.push(`got 1@${env.now} level ${tank.level}`);
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(2);
        yield tank.put(4);
        log.push(`put 4@${env.now} level ${tank.level}`);
        yield tank.put(9);
        log.push(`put 9@${env.now} level ${tank.level}`);
      })(),
    );
    env.schedule(6, () => tank.get(2));
    env.run();
    expect(log).toEqual(["put 4@2 level 0", "got 8@2 level 9", "got 1@2 level 9", "put 9@2 level 9"]);
    expect(tank.level).toBe(7);
  });

  it("a put waits while it does not fit", () => {
    const env = new Environment();
    const tank = new Container(env, { capacity: 10, init: 8 });
    const put = tank.put(5);
    expect(put.triggered).toBe(false);
    expect(tank.putQueueLength).toBe(1);
    env.schedule(1, () => tank.get(4));
    env.run();
    expect(put.processed).toBe(true);
    expect(tank.level).toBe(9);
  });

  it("rejects bad amounts and options", () => {
    const env = new Environment();
    const tank = new Container(env, { capacity: 10 });
    expect(() => tank.put(0)).toThrow(RangeError);
    expect(() => tank.get(11)).toThrow("amount must be in (0, 10], got 11");
    expect(() => new Container(env, { capacity: 5, init: 6 })).toThrow(RangeError);
    expect(() => new Container(env, { capacity: 0 })).toThrow(RangeError);
  });
});
