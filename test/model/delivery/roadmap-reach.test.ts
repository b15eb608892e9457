/**
 * Roadmap effects reach the business units and the platform (issue 10, point 9): a unit's arrivals follow the
 * rate in force from the effect's completion, drawn from the unit's own stream (so the arrivals before it are
 * unchanged under common random numbers), and platform changes are handed to the platform port at the month
 * boundary at or after completion, right after that month's close.
 */
import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { fakePlatform } from "../fake-platform.ts";
import { scenario } from "../scenario-fixture.ts";

const units = [
  { name: "north", ratePerMonth: 4 },
  { name: "south", ratePerMonth: 3 },
];

function arrivals(effects: { path: string; value: number }[], businessUnits = units) {
  const result = simulateWith(
    scenario({
      horizonMonths: 24,
      demand: { businessUnits },
      roadmap: { investments: [{ name: "more ideas", startMonth: 12, durationMonths: 0, cost: 0, effects }] },
    }),
    { seed: 5, replication: 0 },
    fakePlatform().factory,
  );
  return result.projects.map((p) => ({ unit: p.businessUnit, day: p.arrivalDay }));
}

describe("roadmap effects on business units apply from their completion", () => {
  const before = arrivals([]);
  const boundary = 12 * DAYS_PER_MONTH;
  const byUnit = (list: { unit: string; day: number }[], unit: string, early: boolean) =>
    list.filter((a) => a.unit === unit && (early ? a.day < boundary : a.day >= boundary)).map((a) => a.day);

  it("a unit's rate doubled at month 12: its arrivals before month 12 are identical, after they roughly double", () => {
    const after = arrivals([{ path: "demand.businessUnits[0].ratePerMonth", value: 8 }]);
    expect(byUnit(after, "north", true)).toEqual(byUnit(before, "north", true));
    expect(byUnit(after, "south", true)).toEqual(byUnit(before, "south", true));
    // the other unit's stream is its own: its arrivals do not move at all
    expect(byUnit(after, "south", false)).toEqual(byUnit(before, "south", false));
    const was = byUnit(before, "north", false).length;
    const now = byUnit(after, "north", false).length;
    expect(was).toBeGreaterThan(30);
    expect(now).toBeGreaterThan(1.6 * was);
    expect(now).toBeLessThan(2.4 * was);
  });

  it("a unit switched off stops sending ideas at once; a unit switched on starts", () => {
    const off = arrivals([{ path: "demand.businessUnits[1].ratePerMonth", value: 0 }]);
    expect(byUnit(off, "south", true)).toEqual(byUnit(before, "south", true));
    expect(byUnit(off, "south", false)).toEqual([]);
    const on = arrivals(
      [{ path: "demand.businessUnits[1].ratePerMonth", value: 3 }],
      [units[0]!, { name: "south", ratePerMonth: 0 }],
    );
    expect(byUnit(on, "south", true)).toEqual([]);
    expect(byUnit(on, "south", false).length).toBeGreaterThan(15);
  });

  it("a ramp changed at month 12 follows the new rate function from then on", () => {
    const ramped = arrivals([
      { path: "demand.businessUnits[0].ramp.months", value: 24 },
      { path: "demand.businessUnits[0].ramp.startFactor", value: 0 },
    ]);
    expect(byUnit(ramped, "north", true)).toEqual(byUnit(before, "north", true));
    // from month 12 the rate is half of 4 rising to 4 at month 24: about 3/4 of the arrivals
    expect(byUnit(ramped, "north", false).length).toBeLessThan(byUnit(before, "north", false).length);
  });
});

describe("platform effects reach the platform port at a month boundary", () => {
  function handovers(startMonth: number, durationMonths: number) {
    const log = { jobs: [], models: [], closedMonths: [], finished: 0, reconfigured: [] };
    const path = "platform.clusters[0].maxNodes";
    simulateWith(
      scenario({
        roadmap: {
          investments: [
            { name: "p", startMonth, durationMonths, cost: 0, effects: [{ path, value: 30 }] },
            {
              name: "d",
              startMonth,
              durationMonths,
              cost: 0,
              effects: [{ path: "organisation.hub.fte", value: 3 }],
            },
          ],
        },
      }),
      { seed: 1, replication: 0 },
      fakePlatform(log).factory,
    );
    return log.reconfigured as { afterMonth: number; changes: { path: string; value: number }[] }[];
  }

  it("after the close of the month before the completion boundary, with only the platform's changes", () => {
    expect(handovers(3, 3)).toEqual([
      { afterMonth: 5, changes: [{ path: "platform.clusters[0].maxNodes", value: 30 }] },
    ]);
    expect(handovers(5, 0.5)).toEqual([
      { afterMonth: 5, changes: [{ path: "platform.clusters[0].maxNodes", value: 30 }] },
    ]);
    // completed at month 0: before anything runs
    expect(handovers(0, 0).map((h) => h.afterMonth)).toEqual([-1]);
    // completed at or after the horizon (12 months): never
    expect(handovers(11, 0.5)).toEqual([]);
  });
});
