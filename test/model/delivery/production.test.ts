import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import type { CostRow } from "../../../src/model/result.ts";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { fakePlatform } from "../fake-platform.ts";
import { scenario } from "../scenario-fixture.ts";

const run = (over: Record<string, unknown>) => {
  const platform = fakePlatform();
  const result = simulateWith(scenario(over), { seed: 4, replication: 0 }, platform.factory);
  return { result, log: platform.log };
};

describe("production models", () => {
  it("hands every delivered project to the platform with its tier, tenant and retraining cadence", () => {
    const { result, log } = run({ lifecycle: { production: { retrainEveryDays: 30 } } });
    expect(log.models).toHaveLength(result.kpis.delivered!);
    for (const m of log.models) {
      expect(m.tier).toBe("Bronze");
      expect(m.tenant).toBe("unit-1");
      expect(m.retrainEveryDays).toBe(30);
      expect(m.criticality).toBeGreaterThanOrEqual(0);
      expect(m.criticality).toBeLessThanOrEqual(1);
    }
  });

  it("retrains automatically on the due date: full compliance, no decay", () => {
    const { result, log } = run({
      lifecycle: { production: { retrainEveryDays: 30, retrainAutomated: true, decayPerMonthOverdue: 0.5 } },
    });
    expect(log.jobs.filter((j) => j.kind === "retraining").length).toBeGreaterThan(10);
    expect(result.kpis.retrainingCompliance).toBe(1);
    let expected = 0;
    for (const p of result.projects)
      if (p.outcome === "delivered")
        expected += (10_000 * (12 * DAYS_PER_MONTH - p.deliveryDay!)) / DAYS_PER_MONTH;
    expect(result.kpis.value).toBeCloseTo(expected, 4);
  });

  it("late manual retraining lowers compliance and the value of overdue models", () => {
    const late = {
      lifecycle: {
        production: {
          retrainEveryDays: 30,
          retrainAutomated: false,
          manualRetrainDelayDays: { dist: "constant", value: 40 },
          decayPerMonthOverdue: 0.5,
        },
      },
    };
    const { result } = run(late);
    expect(result.kpis.retrainingCompliance).toBe(0);
    const onTime = run({
      lifecycle: { production: { ...late.lifecycle.production, retrainAutomated: true } },
    }).result;
    expect(result.kpis.value).toBeLessThan(onTime.kpis.value! * 0.9);
  });
});

