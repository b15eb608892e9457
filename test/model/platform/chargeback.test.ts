import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SHARED_TENANT } from "../../../src/model/metrics.ts";
import {
  allocateFixedCents,
  allocatePoolCents,
  IDLE_TENANT,
} from "../../../src/model/platform/chargeback.ts";
import { apportionCents, toCents } from "../../../src/model/platform/largest-remainder.ts";

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Arbitrary pool allocations: total cost, usage by tenant (up to `max`), idle method and tenant list. */
function poolArguments(max: number) {
  return [
    fc.double({ min: 0, max, noNaN: true }),
    fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e"), fc.double({ min: 0, max, noNaN: true })),
    fc.constantFrom("usage", "even", "none") as fc.Arbitrary<"usage" | "even" | "none">,
    fc.subarray(["a", "b", "c", "d", "e", "f"]),
  ] as const;
}

describe("allocatePoolCents (OpenCost)", () => {
  it("charges usage, then shares idle by usage", () => {
    const cents = allocatePoolCents(
      100,
      new Map([
        ["a", 30],
        ["b", 10],
      ]),
      ["a", "b", "c"],
      "usage",
    );
    // a: 30 + 60 * 3/4 = 75, b: 10 + 15 = 25, c: nothing
    expect(Object.fromEntries(cents)).toEqual({ a: 7500, b: 2500 });
  });
  it("shares idle evenly across all tenants, or keeps it as __idle__", () => {
    const usage = new Map([
      ["a", 30],
      ["b", 10],
    ]);
    expect(Object.fromEntries(allocatePoolCents(100, usage, ["a", "b", "c"], "even"))).toEqual({
      a: 5000,
      b: 3000,
      c: 2000,
    });
    expect(Object.fromEntries(allocatePoolCents(100, usage, ["a", "b", "c"], "none"))).toEqual({
      a: 3000,
      b: 1000,
      [IDLE_TENANT]: 6000,
    });
  });
  it("keeps idle cost nobody used as __idle__ when sharing by usage", () => {
    expect(Object.fromEntries(allocatePoolCents(12.34, new Map(), ["a"], "usage"))).toEqual({
      [IDLE_TENANT]: 1234,
    });
  });
  it("always sums to the total to the cent, including idle cost no tenant used", () => {
    fc.assert(
      fc.property(...poolArguments(1e7), (total, usage, idle, tenants) => {
        const cents = allocatePoolCents(total, new Map(Object.entries(usage)), tenants, idle);
        expect(sum(cents)).toBe(toCents(total));
        for (const v of cents.values()) expect(Number.isInteger(v)).toBe(true);
      }),
      { seed: 3, numRuns: 1000 },
    );
  });
});

describe("allocateFixedCents", () => {
  it("splits evenly, by usage or by weights, exactly", () => {
    const usage = new Map([
      ["a", 1],
      ["b", 3],
    ]);
    const weights = new Map([
      ["a", 2],
      ["b", 1],
      ["c", 1],
    ]);
    expect(Object.fromEntries(allocateFixedCents(10, ["a", "b", "c"], "even", usage, weights))).toEqual({
      a: 334,
      b: 333,
      c: 333,
    });
    expect(Object.fromEntries(allocateFixedCents(10, ["a", "b", "c"], "usage", usage, weights))).toEqual({
      a: 250,
      b: 750,
    });
    expect(Object.fromEntries(allocateFixedCents(10, ["a", "b", "c"], "weights", usage, weights))).toEqual({
      a: 500,
      b: 250,
      c: 250,
    });
  });
  it("always sums to the total", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 8 }),
        fc.constantFrom("even", "usage", "weights") as fc.Arbitrary<"even" | "usage" | "weights">,
        (cost, tenants, method) => {
          const usage = new Map(tenants.map((t, i) => [t, i % 3]));
          const parts = allocateFixedCents(cost, tenants, method, usage, new Map());
          expect(sum(parts)).toBe(toCents(cost));
        },
      ),
      { seed: 4, numRuns: 500 },
    );
  });
});

/** allocatePoolCents written plainly, with a new weights array per apportionment. */
function referencePool(
  totalCost: number,
  usage: ReadonlyMap<string, number>,
  tenants: readonly string[],
  idle: "usage" | "even" | "none",
): Map<string, number> {
  const names = [...usage.keys()];
  const weights = [...usage.values()];
  const used = weights.reduce((a, b) => a + b, 0);
  const parts = apportionCents(toCents(totalCost), [...weights, Math.max(0, totalCost - used)]);
  const result = new Map(names.map((n, i) => [n, parts[i]!]));
  const add = (name: string, cents: number) => result.set(name, (result.get(name) ?? 0) + cents);
  const idleCents = parts[names.length]!;
  if (idleCents !== 0) {
    if (idle === "usage" && used > 0) {
      const idleParts = apportionCents(idleCents, weights);
      for (let i = 0; i < names.length; i++) add(names[i]!, idleParts[i]!);
    } else if (idle === "even" && tenants.length > 0) {
      const idleParts = apportionCents(
        idleCents,
        tenants.map(() => 1),
      );
      for (let i = 0; i < tenants.length; i++) add(tenants[i]!, idleParts[i]!);
    } else add(IDLE_TENANT, idleCents);
  }
  return new Map([...result].filter(([, v]) => v !== 0));
}

describe("allocatePoolCents and allocateFixedCents against plain references", () => {
  it("give the same cents, in the same order, whatever the previous call left in their scratch space", () => {
    fc.assert(
      fc.property(
        ...poolArguments(1e6),
        fc.constantFrom("even", "usage", "weights") as fc.Arbitrary<"even" | "usage" | "weights">,
        (total, usageRecord, idle, tenants, method) => {
          const usage = new Map(Object.entries(usageRecord));
          expect([...allocatePoolCents(total, usage, tenants, idle)]).toEqual([
            ...referencePool(total, usage, tenants, idle),
          ]);
          const weights = new Map([["b", 2.5]]);
          const w = tenants.map((t) =>
            method === "even" ? 1 : method === "usage" ? (usage.get(t) ?? 0) : (weights.get(t) ?? 1),
          );
          const expected =
            tenants.length === 0
              ? toCents(total) !== 0
                ? [[SHARED_TENANT, toCents(total)]]
                : []
              : apportionCents(toCents(total), w)
                  .map((c, i) => [tenants[i]!, c] as const)
                  .filter(([, c]) => c !== 0);
          expect([...allocateFixedCents(total, tenants, method, usage, weights)]).toEqual(expected);
        },
      ),
      { seed: 5, numRuns: 1000 },
    );
  });
});
