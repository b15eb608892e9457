import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runMaturityLadder } from "../../src/montecarlo/maturity-ladder-run.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import { loadScenario } from "../../src/scenario/load.ts";

const scenarioFile = (name: string) =>
  fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url));

async function load(name: string) {
  const loaded = await loadScenario(scenarioFile(name));
  if (!loaded.ok) throw new Error(`${name} must validate`);
  return loaded.scenario;
}

describe("runMaturityLadder (issue 10, points 1 and 6)", async () => {
  const options = { replications: 4, seed: 2026, workers: 1 };
  const ladder = await runMaturityLadder(await load("level-3"), options);
  const row = (level: number) => ladder.rows[level - 1]!;

  it("runs the levels through compareScenarios on common random numbers, level 1 as the baseline", () => {
    expect(ladder.compare.scenarios.map((s) => s.meta.scenarioName)).toEqual(
      ladder.rows.map((r) => r.preset),
    );
    expect(ladder.compare.seed).toBe(2026);
    expect(ladder.compare.differences.every((d) => d.baseline === "level-1")).toBe(true);
    // common random numbers: every level sees the same ideas (same arrival streams, same demand)
    const ideas = ladder.compare.scenarios.map((s) => s.kpis.ideas!.mean);
    expect(new Set(ideas).size).toBe(1);
  });

  it("under equal demand the levels above 3 barely out-deliver level 3 (with their own profiles: 3x and 5x)", async () => {
    expect(row(5).means.deliveredPerYear! / row(3).means.deliveredPerYear!).toBeLessThan(1.2);
    const own = await runScenario(await load("level-5"), options);
    const own3 = await runScenario(await load("level-3"), options);
    expect(own.kpis.deliveredPerYear!.mean / own3.kpis.deliveredPerYear!.mean).toBeGreaterThan(3);
  });

  it("computes the level-1 reference cost per project from the level-1 rung, not from a constant", () => {
    const first = ladder.compare.scenarios[0]!.kpis;
    expect(ladder.level1CostPerProject).toBe(first["cost.total"]!.mean / first.delivered!.mean);
    expect(ladder.level1CostPerProject).not.toBe(500_000);
    expect(row(1).costVsLevel1).toBe(1);
    // the maturity gradient of cost per project survives equal demand, but is far flatter than 0.31 at level 5
    expect(row(3).costVsLevel1).toBeLessThan(row(1).costVsLevel1);
    expect(row(5).costVsLevel1).toBeGreaterThan(0.45);
    expect(ladder.compare.scenarios[0]!.kpis.costEfficiencyVsLevel1).toBeUndefined();
  });
});
