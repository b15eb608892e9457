import { describe, expect, it } from "vitest";
import { ServingAccounts } from "../../../src/model/platform/serving-accounts.ts";
import { ServingStep } from "../../../src/model/platform/serving-step.ts";

function step(poolPods: number, poolCost: number, requests: number): ServingStep {
  const s = new ServingStep();
  s.poolPods = poolPods;
  s.poolCost = poolCost;
  s.dedicatedPods = 1;
  s.dedicatedCost = 0.5;
  s.requests = requests;
  s.coldLoads = 1;
  return s;
}

describe("ServingAccounts", () => {
  it("hands over month differences with tenant maps, and keeps run totals", () => {
    const a = new ServingAccounts(true);
    a.growTenants(2);
    a.add(step(2, 4, 100), 1);
    a.usedByTenant[0]! += 3;
    const first = a.takeMonth(["x", "y"]);
    expect(first.poolCost).toBe(4);
    expect(first.podHours).toBe(3);
    expect([...first.usedCostByTenant]).toEqual([["x", 3]]);
    a.add(step(3, 6, 50), 2);
    a.dedicatedByTenant[1]! += 1;
    const second = a.takeMonth(["x", "y"]);
    expect(second).toMatchObject({
      poolCost: 6,
      dedicatedCost: 0.5,
      podHours: 8,
      requests: 50,
      coldLoads: 1,
    });
    expect([...second.usedCostByTenant]).toEqual([]);
    expect([...second.dedicatedCostByTenant]).toEqual([["y", 1]]);
    expect(a.totals).toEqual({ requests: 150, misses: 0, coldLoads: 2, podHours: 11, steps: 2, maxPods: 3 });
    expect(a.podsTrace).toEqual([2, 3]);
  });

  it("adds a cycle again over any range of its steps, going round it as often as needed", () => {
    const a = new ServingAccounts(true);
    a.growTenants(1);
    const h = a.startHistory(2);
    a.recordHistory(h);
    a.add(step(1, 2, 10), 1);
    a.usedByTenant[0]! += 1.5;
    a.recordHistory(h);
    a.add(step(2, 4, 20), 1);
    a.recordHistory(h);
    h.cycleStart = 0;
    // from the second step: 2 (second), then 1, 2 (a whole round), then 1 (first)
    a.applyCycle(h, 1, 4);
    expect(a.totals).toEqual({ requests: 90, misses: 0, coldLoads: 6, podHours: 15, steps: 6, maxPods: 2 });
    expect(a.podsTrace).toEqual([1, 2, 2, 1, 2, 1]);
    expect(a.takeMonth(["t"]).usedCostByTenant.get("t")).toBe(4.5);
  });

  it("reads a cycle that wraps round the ring of boundaries", () => {
    const a = new ServingAccounts(false);
    const h = a.startHistory(2);
    a.recordHistory(h);
    for (const requests of [10, 20, 40]) {
      a.add(step(1, 1, requests), 1);
      a.recordHistory(h);
    }
    // boundaries 0..3 in a ring of 3 slots: the last two steps (20, 40) run from slot 1 through slot 2 to slot 0
    h.cycleStart = 1;
    a.applyCycle(h, 0, 2);
    expect(a.totals.requests).toBe(130);
    a.applyCycle(h, 1, 1);
    expect(a.totals.requests).toBe(170);
  });
});
