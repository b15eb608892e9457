import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelCache } from "../../../src/model/platform/model-cache.ts";
import { PinnedIds } from "../../../src/model/platform/pinned-ids.ts";

/**
 * The cache as it was before the unpinned models got their own LRU map: every load with pins scans the whole
 * LRU order from the oldest model, passing over the pinned ones. The reference the new cache must equal.
 */
class ScanningCache {
  usedGb = 0;
  readonly models = new Map<number, number>();
  constructor(readonly capacityGb: number) {}

  access(id: number, sizeGb: number, pinned?: { has(id: number): boolean; readonly size: number }) {
    const size = this.models.get(id);
    if (size !== undefined) {
      this.models.delete(id);
      this.models.set(id, size);
      return { hit: true, evicted: [] as number[] };
    }
    const evicted: number[] = [];
    if (pinned !== undefined && pinned.size > 0) {
      for (const victim of this.models.keys()) {
        if (this.usedGb + sizeGb <= this.capacityGb + 1e-9) break;
        if (pinned.has(victim)) continue;
        this.usedGb -= this.models.get(victim)!;
        this.models.delete(victim);
        evicted.push(victim);
      }
    }
    while (this.usedGb + sizeGb > this.capacityGb + 1e-9) {
      const victim = this.models.keys().next().value as number;
      this.usedGb -= this.models.get(victim)!;
      this.models.delete(victim);
      evicted.push(victim);
    }
    this.models.set(id, sizeGb);
    this.usedGb += sizeGb;
    return { hit: false, evicted };
  }

  remove(id: number): void {
    const size = this.models.get(id);
    if (size === undefined) return;
    this.usedGb -= size;
    this.models.delete(id);
  }
}

type Op =
  | { kind: "access"; id: number; size: number; withPins: boolean }
  | { kind: "pin"; id: number }
  | { kind: "unpin"; id: number }
  | { kind: "unpinAll" }
  | { kind: "remove"; id: number }
  | { kind: "clear" };

const ID = fc.integer({ min: 0, max: 24 });
const OP: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("access" as const),
      id: ID,
      // sizes in quarter GB plus odd fractions: sums that are not exact in binary
      size: fc.oneof(
        fc.integer({ min: 1, max: 40 }).map((q) => q / 4),
        fc.double({ min: 0.1, max: 9.9, noNaN: true }),
      ),
      withPins: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("pin" as const), id: ID }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("unpin" as const), id: ID }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unpinAll" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), id: ID }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("clear" as const) }) },
);

/** Run `ops` on the cache and the reference with the same pins; every access must agree exactly. */
function agree(ops: readonly Op[], versioned: boolean): void {
  const capacity = 10;
  const cache = new ModelCache(capacity);
  let reference = new ScanningCache(capacity);
  const tracked = new PinnedIds();
  const plain = new Set<number>();
  const sizeOf = new Map<number, number>();
  for (const op of ops) {
    switch (op.kind) {
      case "access": {
        // a model keeps its size while loaded (as in the pool), so a hit reports the stored size
        const size = sizeOf.get(op.id) ?? op.size;
        sizeOf.set(op.id, size);
        const pins = op.withPins ? (versioned ? tracked : plain) : undefined;
        const got = cache.access(op.id, size, pins);
        const want = reference.access(op.id, size, op.withPins ? plain : undefined);
        expect(got.hit).toBe(want.hit);
        expect([...got.evicted]).toEqual(want.evicted);
        break;
      }
      case "pin":
        tracked.add(op.id);
        plain.add(op.id);
        break;
      case "unpin":
        tracked.delete(op.id);
        plain.delete(op.id);
        break;
      case "unpinAll":
        tracked.clear();
        plain.clear();
        break;
      case "remove":
        cache.remove(op.id);
        reference.remove(op.id);
        break;
      case "clear":
        cache.clear();
        reference = new ScanningCache(capacity);
        break;
    }
    expect(cache.ids()).toEqual([...reference.models.keys()]);
    expect(cache.usedGb).toBe(reference.usedGb);
  }
}

describe("ModelCache with pinned models equals the scanning LRU", () => {
  it("a versioned pinned set (PinnedIds): same hits, evictions, order and memory at every access", () => {
    fc.assert(
      fc.property(fc.array(OP, { minLength: 1, maxLength: 300 }), (ops) => agree(ops, true)),
      { seed: 17, numRuns: 400 },
    );
  });

  it("a plain set (no version, re-read at every load): the same", () => {
    fc.assert(
      fc.property(fc.array(OP, { minLength: 1, maxLength: 300 }), (ops) => agree(ops, false)),
      { seed: 18, numRuns: 200 },
    );
  });

  it("evicts the oldest unpinned model past older pinned ones, then pinned ones last", () => {
    const pins = new PinnedIds();
    const cache = new ModelCache(10);
    pins.add(1);
    pins.add(2);
    for (const id of [1, 2, 3, 4, 5]) cache.access(id, 2, pins);
    expect([...cache.access(6, 4, pins).evicted]).toEqual([3, 4]);
    pins.delete(1); // 1 becomes the oldest unpinned model
    expect([...cache.access(7, 2, pins).evicted]).toEqual([1]);
    expect([...cache.access(8, 10, pins).evicted]).toEqual([5, 6, 7, 2]);
    expect(cache.ids()).toEqual([8]);
  });

  it("use appends the evicted ids to the caller's array and returns whether it was a hit", () => {
    const pins = new PinnedIds();
    pins.add(1);
    const cache = new ModelCache(6);
    const evicted = [99];
    expect(cache.use(1, 2, evicted, pins)).toBe(false);
    expect(cache.use(2, 2, evicted, pins)).toBe(false);
    expect(cache.use(3, 2, evicted, pins)).toBe(false);
    expect(cache.use(2, 2, evicted, pins)).toBe(true);
    expect(cache.use(4, 4, evicted, pins)).toBe(false); // 3 then 2 go (unpinned, LRU first), 1 stays
    expect(evicted).toEqual([99, 3, 2]);
    expect(cache.ids()).toEqual([1, 4]);
  });

  it("PinnedIds changes version only when its contents change", () => {
    const pins = new PinnedIds();
    const v0 = pins.version;
    pins.add(3);
    const v1 = pins.version;
    pins.add(3);
    pins.delete(4);
    expect(pins.version).toBe(v1);
    expect(v1).not.toBe(v0);
    expect(pins.delete(3)).toBe(true);
    expect(pins.version).not.toBe(v1);
    const v2 = pins.version;
    pins.clear();
    expect(pins.version).toBe(v2);
  });
});
