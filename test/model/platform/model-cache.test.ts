import { describe, expect, it } from "vitest";
import { ModelCache } from "../../../src/model/platform/model-cache.ts";

describe("ModelCache (ModelMesh LRU)", () => {
  it("evicts nothing while memory suffices, then the least recently used model", () => {
    const cache = new ModelCache(10);
    const trace: string[] = [];
    const use = (id: number, gb: number) => {
      const r = cache.access(id, gb);
      trace.push(`${id}:${r.hit ? "hit" : "load"}${r.evicted.length ? ` evict ${r.evicted.join(",")}` : ""}`);
    };
    use(1, 3);
    use(2, 3);
    use(3, 3); // 9 GB used, no pressure
    use(1, 3); // refresh 1: LRU order is now 2, 3, 1
    use(4, 3); // needs 3 GB, 1 free: evict 2 only
    use(3, 3);
    use(5, 4); // needs 4, 1 free: evict 1 (LRU), still short by 0 -> 4 free after evicting 1? 1 + 3 = 4, enough
    expect(trace).toEqual([
      "1:load",
      "2:load",
      "3:load",
      "1:hit",
      "4:load evict 2",
      "3:hit",
      "5:load evict 1",
    ]);
    expect(cache.ids()).toEqual([4, 3, 5]);
    expect(cache.usedGb).toBe(10);
  });
  it("evicts several models when one is not enough", () => {
    const cache = new ModelCache(6);
    cache.access(1, 2);
    cache.access(2, 2);
    cache.access(3, 2);
    expect(cache.access(4, 5).evicted).toEqual([1, 2, 3]);
  });
  it("refuses a model larger than the pod", () => {
    expect(() => new ModelCache(4).access(1, 5)).toThrow(RangeError);
  });

  it("passes over pinned models while unpinned ones can make room, in LRU order, and evicts pinned ones last", () => {
    const cache = new ModelCache(10);
    for (const id of [1, 2, 3, 4, 5]) cache.access(id, 2);
    const pinned = new Set([1, 3]);
    // 4 GB needed: the two least recently used unpinned models (2, 4) go, pinned 1 and 3 stay
    expect(cache.access(6, 4, pinned).evicted).toEqual([2, 4]);
    expect(cache.ids()).toEqual([1, 3, 5, 6]);
    // 8 GB needed: unpinned 5 and 6 are not enough, then the least recently used pinned model goes
    expect(cache.access(7, 8, pinned).evicted).toEqual([5, 6, 1]);
    expect(cache.ids()).toEqual([3, 7]);
    expect(cache.usedGb).toBe(10);
  });

  it("returns the same frozen result for every hit", () => {
    const cache = new ModelCache(4);
    cache.access(1, 1);
    const a = cache.access(1, 1);
    const b = cache.access(1, 1);
    expect(a).toEqual({ hit: true, evicted: [] });
    expect(a).toBe(b);
    expect(Object.isFrozen(a) && Object.isFrozen(a.evicted)).toBe(true);
  });
});
