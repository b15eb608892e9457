import { describe, expect, it } from "vitest";
import { metricInfo } from "../../src/model/metrics.ts";
import { simulate } from "../../src/model/simulate.ts";
import { simulateWith } from "../../src/model/simulate-with.ts";
import { presetDocument } from "../../src/scenario/presets/index.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { fakePlatform } from "./fake-platform.ts";
import { merge } from "./scenario-fixture.ts";

const level2 = scenarioSchema.parse(merge(presetDocument("level-2")!, { horizonMonths: 12 }));
const level3 = scenarioSchema.parse(presetDocument("level-3"));

describe("simulate", () => {
  it("gives bit-identical results for the same seed and replication (real platform)", () => {
    const a = simulate(level2, { seed: 42, replication: 3 });
    const b = simulate(level2, { seed: 42, replication: 3 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = simulate(level2, { seed: 42, replication: 4 });
    expect(JSON.stringify(c.kpis)).not.toBe(JSON.stringify(a.kpis));
  });

  it("closes every month on the platform once and finishes it once", () => {
    const platform = fakePlatform();
    const result = simulateWith(level3, { seed: 1, replication: 0 }, platform.factory);
    expect(platform.log.closedMonths).toEqual([...Array(36).keys()]);
    expect(platform.log.finished).toBe(1);
    expect(platform.log.models).toHaveLength(result.kpis.delivered!);
    expect(platform.log.jobs.filter((j) => j.kind === "training").length).toBeGreaterThan(0);
    expect(platform.log.jobs.some((j) => j.kind === "retraining")).toBe(true);
  });

  it("reports series of one value per month and KPIs per maturity level", () => {
    const result = simulateWith(level3, { seed: 1, replication: 0 }, fakePlatform().factory);
    for (const [name, values] of Object.entries(result.series)) expect(values, name).toHaveLength(36);
    expect(result.kpis["level.3.months"]).toBe(36);
    expect(result.kpis["level.3.timeToMarketDays"]).toBeCloseTo(result.kpis.timeToMarketDays!, 9);
    expect(result.series.deliveredCumulative![35]).toBe(result.kpis.delivered);
    const rowsTotal = result.costRows.reduce((s, r) => s + r.billedCost, 0);
    expect(rowsTotal).toBeCloseTo(result.kpis["cost.total"]!, 4);
    expect(result.events).toBeGreaterThan(1000);
  });

  it("breaks KPIs down per maturity level consistently with the totals", () => {
    const fs = scenarioSchema.parse(
      merge(presetDocument("financial-services")!, { platform: { enabled: false } }),
    );
    const result = simulateWith(fs, { seed: 1, replication: 0 }, fakePlatform().factory);
    let months = 0;
    let delivered = 0;
    let approved = 0;
    for (let level = 1; level <= 5; level++) {
      const m = result.kpis[`level.${level}.months`] ?? 0;
      months += m;
      delivered += ((result.kpis[`level.${level}.deliveredPerYear`] ?? 0) * m) / 12;
      approved += result.kpis[`level.${level}.approved`] ?? 0;
    }
    expect(months).toBe(36);
    expect(delivered).toBeCloseTo(result.kpis.delivered!, 9);
    expect(approved).toBe(result.kpis.approved);
    expect(result.kpis["level.1.months"]).toBeGreaterThan(0);
    expect(result.kpis["level.3.months"]).toBeGreaterThan(0);
    expect(result.meta.tiers).toEqual(["Bronze", "Silver", "Gold", "Platinum"]);
  });

  it("traces on request without changing the results", () => {
    const plain = simulateWith(level3, { seed: 5, replication: 1 }, fakePlatform().factory);
    const traced = simulateWith(level3, { seed: 5, replication: 1, trace: true }, fakePlatform().factory);
    expect(plain.trace).toBeUndefined();
    expect(traced.trace!.length).toBeGreaterThan(100);
    expect(traced.trace!.some((line) => /deliver project-\d+ ttm/.test(line))).toBe(true);
    const { trace: _, ...rest } = traced;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
  });

  it("omits project records when asked", () => {
    const result = simulateWith(
      level3,
      { seed: 1, replication: 0, keepProjects: false },
      fakePlatform().factory,
    );
    expect(result.projects).toEqual([]);
    expect(result.kpis.delivered).toBeGreaterThan(0);
  });

  it("kill-early lowers sunk cost (same seeds)", () => {
    let on = 0;
    let off = 0;
    for (let r = 0; r < 3; r++) {
      const killOn = scenarioSchema.parse(
        merge(presetDocument("level-3")!, { governance: { killEarly: { enabled: true } } }),
      );
      const killOff = scenarioSchema.parse(
        merge(presetDocument("level-3")!, { governance: { killEarly: { enabled: false } } }),
      );
      on += simulateWith(killOn, { seed: 9, replication: r }, fakePlatform().factory).kpis.sunkCost!;
      off += simulateWith(killOff, { seed: 9, replication: r }, fakePlatform().factory).kpis.sunkCost!;
    }
    expect(on).toBeLessThan(off);
  });

  it("describes every KPI, series and sample it produces (real platform)", () => {
    const result = simulate(level2, { seed: 1, replication: 0 });
    const names = [
      ...Object.keys(result.kpis),
      ...Object.keys(result.series),
      ...Object.keys(result.samples),
    ];
    const unknown = names.filter((n) => metricInfo(n).unit === "");
    expect(unknown).toEqual([]);
  });
});
