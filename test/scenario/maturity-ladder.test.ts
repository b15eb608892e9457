import { describe, expect, it } from "vitest";
import { demandProfiles, profileIdeasPerMonth } from "../../src/scenario/demand-profiles.ts";
import { parseScenario } from "../../src/scenario/load.ts";
import { maturityLadder, staffCostPerYear } from "../../src/scenario/maturity-ladder.ts";
import { deliveryPresets } from "../../src/scenario/presets/delivery-presets.ts";
import { presetNames } from "../../src/scenario/presets/index.ts";

function scenario(text: string) {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe("demand is its own axis (issue 10, point 1)", () => {
  it("the maturity presets set no demand; the old per-level rates survive as profiles (1, 2, 6, 18, 32 a month)", () => {
    for (const level of ["level-1", "level-2", "level-3", "level-4", "level-5"])
      expect(Object.hasOwn(deliveryPresets[level]!.document, "demand")).toBe(false);
    expect(Object.keys(demandProfiles).map(profileIdeasPerMonth)).toEqual([1, 2, 6, 18, 32]);
    expect(presetNames()).toContain("demand-level-3");
  });

  it("a scenario picks its demand apart from its maturity: level-5 mechanisms on level-3 demand", () => {
    const s = scenario("extends: [level-5, demand-level-3]\n");
    expect(s.demand.businessUnits.map((u) => u.ratePerMonth)).toEqual([1.5, 1.5, 1.5, 1.5]);
    expect(s.lifecycle.library.initialCompleteness).toBe(0.95);
    // without a profile a level runs on the schema's default demand, not on the level's old rate
    expect(scenario("extends: level-5\n").demand.businessUnits.map((u) => u.ratePerMonth)).toEqual([1]);
  });
});

describe("maturityLadder", () => {
  const base = scenario("extends: [level-3, demand-level-3]\nname: base\nhorizonMonths: 24\n");
  const ladder = maturityLadder(base);

  it("runs every level on the base's demand, finance and horizon, with no roadmap", () => {
    expect(ladder.rungs.map((r) => r.preset)).toEqual([
      "level-1",
      "level-2",
      "level-3",
      "level-4",
      "level-5",
    ]);
    for (const rung of ladder.rungs) {
      expect(rung.scenario.demand).toEqual(base.demand);
      expect(rung.scenario.finance).toEqual(base.finance);
      expect(rung.scenario.horizonMonths).toBe(24);
      expect(rung.scenario.roadmap.investments).toEqual([]);
    }
  });

  it("scales every level's headcount to the base's staff budget (within the rounding of team counts)", () => {
    expect(ladder.budgetPerYear).toBe(staffCostPerYear(base));
    expect(ladder.budgetPerYear).toBe(16 * 200_000 + 6 * 6 * 170_000);
    for (const rung of ladder.rungs)
      expect(Math.abs(rung.staffCostPerYear / ladder.budgetPerYear - 1)).toBeLessThan(0.1);
    // level 1 keeps its structure (dedicated teams, no hub) and spends the budget on more of them
    expect(ladder.rungs[0]!.scenario.organisation.hub.fte).toBe(0);
    expect(ladder.rungs[0]!.scenario.organisation.pilotTeams.maxConcurrent).toBe(21);
  });

  it("lists the mechanisms that differ, derived from the rungs: never demand or finance, never a shared value", () => {
    const paths = ladder.mechanisms.map((m) => m.path);
    expect(paths).toContain("lifecycle.featureStore.enabled");
    expect(paths).toContain("governance.automatedValidationSaving");
    expect(paths).toContain("platform.serving.mode");
    expect(paths.some((p) => p.startsWith("demand") || p.startsWith("finance"))).toBe(false);
    expect(paths).not.toContain("lifecycle.featureStore.families");
    const store = ladder.mechanisms.find((m) => m.path === "lifecycle.featureStore.enabled")!;
    expect(store.values).toEqual(["false", "false", "true", "true", "true"]);
  });

  it("refuses a base without staff unless a budget is given", () => {
    const empty = scenario("extends: level-1\norganisation: { pilotTeams: { maxConcurrent: 0 } }\n");
    expect(() => maturityLadder(empty)).toThrow(/positive staff budget/);
    expect(maturityLadder(empty, { budgetPerYear: 1_000_000 }).budgetPerYear).toBe(1_000_000);
  });
});
