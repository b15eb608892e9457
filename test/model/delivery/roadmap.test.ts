import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { investmentCostInMonth, setParameter } from "../../../src/model/delivery/roadmap.ts";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";
import { fakePlatform } from "../fake-platform.ts";
import { scenario } from "../scenario-fixture.ts";

describe("roadmap", () => {
  it("spreads an investment's cost evenly over its months", () => {
    const inv = { name: "x", startMonth: 3, durationMonths: 4, cost: 1000, effects: [] };
    expect([2, 3, 4, 5, 6, 7].map((m) => investmentCostInMonth(inv, m))).toEqual([0, 250, 250, 250, 250, 0]);
    expect(investmentCostInMonth({ ...inv, durationMonths: 0 }, 3)).toBe(1000);
  });

  it("sets a parameter by path and refuses unknown paths or wrong types", () => {
    const params = deliverySchema.parse({});
    setParameter(params, "organisation.spokes.count", 7);
    expect(params.organisation.spokes.count).toBe(7);
    expect(() => setParameter(params, "organisation.spokes.cnt", 1)).toThrow(RangeError);
    expect(() => setParameter(params, "organisation.guilds.enabled", 1)).toThrow(/needs a true\/false/);
  });

  it("applies effects when the investment completes and posts its cost", () => {
    const result = simulateWith(
      scenario({
        organisation: { spokes: { count: 0 }, pilotTeams: { maxConcurrent: 0 } },
        roadmap: {
          investments: [
            {
              name: "first spoke",
              startMonth: 1,
              durationMonths: 2,
              cost: 600,
              effects: [{ path: "organisation.spokes.count", value: 1 }],
            },
          ],
        },
      }),
      { seed: 1, replication: 0, trace: true },
      fakePlatform().factory,
    );
    const starts = result.projects.filter((p) => p.startDay !== undefined).map((p) => p.startDay!);
    expect(starts.length).toBeGreaterThan(0);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(3 * DAYS_PER_MONTH - 1e-9);
    expect(result.series["cost.investment"]!.slice(0, 4)).toEqual([0, 300, 300, 0]);
    expect(result.trace?.some((line) => line.includes("roadmap first spoke in place"))).toBe(true);
  });

  it("raises the maturity level month by month as capabilities arrive", () => {
    const result = simulateWith(
      scenario({
        horizonMonths: 10,
        roadmap: {
          investments: [
            {
              name: "CoE",
              startMonth: 0,
              durationMonths: 3,
              cost: 0,
              effects: [
                { path: "organisation.hub.fte", value: 10 },
                { path: "governance.standards.enabled", value: true },
                { path: "lifecycle.deploymentTemplates.enabled", value: true },
              ],
            },
            {
              name: "Platform",
              startMonth: 3,
              durationMonths: 3,
              cost: 0,
              effects: [
                { path: "lifecycle.featureStore.enabled", value: true },
                { path: "lifecycle.modelTemplates.enabled", value: true },
                { path: "lifecycle.library.initialCompleteness", value: 0.7 },
              ],
            },
          ],
        },
      }),
      { seed: 1, replication: 0 },
      fakePlatform().factory,
    );
    // month m is labelled by the capabilities in place at its end
    expect(result.series.maturityLevel).toEqual([1, 1, 2, 2, 2, 3, 3, 3, 3, 3]);
    expect(result.kpis["level.1.months"]).toBe(2);
    expect(result.kpis["level.2.months"]).toBe(3);
    expect(result.kpis["level.3.months"]).toBe(5);
  });

  it("keeps projects moving when a roadmap cuts the hub to zero (queued requests drain, new ones self-serve)", () => {
    const result = simulateWith(
      scenario({
        organisation: {
          hub: { fte: 2, supportShare: 0.5, reviewShare: 0.5 },
          spokes: { count: 4 },
          support: { requestsPerProjectWeek: 2 },
        },
        demand: { businessUnits: [{ name: "u", ratePerMonth: 8 }] },
        governance: { gates: { afterPhases: ["data", "modelDev"] } },
        roadmap: {
          investments: [
            {
              name: "cut",
              startMonth: 2,
              durationMonths: 0,
              cost: 0,
              effects: [{ path: "organisation.hub.fte", value: 0 }],
            },
          ],
        },
      }),
      { seed: 1, replication: 0 },
      fakePlatform().factory,
    );
    const early = result.projects.filter((p) => p.startDay !== undefined && p.startDay < 3 * DAYS_PER_MONTH);
    expect(early.length).toBeGreaterThanOrEqual(4);
    for (const p of early) expect(p.outcome).toBe("delivered");
    expect(
      result.projects.some((p) => p.deliveryDay !== undefined && p.deliveryDay > 6 * DAYS_PER_MONTH),
    ).toBe(true);
  });
});
