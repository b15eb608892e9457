import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../engine/index.ts";

describe("EventQueue", () => {
  it("pops by time, then by order", () => {
    const queue = new EventQueue<string>(4);
    queue.push(2, 0, "c");
    queue.push(1, 5, "b");
    queue.push(1, 3, "a");
    queue.push(3, 0, "d");
    queue.push(0.5, 9, "first");
    const out: string[] = [];
    while (queue.size > 0) out.push(queue.pop());
    expect(out).toEqual(["first", "a", "b", "c", "d"]);
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(() => queue.pop()).toThrow(RangeError);
  });

  it("renewItems() keeps every payload, slot and order (renewed between pushes, removals and pops)", () => {
    const q = new EventQueue<string>(4);
    const slots: number[] = [];
    for (let i = 0; i < 20; i++) {
      slots.push(q.push(20 - i, i, `e${i}`));
      if (i % 6 === 5) q.renewItems();
    }
    expect(q.remove(slots[3]!)).toBe("e3");
    q.renewItems();
    expect(q.itemAt(slots[4]!)).toBe("e4");
    const popped: string[] = [];
    while (q.size > 0) {
      popped.push(q.pop());
      if (popped.length % 5 === 0) q.renewItems();
    }
    const expected = Array.from({ length: 20 }, (_, i) => `e${19 - i}`).filter((e) => e !== "e3");
    expect(popped).toEqual(expected);
  });

  it("removes an entry from the middle by slot", () => {
    const queue = new EventQueue<number>(4);
    const slots = [5, 1, 4, 2, 3].map((t) => queue.push(t, t, t));
    expect(queue.remove(slots[2]!)).toBe(4);
    expect(() => queue.remove(slots[2]!)).toThrow(RangeError);
    const out: number[] = [];
    while (queue.size > 0) out.push(queue.pop());
    expect(out).toEqual([1, 2, 3, 5]);
  });

  it("matches a sorted reference under random pushes, pops and removals (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant("push" as const), time: fc.integer({ min: 0, max: 20 }) }),
            fc.record({ op: fc.constant("pop" as const) }),
            fc.record({ op: fc.constant("remove" as const), pick: fc.nat() }),
          ),
          { maxLength: 300 },
        ),
        (ops) => {
          const queue = new EventQueue<number>(4);
          const live = new Map<number, { time: number; order: number; slot: number }>();
          let order = 0;
          for (const op of ops) {
            if (op.op === "push") {
              const id = order++;
              live.set(id, { time: op.time, order: id, slot: queue.push(op.time, id, id) });
            } else if (op.op === "pop") {
              if (live.size === 0) continue;
              const expected = [...live.values()].sort((a, b) => a.time - b.time || a.order - b.order)[0]!;
              expect(queue.peekTime()).toBe(expected.time);
              expect(queue.pop()).toBe(expected.order);
              live.delete(expected.order);
            } else {
              if (live.size === 0) continue;
              const keys = [...live.keys()];
              const id = keys[op.pick % keys.length]!;
              expect(queue.remove(live.get(id)!.slot)).toBe(id);
              live.delete(id);
            }
            expect(queue.size).toBe(live.size);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