describe("demand", () => {
  it("ramps the arrival rate up linearly (thinning): fewer ideas early than late", () => {
    const { result } = run({
      horizonMonths: 24,
      demand: { businessUnits: [{ name: "u", ratePerMonth: 20, ramp: { months: 24, startFactor: 0 } }] },
      portfolio: { tiers: { fastTrack: 100, nextCycle: 100, deferred: 100 } },
    });
    const firstHalf = result.projects.filter((p) => p.arrivalDay < 12 * DAYS_PER_MONTH).length;
    const secondHalf = result.projects.length - firstHalf;
    // expected 20 x 12^2 / 48 = 60 and 20 x (24^2 - 12^2) / 48 = 180 ideas
    expect(firstHalf).toBeGreaterThan(40);
    expect(firstHalf).toBeLessThan(80);
    expect(secondHalf).toBeGreaterThan(150);
    expect(secondHalf).toBeLessThan(210);
  });

  it("keeps each unit's arrivals on its own stream: adding a unit does not move the others", () => {
    const one = run({ demand: { businessUnits: [{ name: "a", ratePerMonth: 3 }] } }).result;
    const two = run({
      demand: {
        businessUnits: [
          { name: "a", ratePerMonth: 3 },
          { name: "b", ratePerMonth: 3 },
        ],
      },
    }).result;
    const arrivalsA = (r: typeof one) =>
      r.projects.filter((p) => p.businessUnit === "a").map((p) => p.arrivalDay);
    expect(arrivalsA(two)).toEqual(arrivalsA(one));
  });

  it("runs initial projects at once without a time to market, and reports their ROI", () => {
    const { result } = run({
      demand: { initialProjects: 5, businessUnits: [{ name: "u", ratePerMonth: 0 }] },
      organisation: { spokes: { count: 0 }, pilotTeams: { maxConcurrent: 5, ftePerTeam: 1 } },
      finance: { loadedCostPerFteYear: { pilot: 365.25 } },
    });
    expect(result.projects).toHaveLength(5);
    for (const p of result.projects) {
      expect(p.startDay).toBe(0);
      expect(p.outcome).toBe("delivered");
      expect(p.timeToMarketDays).toBeUndefined();
    }
    expect(result.kpis.timeToMarketDays).toBeUndefined();
    const workDays = result.projects.reduce((s, p) => s + p.deliveryDay!, 0);
    expect(result.kpis["initial.cost"]).toBeCloseTo(workDays, 6);
    expect(result.kpis["initial.roi"]).toBeCloseTo(result.kpis["initial.value"]! / workDays, 9);
  });

  it("doubling down halves the remaining work time of the top projects", () => {
    const base = {
      demand: { initialProjects: 4, businessUnits: [{ name: "u", ratePerMonth: 0 }] },
      organisation: { spokes: { count: 0 }, pilotTeams: { maxConcurrent: 4, ftePerTeam: 1 } },
      lifecycle: {
        effortPersonWeeks: {
          data: { dist: "constant", value: 10 },
          features: { dist: "constant", value: 10 },
          modelDev: { dist: "constant", value: 10 },
        },
      },
    };
    const plain = run(base).result;
    const doubled = run({
      ...base,
      governance: {
        portfolioReset: { enabled: true, atMonth: 0, killBottom: 0, doubleDownTop: 4, staffingMultiplier: 2 },
      },
    }).result;
    for (let i = 0; i < 4; i++) {
      const a = plain.projects[i]!.deliveryDay!;
      const b = doubled.projects[i]!.deliveryDay!;
      expect(b).toBeCloseTo(a / 2, 6);
    }
  });

  it("charges embedded spokes (sharing: ownUnit) to the business units they serve", () => {
    const { result } = run({
      demand: {
        businessUnits: [
          { name: "a", tenant: "brand-a", ratePerMonth: 1 },
          { name: "b", tenant: "brand-b", ratePerMonth: 1 },
        ],
      },
      organisation: { spokes: { count: 2, sharing: "ownUnit" } },
    });
    expect(result.meta.tenants).toEqual(["brand-a", "brand-b"]);
    const spoke = spokeCostByTenant(result.costRows);
    expect(spoke.get("brand-a")).toBeCloseTo(spoke.get("brand-b")!, 6);
    expect(result.kpis["tenantCost.brand-a"]! + result.kpis["tenantCost.brand-b"]!).toBeCloseTo(
      result.kpis["cost.total"]!,
      6,
    );
  });

  it("charges pooled spokes by use: the unit whose projects hold more spoke slots pays more", () => {
    const { result } = run({
      demand: {
        businessUnits: [
          { name: "a", tenant: "brand-a", ratePerMonth: 3 },
          { name: "b", tenant: "brand-b", ratePerMonth: 0.3 },
        ],
      },
      organisation: { spokes: { count: 2, sharing: "pooled" } },
    });
    const spoke = spokeCostByTenant(result.costRows);
    expect(spoke.get("brand-a")!).toBeGreaterThan(2 * spoke.get("brand-b")!);
    // every dollar of the spokes is charged to someone
    const total = [...spoke.values()].reduce((a, b) => a + b, 0);
    const posted = result.costRows
      .filter((r) => r.serviceName === "Spoke teams")
      .reduce((a, r) => a + r.billedCost, 0);
    expect(total).toBeCloseTo(posted, 6);
  });
});

/** Spoke people's cost per tenant, from the cost rows (after chargeback of anything left shared). */
function spokeCostByTenant(rows: readonly CostRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if (r.serviceName !== "Spoke teams") continue;
    out.set(r.subAccountId, (out.get(r.subAccountId) ?? 0) + r.billedCost);
  }
  return out;
}
