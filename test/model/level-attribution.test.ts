import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/model/simulate.ts";
import { loadScenario } from "../../src/scenario/load.ts";

describe("per-level attribution with investments apart (issue 10, point 5)", async () => {
  const loaded = await loadScenario(
    fileURLToPath(new URL("../../scenarios/financial-services.yaml", import.meta.url)),
  );
  if (!loaded.ok) throw new Error("financial-services.yaml must validate");
  const { kpis } = simulate(loaded.scenario, { seed: 7, replication: 0 });

  it("operating cost is the level's cost without the roadmap investments charged in its months", () => {
    for (const level of [1, 2, 3]) {
      const total = kpis[`level.${level}.cost.total`];
      if (total === undefined) continue;
      expect(kpis[`level.${level}.operatingCost`]! + kpis[`level.${level}.cost.investment`]!).toBeCloseTo(
        total,
        6,
      );
    }
  });

  it("level 1, which pays for the roadmap before its effects, looks less ruinous once investments are apart", () => {
    expect(kpis["level.1.cost.investment"]).toBeGreaterThan(0);
    expect(kpis["level.1.operatingRoi"]!).toBeGreaterThan(kpis["level.1.roi"]!);
  });
});
