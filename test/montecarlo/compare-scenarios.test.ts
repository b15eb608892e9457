import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/montecarlo/compare-scenarios.ts";
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import type { ToyScenario } from "./fixtures/toy-model.ts";

const model = { module: fileURLToPath(new URL("./fixtures/toy-model.ts", import.meta.url)) };
const baseline: ToyScenario = { name: "baseline", mean: 10, sd: 2 };
const better: ToyScenario = { name: "better", mean: 10, sd: 2, effect: 0.5 };

function withoutTimes(summary: CompareSummary): unknown {
  return { ...summary, scenarios: summary.scenarios.map(({ elapsedMs: _e, workers: _w, ...rest }) => rest) };
}

describe("compareScenarios", () => {
  it("pairs replications on common random numbers and reports CI and probability of being better", async () => {
    const summary = await compareScenarios([baseline, better], {
      replications: 200,
      seed: 8,
      workers: 1,
      model,
    });
    expect(summary.scenarios.map((s) => s.meta.scenarioName)).toEqual(["baseline", "better"]);
    expect(summary.replications).toBe(200);
    const diff = summary.differences.find((d) => d.name === "throughput")!;
    expect(diff).toMatchObject({ baseline: "baseline", alternative: "better", n: 200 });
    expect(diff.meanDifference).toBeCloseTo(diff.meanAlternative - diff.meanBaseline, 10);
    // d = 0.5 (1 + 0.1 z): mean 0.5, sd 0.05, so the CI is narrow and contains 0.5
    expect(diff.ciLow).toBeLessThan(0.5);
    expect(diff.ciHigh).toBeGreaterThan(0.5);
    expect(diff.ciHigh - diff.ciLow).toBeLessThan(0.05);
    expect(diff.probabilityBetter).toBe(1);
    // identical KPIs (same streams, no effect) tie everywhere: ties count half
    const same = summary.differences.find((d) => d.name === "deliveredTotal")!;
    expect(same).toMatchObject({ meanDifference: 0, ciLow: 0, ciHigh: 0, probabilityBetter: 0.5 });
  });

  it("follows MetricInfo.better for the probability", async () => {
    const summary = await compareScenarios([baseline, better], {
      replications: 20,
      seed: 8,
      workers: 1,
      model,
      describe: (name) => ({ label: name, unit: "", better: "lower" }),
    });
    expect(summary.differences.find((d) => d.name === "throughput")!.probabilityBetter).toBe(0);
  });

  it("common random numbers shrink the CI of the difference against independent seeds (crnEffect)", async () => {
    const summary = await compareScenarios([baseline, better], {
      replications: 300,
      seed: 4,
      workers: 1,
      model,
      crnCheck: { kpi: "throughput" },
    });
    const effect = summary.crnEffect!;
    expect(effect.kpi).toBe("throughput");
    // CRN: sd(d) = 0.05; independent: sd(d) = sqrt(2 * 2^2) = 2.8, so the half-width shrinks ~50x
    expect(effect.halfWidthCommon).toBeLessThan(effect.halfWidthIndependent / 10);
    const diff = summary.differences.find((d) => d.name === "throughput")!;
    expect(effect.halfWidthCommon).toBeCloseTo((diff.ciHigh - diff.ciLow) / 2, 12);
    expect(effect.halfWidthIndependent).toBeGreaterThan(0.2);
    expect(effect.halfWidthIndependent).toBeLessThan(0.5);
  });

  it("is identical for 1 and 2 workers and rejects fewer than two scenarios", async () => {
    const one = await compareScenarios([baseline, better], {
      replications: 30,
      seed: 2,
      workers: 1,
      batchSize: 4,
      model,
    });
    const two = await compareScenarios([baseline, better], {
      replications: 30,
      seed: 2,
      workers: 2,
      batchSize: 7,
      model,
    });
    expect(withoutTimes(two)).toEqual(withoutTimes(one));
    await expect(compareScenarios([baseline], { model })).rejects.toThrow(/at least 2 scenarios/);
  });
});
