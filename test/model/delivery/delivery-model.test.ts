/**
 * The wiring of the delivery model: month ends record the platform's series in the month book next to the
 * delivery series, and a name produced twice is an error rather than a silently dropped metric.
 */
import { describe, expect, it } from "vitest";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { fakePlatform } from "../fake-platform.ts";
import { scenario } from "../scenario-fixture.ts";

const options = { seed: 1, replication: 0 };
const emptyLog = () => ({ jobs: [], models: [], closedMonths: [], finished: 0 });

describe("delivery model wiring", () => {
  it("records each month's platform series in the month book (a series first seen later is 0 before)", () => {
    const month = (m: number) =>
      m < 2 ? { clusterNodes: m + 1 } : { clusterNodes: m + 1, servingPods: 10 * m };
    const platform = fakePlatform(emptyLog(), { month });
    const result = simulateWith(scenario({ horizonMonths: 4 }), options, platform.factory);
    expect(result.series.clusterNodes).toEqual([1, 2, 3, 4]);
    expect(result.series.servingPods).toEqual([0, 0, 20, 30]);
    expect(Object.keys(result.series).slice(0, 8)).toEqual([
      "cost.people",
      "cost.compute",
      "cost.serving",
      "cost.tiers",
      "cost.platform",
      "cost.investment",
      "costTotal",
      "cumulativeCost",
    ]);
  });

  it("refuses a platform series named like a delivery series", () => {
    const platform = fakePlatform(emptyLog(), { month: () => ({ backlog: 1 }) });
    expect(() => simulateWith(scenario(), options, platform.factory)).toThrow(
      'monthly series "backlog" is recorded by both portfolio and platform; each series needs one owner',
    );
  });

  it("refuses a platform KPI or sample named like a delivery one", () => {
    const kpi = fakePlatform(emptyLog(), { finish: () => ({ kpis: { delivered: 3 }, samples: {} }) });
    expect(() => simulateWith(scenario(), options, kpi.factory)).toThrow(
      'KPI "delivered" is produced twice; each name needs one producer',
    );
    const sample = fakePlatform(emptyLog(), { finish: () => ({ kpis: {}, samples: { sunkCost: [1] } }) });
    expect(() => simulateWith(scenario(), options, sample.factory)).toThrow(
      'sample "sunkCost" is produced twice; each name needs one producer',
    );
  });

  it("refuses a platform series named like a series the result derives (cumulativeValue)", () => {
    const platform = fakePlatform(emptyLog(), { month: () => ({ cumulativeValue: 1 }) });
    expect(() => simulateWith(scenario(), options, platform.factory)).toThrow(
      'monthly series "cumulativeValue" is produced twice; each name needs one producer',
    );
  });
});
