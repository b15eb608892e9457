/**
 * Production models that retire (issue 10, point 4: a lifetime per model, off by default) leave the platform:
 * they are no longer served, billed a tier fee or failed.
 */
import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { simulate } from "../../../src/model/simulate.ts";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { parseScenario } from "../../../src/scenario/load.ts";
import type { Scenario } from "../../../src/scenario/schema.ts";
import { fakePlatform } from "../fake-platform.ts";

function scenario(lifetime: string): Scenario {
  const result = parseScenario(
    `extends: [level-3, demand-level-3]\nhorizonMonths: 18\nlifecycle:\n  production:\n    lifetimeMonths: ${lifetime}\n`,
    { file: "retire.yaml" },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe("retired production models leave the platform", () => {
  const options = { seed: 4, replication: 0 };
  const never = simulate(scenario("never"), options);
  const short = simulate(scenario("{ dist: constant, value: 3 }"), options);

  it("the platform serves only the models still in production", () => {
    const live = short.series.productionModels!.at(-1)!;
    expect(short.kpis["serving.models"]).toBe(live);
    expect(short.kpis["serving.models"]!).toBeLessThan(never.kpis["serving.models"]!);
    expect(never.kpis["serving.models"]).toBe(never.series.productionModels!.at(-1));
  });

  it("their tier fees and serving cost stop: both lower than with models that never retire", () => {
    expect(short.kpis["tiers.cost"]!).toBeLessThan(0.6 * never.kpis["tiers.cost"]!);
    expect(short.kpis["serving.cost"]!).toBeLessThan(never.kpis["serving.cost"]!);
  });

  it("production hands each model to the platform's removal when it retires, and only then", () => {
    const log = { jobs: [], models: [], closedMonths: [], finished: 0, removed: [] as number[] };
    const result = simulateWith(scenario("{ dist: constant, value: 3 }"), options, fakePlatform(log).factory);
    const horizon = 18 * DAYS_PER_MONTH;
    const expected = result.projects
      .filter((p) => p.deliveryDay !== undefined && p.deliveryDay + 3 * DAYS_PER_MONTH <= horizon)
      .sort((a, b) => a.deliveryDay! - b.deliveryDay! || a.id - b.id)
      .map((p) => p.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(log.removed).toEqual(expected);
    const none = { jobs: [], models: [], closedMonths: [], finished: 0, removed: [] as number[] };
    simulateWith(scenario("never"), options, fakePlatform(none).factory);
    expect(none.removed).toEqual([]);
  });
});
