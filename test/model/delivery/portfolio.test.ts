import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { presetDocument } from "../../../src/scenario/presets/index.ts";
import { scenarioSchema } from "../../../src/scenario/schema.ts";
import { fakePlatform } from "../fake-platform.ts";
import { merge, scenario } from "../scenario-fixture.ts";

const run = (over: Record<string, unknown>, replication = 0) =>
  simulateWith(scenario(over), { seed: 3, replication }, fakePlatform().factory);

describe("portfolio", () => {
  it("defers ideas in 40-59, re-scores them after 6 months and rejects them when still deferred", () => {
    const result = run({
      portfolio: { tiers: { fastTrack: 100, nextCycle: 100, deferred: 0, maxDeferrals: 1 } },
    });
    const horizonDays = 12 * DAYS_PER_MONTH;
    expect(result.projects.length).toBeGreaterThan(10);
    for (const p of result.projects) {
      const rescored = p.arrivalDay + 6 * DAYS_PER_MONTH <= horizonDays;
      expect(p.outcome).toBe(rescored ? "rejected" : "deferred");
    }
    expect(result.kpis.approved).toBe(0);
  });

  it("rejects ideas below 40 at once", () => {
    const result = run({ portfolio: { tiers: { fastTrack: 100, nextCycle: 100, deferred: 100 } } });
    expect(result.projects.every((p) => p.outcome === "rejected")).toBe(true);
  });

  it("starts next-cycle ideas only at portfolio reviews, fast-track ideas as soon as capacity is free", () => {
    const review = run({
      portfolio: { tiers: { fastTrack: 100, nextCycle: 0, deferred: 0 }, reviewEveryMonths: 3 },
    });
    const started = review.projects.filter((p) => p.approvalDay !== undefined);
    expect(started.length).toBeGreaterThan(1);
    for (const p of started) {
      const cycles = p.approvalDay! / (3 * DAYS_PER_MONTH);
      expect(Math.abs(cycles - Math.round(cycles))).toBeLessThan(1e-9);
    }
    const fast = run({});
    expect(fast.projects.some((p) => p.approvalDay! % DAYS_PER_MONTH > 1e-6)).toBe(true);
  });

  it("drops eligible ideas that wait longer than the backlog expiry", () => {
    const result = run({
      demand: { businessUnits: [{ name: "u", ratePerMonth: 10 }] },
      portfolio: { backlogExpiryMonths: 1 },
    });
    expect(result.kpis.rejected).toBeGreaterThan(50);
  });

  it("balancing toward the target mix lowers the deviation of the active mix", () => {
    const base = {
      horizonMonths: 24,
      organisation: { spokes: { count: 5, maxConcurrentProjects: 4, ftePerSpoke: 4 } },
      demand: {
        businessUnits: [{ name: "u", ratePerMonth: 20 }],
        impact: { revenue: 10, costReduction: 10, riskMitigation: 70, innovation: 10 },
      },
    };
    let off = 0;
    let on = 0;
    for (let r = 0; r < 3; r++) {
      off += run(base, r).kpis.mixDeviationPoints!;
      on += run(merge(base, { portfolio: { balancing: { enabled: true, strength: 2 } } }), r).kpis
        .mixDeviationPoints!;
    }
    expect(on).toBeLessThan(off * 0.8);
  });

  it("raises balance alerts when the active mix is far from the targets", () => {
    const skewed = run({
      horizonMonths: 12,
      organisation: { spokes: { count: 3, maxConcurrentProjects: 4, ftePerSpoke: 4 } },
      demand: { businessUnits: [{ name: "u", ratePerMonth: 10 }], risk: { low: 0, medium: 0, high: 100 } },
    });
    expect(skewed.kpis.balanceAlerts).toBeGreaterThan(10);
    expect(skewed.series.balanceAlerts).toHaveLength(12);
  });

  it("portfolio reset kills exactly the bottom N active projects at its month", () => {
    const result = run({
      horizonMonths: 12,
      organisation: { spokes: { count: 0 }, pilotTeams: { maxConcurrent: 30, ftePerTeam: 1 } },
      demand: { initialProjects: 30, businessUnits: [{ name: "u", ratePerMonth: 0 }] },
      lifecycle: {
        effortPersonWeeks: {
          data: { dist: "constant", value: 30 },
          features: { dist: "constant", value: 30 },
          modelDev: { dist: "constant", value: 30 },
        },
      },
      governance: { portfolioReset: { enabled: true, atMonth: 2, killBottom: 12, doubleDownTop: 5 } },
    });
    const atReset = result.projects.filter(
      (p) => p.outcome === "killed" && Math.abs(p.killedDay! - 2 * DAYS_PER_MONTH) < 1e-9,
    );
    expect(atReset).toHaveLength(12);
    const survivors = result.projects.filter((p) => !atReset.includes(p));
    const worstSurvivor = Math.min(...survivors.map((p) => p.score));
    expect(atReset.filter((p) => p.score > worstSurvivor + 25)).toHaveLength(0);
  });

  it("manufacturing: the reset lowers the cost of the 40 initial projects and raises their ROI (same seeds)", () => {
    const preset = presetDocument("manufacturing")!;
    const on = scenarioSchema.parse(preset);
    const off = scenarioSchema.parse(merge(preset, { governance: { portfolioReset: { enabled: false } } }));
    let roiOn = 0;
    let roiOff = 0;
    let costOn = 0;
    let costOff = 0;
    for (let r = 0; r < 3; r++) {
      const a = simulateWith(
        on,
        { seed: 8, replication: r, keepProjects: false },
        fakePlatform().factory,
      ).kpis;
      const b = simulateWith(
        off,
        { seed: 8, replication: r, keepProjects: false },
        fakePlatform().factory,
      ).kpis;
      roiOn += a["initial.roi"]!;
      roiOff += b["initial.roi"]!;
      costOn += a["initial.cost"]!;
      costOff += b["initial.cost"]!;
    }
    expect(costOn).toBeLessThan(costOff * 0.8);
    expect(roiOn).toBeGreaterThan(roiOff);
  });
});
