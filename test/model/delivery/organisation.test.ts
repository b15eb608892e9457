import { describe, expect, it } from "vitest";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { fakePlatform } from "../fake-platform.ts";
import { merge, scenario } from "../scenario-fixture.ts";

/** A busy organisation: plenty of demand, PERT efforts, support requests and blockers. */
const busy = {
  horizonMonths: 24,
  organisation: {
    hub: { fte: 40, supportShare: 0.5, reviewShare: 0.1 },
    spokes: { count: 4, ftePerSpoke: 6, maxConcurrentProjects: 4 },
    support: { requestsPerProjectWeek: 1 },
  },
  demand: { businessUnits: [{ name: "unit-1", ratePerMonth: 30 }] },
  lifecycle: {
    effortPersonWeeks: {
      data: { dist: "pert", min: 3, mode: 8, max: 20 },
      features: { dist: "pert", min: 2, mode: 6, max: 16 },
      modelDev: { dist: "pert", min: 3, mode: 9, max: 24 },
      validation: { dist: "pert", min: 1, mode: 4, max: 10 },
      deployment: { dist: "pert", min: 2, mode: 5, max: 12 },
    },
    blockers: { ratePerProjectWeek: 0.1 },
  },
  governance: { gates: { afterPhases: ["data", "modelDev", "validation"] } },
};

function mean(over: Record<string, unknown>, kpi: string, reps = 4): number {
  let sum = 0;
  for (let r = 0; r < reps; r++) {
    const result = simulateWith(
      scenario(merge(busy, over)),
      { seed: 11, replication: r },
      fakePlatform().factory,
    );
    sum += result.kpis[kpi] ?? Number.NaN;
  }
  return sum / reps;
}

describe("hub and spokes", () => {
  it("more spokes never lower throughput when the hub is not the bottleneck", () => {
    const delivered = [2, 4, 6, 8].map((count) => mean({ organisation: { spokes: { count } } }, "delivered"));
    for (let i = 1; i < delivered.length; i++)
      expect(delivered[i]!).toBeGreaterThanOrEqual(delivered[i - 1]!);
    expect(delivered[3]!).toBeGreaterThan(delivered[0]! * 2);
  });

  it("an overloaded hub makes the support queue and time to market grow with the number of spokes", () => {
    const small = { organisation: { hub: { fte: 6 } } };
    const few = merge(small, { organisation: { spokes: { count: 2 } } });
    const many = merge(small, { organisation: { spokes: { count: 12 } } });
    const waitFew = mean(few, "supportWaitDays");
    const waitMany = mean(many, "supportWaitDays");
    expect(waitMany).toBeGreaterThan(waitFew * 5);
    expect(mean(many, "supportQueue")).toBeGreaterThan(mean(few, "supportQueue") + 1);
    expect(mean(many, "timeToMarketDays")).toBeGreaterThan(mean(few, "timeToMarketDays") * 1.3);
    expect(mean(many, "hubUtilisation")).toBeGreaterThan(0.9);
  });

  it("the support queue stays short while the hub has spare capacity", () => {
    expect(mean({ organisation: { spokes: { count: 2 } } }, "hubUtilisation")).toBeLessThan(0.5);
  });

  it("guilds shorten blocker resolution and so time to market", () => {
    const noSupport = {
      organisation: { support: { requestsPerProjectWeek: 0 } },
      lifecycle: { blockers: { ratePerProjectWeek: 0.5 } },
    };
    const off = mean(noSupport, "timeToMarketDays");
    const on = mean(merge(noSupport, { organisation: { guilds: { enabled: true } } }), "timeToMarketDays");
    expect(on).toBeLessThan(off * 0.9);
  });

  it("guild peers answer part of the support requests, so the hub is less loaded", () => {
    const off = mean({}, "hubUtilisation");
    const on = mean({ organisation: { guilds: { enabled: true, peerAnswerShare: 0.5 } } }, "hubUtilisation");
    expect(on).toBeLessThan(off * 0.7);
    expect(on).toBeGreaterThan(off * 0.3);
  });

  it("without a hub, support requests cost the team more time than queueing for a free expert", () => {
    const withHub = mean({}, "timeToMarketDays");
    const without = mean({ organisation: { hub: { fte: 0 } } }, "timeToMarketDays");
    expect(without).toBeGreaterThan(withHub);
  });

  it("with sharing ownUnit a spoke serves only its own business unit (spoke i -> unit i mod units)", () => {
    const units = {
      demand: {
        businessUnits: [
          { name: "a", ratePerMonth: 2 },
          { name: "b", ratePerMonth: 2 },
        ],
      },
      organisation: { spokes: { count: 1 } },
    };
    const started = (sharing: string, unit: string) =>
      simulateWith(
        scenario(merge(units, { organisation: { spokes: { sharing } } })),
        { seed: 2, replication: 0 },
        fakePlatform().factory,
      ).projects.filter((p) => p.businessUnit === unit && p.startDay !== undefined).length;
    expect(started("ownUnit", "b")).toBe(0);
    expect(started("ownUnit", "a")).toBeGreaterThan(2);
    expect(started("pooled", "b")).toBeGreaterThan(0);
  });
});
