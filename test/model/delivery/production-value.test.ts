import { describe, expect, it } from "vitest";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { terminalValue } from "../../../src/model/terminal-value.ts";
import { fakePlatform } from "../fake-platform.ts";
import { scenario } from "../scenario-fixture.ts";

// one slot, constant 56-day projects, 120 000 a year per model (10 000 a month), no ramp, no retraining
const run = (over: Record<string, unknown> = {}) =>
  simulateWith(scenario({ horizonMonths: 24, ...over }), { seed: 3, replication: 0 }, fakePlatform().factory);

describe("value that diminishes, retires and outlives the horizon (issue 10 point 4)", () => {
  it("diminishing returns: the k-th model of a unit is worth 1 / (1 + (k - 1) / n) of the first", () => {
    const full = run();
    const halving = run({ lifecycle: { production: { valueHalvingRank: 1 } } });
    expect(halving.kpis.delivered).toBe(full.kpis.delivered);
    expect(halving.kpis.value!).toBeLessThan(full.kpis.value!);
    // the first model is worth the same in both runs: its month of go-live onwards at 10 000 a month
    const firstMonthFull = full.series.value!.findIndex((v) => v > 0);
    expect(halving.series.value![firstMonthFull]).toBeCloseTo(full.series.value![firstMonthFull]!, 6);
    // with n = 1 the marginal model's value falls as 1/k: 12 delivered models yield less than 4x the first
    const live = full.kpis.productionModels!;
    expect(live).toBeGreaterThan(4);
    const lastFull = full.series.value!.at(-1)!;
    const lastHalving = halving.series.value!.at(-1)!;
    let harmonic = 0;
    for (let k = 1; k <= live; k++) harmonic += 1 / k;
    expect(lastHalving / lastFull).toBeCloseTo(harmonic / live, 6);
  });

  it("retirement: models stop yielding value after their lifetime and leave the production count", () => {
    const forever = run();
    const three = run({ lifecycle: { production: { lifetimeMonths: { dist: "constant", value: 3 } } } });
    expect(three.kpis.retiredModels!).toBeGreaterThan(0);
    expect(three.kpis.productionModels).toBe(three.kpis.delivered! - three.kpis.retiredModels!);
    expect(three.kpis.productionModels!).toBeLessThanOrEqual(2);
    expect(three.kpis.value!).toBeLessThan(forever.kpis.value!);
    expect(forever.kpis.retiredModels).toBe(0);
  });

  it("terminal value: the models live at the horizon carry their monthly value past it", () => {
    const none = run();
    expect(none.kpis.terminalValue).toBe(0);
    const tv = run({ finance: { terminalValueMonths: 12, discountRatePerYear: 0 } });
    expect(tv.kpis.terminalValue).toBeCloseTo(tv.kpis.productionModels! * 10_000 * 12, 6);
    expect(tv.kpis["npv.withTerminalValue"]).toBeCloseTo(tv.kpis.npv! + tv.kpis.terminalValue!, 6);
    // a lifetime of 3 months bounds the tail: no model carries more than 3 months past the horizon
    const bounded = run({
      finance: { terminalValueMonths: 12, discountRatePerYear: 0 },
      lifecycle: { production: { lifetimeMonths: { dist: "constant", value: 3 } } },
    });
    expect(bounded.kpis.terminalValue!).toBeLessThanOrEqual(
      bounded.kpis.productionModels! * 10_000 * 3 + 1e-6,
    );
  });

  it("terminalValue discounts month by month like the NPV and stops at retirement", () => {
    expect(terminalValue([{ monthlyValue: 100, retireDay: Number.POSITIVE_INFINITY }], 0, 2, 0)).toBeCloseTo(
      200,
      9,
    );
    const r = 0.08;
    const m = (1 + r) ** (1 / 12);
    expect(terminalValue([{ monthlyValue: 100, retireDay: Number.POSITIVE_INFINITY }], 0, 1, r)).toBeCloseTo(
      100 / m,
      9,
    );
    const halfMonth = 365.25 / 12 / 2;
    expect(terminalValue([{ monthlyValue: 100, retireDay: halfMonth }], 0, 3, 0)).toBeCloseTo(50, 9);
  });
});
