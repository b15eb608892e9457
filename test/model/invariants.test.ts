import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/model/result.ts";
import { simulateWith } from "../../src/model/simulate-with.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { fakePlatform } from "./fake-platform.ts";

const arbitraryScenario = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  hubFte: fc.integer({ min: 0, max: 20 }),
  spokes: fc.integer({ min: 0, max: 6 }),
  maxConcurrent: fc.integer({ min: 1, max: 5 }),
  pilots: fc.integer({ min: 0, max: 3 }),
  rate: fc.double({ min: 0.5, max: 8, noNaN: true }),
  killEarly: fc.boolean(),
  featureStore: fc.boolean(),
  templates: fc.boolean(),
  initial: fc.integer({ min: 0, max: 4 }),
});

describe("model invariants (fast-check)", () => {
  it("holds for random organisations: ordering of dates, counts, capacity, cost totals, determinism", () => {
    fc.assert(
      fc.property(arbitraryScenario, (a) => {
        const scenario = scenarioSchema.parse({
          horizonMonths: 12,
          platform: { enabled: false },
          organisation: {
            hub: { fte: a.hubFte },
            spokes: { count: a.spokes, maxConcurrentProjects: a.maxConcurrent },
            pilotTeams: { maxConcurrent: a.pilots },
          },
          demand: { businessUnits: [{ name: "u", ratePerMonth: a.rate }], initialProjects: a.initial },
          lifecycle: {
            featureStore: { enabled: a.featureStore },
            modelTemplates: { enabled: a.templates },
            deploymentTemplates: { enabled: a.templates },
          },
          governance: { killEarly: { enabled: a.killEarly } },
        });
        const options = { seed: a.seed, replication: 0 };
        const r = simulateWith(scenario, options, fakePlatform().factory);
        const k = r.kpis;
        expect(k.delivered! + k.killed! + k.failed!).toBeLessThanOrEqual(k.started!);
        expect(k.started!).toBeLessThanOrEqual(k.approved!);
        expect(k.approved! + k.rejected!).toBeLessThanOrEqual(k.ideas!);
        const capacity = a.spokes * a.maxConcurrent + Math.max(a.pilots, a.initial);
        expect(k.activeProjectsPeak!).toBeLessThanOrEqual(capacity);
        for (const p of r.projects) {
          if (p.startDay === undefined) continue;
          expect(p.startDay).toBeGreaterThanOrEqual(p.approvalDay!);
          let last = p.startDay;
          for (const phase of PHASES) {
            const end = p.phaseEndDays[phase];
            if (end === undefined) continue;
            expect(end).toBeGreaterThanOrEqual(last - 1e-9);
            last = end;
          }
          if (p.outcome === "delivered") {
            expect(p.deliveryDay).toBeGreaterThanOrEqual(last - 1e-9);
            // projects running at month 0 start mid-lifecycle and have no time to market
            if (p.timeToMarketDays !== undefined) expect(Object.keys(p.phaseEndDays)).toHaveLength(5);
          }
        }
        const rows = r.costRows.reduce((s, row) => s + row.billedCost, 0);
        expect(rows).toBeCloseTo(k["cost.total"]!, 4);
        if (k.successRate !== undefined) expect(k.successRate).toBeLessThanOrEqual(1);
        const again = simulateWith(scenario, options, fakePlatform().factory);
        expect(JSON.stringify(again.kpis)).toBe(JSON.stringify(k));
      }),
      { numRuns: 40, seed: 20260124 },
    );
  });
});
