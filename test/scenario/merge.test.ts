import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepMerge, fromLayer, ownerOf, pathKey } from "../../src/scenario/merge.ts";

describe("deepMerge", () => {
  it("merges mappings key by key, the child winning", () => {
    const parent = fromLayer({ a: { x: 1, y: 2 }, b: "p" }, 0);
    const child = fromLayer({ a: { x: 5 }, c: true }, 1);
    expect(deepMerge(parent, child).value).toEqual({ a: { x: 5, y: 2 }, b: "p", c: true });
  });

  it("replaces lists as a whole", () => {
    const parent = fromLayer({ units: [{ name: "a", rate: 1 }, { name: "b" }] }, 0);
    const child = fromLayer({ units: [{ name: "c" }] }, 1);
    expect(deepMerge(parent, child).value).toEqual({ units: [{ name: "c" }] });
  });

  it("removes an inherited key when the child writes null", () => {
    const parent = fromLayer({ a: { x: 1 }, b: 2 }, 0);
    const merged = deepMerge(parent, fromLayer({ a: null }, 1));
    expect(merged.value).toEqual({ b: 2 });
    expect(ownerOf(merged, ["a"])).toBe(1);
  });

  it("keeps a null that removes nothing, so the schema can report it", () => {
    expect(deepMerge(fromLayer({}, 0), fromLayer({ a: null }, 1)).value).toEqual({ a: null });
  });

  it("never mutates its inputs", () => {
    const parentValue = { a: { x: 1 }, list: [1, 2] };
    const childValue = { a: { y: 2 }, list: [3] };
    const parent = fromLayer(parentValue, 0);
    const child = fromLayer(childValue, 1);
    deepMerge(parent, child);
    expect(parent.value).toEqual({ a: { x: 1 }, list: [1, 2] });
    expect(child.value).toEqual({ a: { y: 2 }, list: [3] });
    expect(parentValue).toEqual({ a: { x: 1 }, list: [1, 2] });
  });

  it("records which layer wrote each key; lists are owned whole", () => {
    const merged = deepMerge(
      deepMerge(fromLayer({ a: { x: 1, y: 2 }, list: [1] }, 0), fromLayer({ a: { y: 3 } }, 1)),
      fromLayer({ list: [{ deep: 1 }] }, 2),
    );
    expect(ownerOf(merged, ["a", "x"])).toBe(0);
    expect(ownerOf(merged, ["a", "y"])).toBe(1);
    expect(ownerOf(merged, ["list", 0, "deep"])).toBe(2);
    expect(ownerOf(merged, ["missing"])).toBeUndefined();
  });

  it("hands a replaced subtree to the child without mixing up keys that share a prefix", () => {
    const parent = fromLayer({ a: 1, ab: { z: 1 } }, 0);
    const merged = deepMerge(parent, fromLayer({ a: { q: 1 } }, 1));
    expect(merged.owners.get(pathKey(["a", "q"]))).toBe(1);
    expect(merged.owners.get(pathKey(["ab", "z"]))).toBe(0);
  });

  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.integer(),
      fc.string({ maxLength: 3 }),
      fc.array(fc.integer(), { maxLength: 3 }),
      tie("object"),
    ),
    object: fc.dictionary(fc.constantFrom("a", "b", "c", "d"), tie("value"), { maxKeys: 4 }),
  })).object as fc.Arbitrary<Record<string, unknown>>;

  it("merging over an empty document is the identity, and every child leaf wins", () => {
    fc.assert(
      fc.property(json, json, (p, c) => {
        expect(deepMerge(fromLayer({}, 0), fromLayer(c, 1)).value).toEqual(c);
        expect(deepMerge(fromLayer(p, 0), fromLayer({}, 1)).value).toEqual(p);
        const merged = deepMerge(fromLayer(p, 0), fromLayer(c, 1)).value;
        const check = (child: Record<string, unknown>, out: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(child)) {
            if (value !== null && typeof value === "object" && !Array.isArray(value)) {
              check(value as Record<string, unknown>, out[key] as Record<string, unknown>);
            } else {
              expect(out[key]).toEqual(value);
            }
          }
        };
        check(c, merged);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
