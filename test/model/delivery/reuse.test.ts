import { describe, expect, it } from "vitest";
import { StreamFactory } from "../../../engine/index.ts";
import { ReuseState } from "../../../src/model/delivery/reuse.ts";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";
import { fakePlatform } from "../fake-platform.ts";
import { merge, scenario } from "../scenario-fixture.ts";

const many = {
  horizonMonths: 36,
  organisation: { spokes: { count: 4, ftePerSpoke: 4, maxConcurrentProjects: 2 } },
  demand: { businessUnits: [{ name: "unit-1", ratePerMonth: 6 }] },
};

function featureEfforts(over: Record<string, unknown>, replication: number): number[] {
  const platform = fakePlatform();
  const model = scenario(merge(many, over));
  const result = simulateWith(model, { seed: 5, replication }, platform.factory);
  expect(result.kpis["effort.features"]).toBeGreaterThan(0);
  return result.samples.featureEffortPersonWeeks ?? [];
}

describe("component reuse", () => {
  it("library saving is the reused components' effort share, scaled by completeness", () => {
    const params = deliverySchema.parse({});
    const reuse = new ReuseState(params);
    const always = () => 0;
    const never = () => 0.999999;
    expect(reuse.librarySaving("data", params, always)).toBe(0);
    reuse.completeness = 1;
    expect(reuse.librarySaving("data", params, always)).toBeCloseTo(0.3 + 0.25 + 0.2, 12);
    expect(reuse.librarySaving("data", params, never)).toBe(0);
    expect(reuse.librarySaving("modelDev", params, always)).toBe(0);
  });

  it("library completeness grows with hub platform FTE, with diminishing returns, never above 1", () => {
    const params = deliverySchema.parse({
      lifecycle: { library: { completenessPerPlatformFteMonth: 0.01 } },
    });
    const reuse = new ReuseState(params);
    reuse.growLibrary(5, params);
    expect(reuse.completeness).toBeCloseTo(0.05, 12);
    reuse.growLibrary(5, params);
    expect(reuse.completeness).toBeCloseTo(0.05 + 0.05 * 0.95, 12);
    for (let i = 0; i < 200; i++) reuse.growLibrary(5, params);
    expect(reuse.completeness).toBeGreaterThan(0.99);
    reuse.growLibrary(500, params);
    expect(reuse.completeness).toBe(1);
  });

  it("a feature family is built once: later projects needing it see it as built", () => {
    const params = deliverySchema.parse({
      lifecycle: { featureStore: { families: 3, familiesPerProject: 3 } },
    });
    const reuse = new ReuseState(params);
    const source = new StreamFactory(1, 0).get("features");
    const pending: number[] = [];
    expect(reuse.pickFamilies(params, source, pending)).toBe(0);
    expect([...pending].sort()).toEqual([0, 1, 2]);
    reuse.markBuilt(pending);
    expect(reuse.builtCount).toBe(3);
    expect(reuse.pickFamilies(params, source, pending)).toBe(1);
    expect(pending).toEqual([]);
  });

  it("the feature store lowers feature-engineering effort more for later projects than for early ones", () => {
    let earlyOn = 0;
    let lateOn = 0;
    let earlyOff = 0;
    let lateOff = 0;
    for (let r = 0; r < 3; r++) {
      const on = featureEfforts({ lifecycle: { featureStore: { enabled: true } } }, r);
      const off = featureEfforts({ lifecycle: { featureStore: { enabled: false } } }, r);
      earlyOn += on.slice(0, 5).reduce((a, b) => a + b, 0) / 5;
      lateOn += on.slice(-20).reduce((a, b) => a + b, 0) / 20;
      earlyOff += off.slice(0, 5).reduce((a, b) => a + b, 0) / 5;
      lateOff += off.slice(-20).reduce((a, b) => a + b, 0) / 20;
    }
    // constant base effort of 1 person-week: without the store every project needs exactly 1
    expect(earlyOff).toBeCloseTo(3, 9);
    expect(lateOff).toBeCloseTo(3, 9);
    expect(earlyOn).toBeGreaterThan(lateOn);
    expect(earlyOff - earlyOn).toBeLessThan(lateOff - lateOn);
    expect(lateOn / 3).toBeLessThan(0.5);
  });

  it("model templates cut model-development effort by adoption", () => {
    const off = simulateWith(scenario(many), { seed: 2, replication: 0 }, fakePlatform().factory);
    const on = simulateWith(
      scenario(merge(many, { lifecycle: { modelTemplates: { enabled: true } } })),
      { seed: 2, replication: 0 },
      fakePlatform().factory,
    );
    expect(off.kpis["effort.modelDev"]).toBeCloseTo(3, 9);
    // classification adoption 85% ... computer vision 60%, saving 50%: between 1 - 0.5*0.85 and 1 - 0.5*0.6
    expect(on.kpis["effort.modelDev"]! / 3).toBeGreaterThan(0.5);
    expect(on.kpis["effort.modelDev"]! / 3).toBeLessThan(0.8);
  });

  it("deployment templates cut deployment effort by 80%", () => {
    const on = simulateWith(
      scenario(merge(many, { lifecycle: { deploymentTemplates: { enabled: true, successRate: 1 } } })),
      { seed: 2, replication: 0 },
      fakePlatform().factory,
    );
    expect(on.kpis["effort.deployment"]).toBeCloseTo(0.2, 9);
  });
});
