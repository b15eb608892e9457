import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MostFreePod } from "../../../src/model/platform/most-free-pod.ts";

/** The scan the pool used: the first pod whose free memory is larger than every earlier one's. */
function scan(free: readonly number[]): number {
  if (free.length === 0) return -1;
  let best = 0;
  for (let i = 1; i < free.length; i++) if (free[i]! > free[best]!) best = i;
  return best;
}

type Op = { kind: "push"; free: number } | { kind: "pop" } | { kind: "set"; at: number; free: number };

// few distinct values so that ties are common, plus arbitrary doubles
const FREE = fc.oneof(
  fc.integer({ min: 0, max: 4 }).map((q) => q / 2),
  fc.double({ min: 0, max: 10, noNaN: true }),
);
const OP: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("push" as const), free: FREE }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("pop" as const) }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("set" as const), at: fc.nat({ max: 1000 }), free: FREE }),
  },
);

describe("MostFreePod", () => {
  it("answers like a first-maximum scan after every push, pop and change (ties to the lowest index)", () => {
    fc.assert(
      fc.property(fc.array(OP, { minLength: 1, maxLength: 400 }), (ops) => {
        const heap = new MostFreePod();
        const free: number[] = [];
        for (const op of ops) {
          if (op.kind === "push") {
            heap.push(op.free);
            free.push(op.free);
          } else if (op.kind === "pop") {
            heap.pop();
            free.pop();
          } else if (free.length > 0) {
            const at = op.at % free.length;
            heap.set(at, op.free);
            free[at] = op.free;
          }
          expect(heap.size).toBe(free.length);
          expect(heap.best()).toBe(scan(free));
        }
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it("prefers the lowest index among equal free memory", () => {
    const heap = new MostFreePod();
    for (const f of [2, 5, 5, 1]) heap.push(f);
    expect(heap.best()).toBe(1);
    heap.set(1, 4);
    expect(heap.best()).toBe(2);
    heap.set(0, 5);
    expect(heap.best()).toBe(0);
    heap.pop();
    heap.pop();
    heap.pop();
    heap.pop();
    expect(heap.best()).toBe(-1);
  });
});
