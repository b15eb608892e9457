/**
 * The Monte Carlo layer on the real model (src/model/simulate.ts, the default replication function) with the
 * level-3 preset: few replications, because one level-3 replication takes a sizeable fraction of a second.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/model/simulate.ts";
import { compareScenarios } from "../../src/montecarlo/compare-scenarios.ts";
import { replay } from "../../src/montecarlo/replay.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";

function preset(name: string): Scenario {
  const loaded = parseScenario(`extends: ${name}\n`, { file: `(preset ${name})` });
  if (!loaded.ok) throw new Error(`preset ${name} does not validate`);
  return loaded.scenario;
}

function comparable(summary: RunSummary): unknown {
  const { elapsedMs: _elapsed, workers: _workers, ...rest } = summary;
  return rest;
}

describe("Monte Carlo on the level-3 preset", () => {
  const level3 = preset("level-3");

  it("is identical in-process and on 2 worker threads, and summarises the model's outputs", async () => {
    const inProcess = await runScenario(level3, { replications: 4, seed: 11, workers: 1, batchSize: 4 });
    const threads = await runScenario(level3, { replications: 4, seed: 11, workers: 2, batchSize: 1 });
    expect(comparable(threads)).toEqual(comparable(inProcess));
    expect(inProcess.meta.scenarioName).toBe(level3.name);
    expect(inProcess.kpis.delivered).toMatchObject({ name: "delivered", n: 4 });
    // labels and units come from the model's catalogue; the reach S-curve counts the series it declares
    expect(inProcess.kpis.roi).toMatchObject({
      label: "ROI (value / cost)",
      unit: "multiple",
      better: "higher",
    });
    expect(inProcess.series["cost.people"]).toMatchObject({ label: "Cost: people", unit: "currency" });
    expect(inProcess.reach.series).toBe("deliveredCumulative");
    const cumulative = inProcess.series.deliveredCumulative!;
    expect(cumulative.months).toBe(level3.horizonMonths);
    expect(inProcess.reach.thresholds.length).toBeGreaterThan(0);
    expect(inProcess.costRows.length).toBeGreaterThan(0);
    // the mean of the cost rows is the mean of each replication's own total
    const totals = [0, 1, 2, 3].map((r) =>
      simulate(level3, { seed: 11, replication: r }).costRows.reduce((sum, row) => sum + row.billedCost, 0),
    );
    const meanRows = inProcess.costRows.reduce((sum, row) => sum + row.billedCost, 0);
    expect(meanRows).toBeCloseTo(totals.reduce((a, b) => a + b, 0) / 4, 4);
  });

  it("replay reruns one replication alone with its trace, identical to the pooled one", () => {
    const result = replay(level3, { seed: 11, replication: 2 });
    expect(result.replication).toBe(2);
    expect(result.trace!.length).toBeGreaterThan(0);
    expect(result.kpis).toEqual(simulate(level3, { seed: 11, replication: 2 }).kpis);
  });

  it("compares two presets on common random numbers", async () => {
    const summary = await compareScenarios([preset("level-2"), level3], {
      replications: 3,
      seed: 5,
      workers: 1,
    });
    expect(summary.scenarios).toHaveLength(2);
    const delivered = summary.differences.find((d) => d.name === "delivered")!;
    expect(delivered.n).toBe(3);
    expect(delivered.meanDifference).toBeCloseTo(delivered.meanAlternative - delivered.meanBaseline, 8);
  });
});
