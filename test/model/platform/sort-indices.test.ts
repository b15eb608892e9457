import { describe, expect, it } from "vitest";
import { StreamFactory } from "../../../engine/index.ts";
import { sortIndicesByKey } from "../../../src/model/platform/sort-indices.ts";

describe("sortIndicesByKey", () => {
  it("gives the order of the plain stable sort by key, ties included, for every length up to 300", () => {
    const next = new StreamFactory(5, 0).get("fixture");
    const scratch = new Int32Array(300);
    for (let n = 0; n <= 300; n++) {
      const key = new Float64Array(400);
      // few distinct keys when n is even (many ties, the order of equal keys matters), continuous when odd
      for (let i = 0; i < key.length; i++) key[i] = n % 2 === 0 ? Math.floor(next() * 5) : -Math.log(next());
      key[3] = -0;
      key[4] = 0;
      const indices = new Int32Array(n + 7);
      const taken = new Set<number>();
      for (let i = 0; i < n; i++) {
        let v = Math.floor(next() * key.length);
        while (taken.has(v)) v = (v + 1) % key.length;
        taken.add(v);
        indices[i] = v;
      }
      indices.fill(-9, n);
      const plain = Array.from(indices.subarray(0, n)).sort((a, b) => key[a]! - key[b]!);
      const typed = indices.slice(0, n).sort((a, b) => key[a]! - key[b]!);
      sortIndicesByKey(indices, n, key, scratch);
      expect(Array.from(indices.subarray(0, n))).toEqual(plain);
      expect(Array.from(typed)).toEqual(plain);
      // entries past n are not touched
      expect(Array.from(indices.subarray(n))).toEqual(new Array(7).fill(-9));
    }
  });

  it("rejects a scratch buffer shorter than the run to sort", () => {
    const key = new Float64Array(40).map((_, i) => 40 - i);
    const indices = Int32Array.from({ length: 40 }, (_, i) => i);
    expect(() => sortIndicesByKey(indices, 40, key, new Int32Array(10))).toThrow(
      "scratch holds 10 entries, the sort needs 40",
    );
    // nothing was moved before the check
    expect(Array.from(indices)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});
