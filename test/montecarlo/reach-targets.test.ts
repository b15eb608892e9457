/**
 * Delivery targets: the S-curve at the user's thresholds with the P50/P80 months, the paired months of reaching
 * a threshold in a comparison (exact traces by hand), and compareScenarios giving every scenario the same
 * thresholds (checked against the toy model replication by replication).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/montecarlo/compare-scenarios.ts";
import { PairedReach } from "../../src/montecarlo/paired-reach.ts";
import { automaticThresholds, firstMonthAtLeast, ReachCounter } from "../../src/montecarlo/reach-counter.ts";
import type { ReplicationRecord } from "../../src/montecarlo/replication-record.ts";
import { RunAggregator } from "../../src/montecarlo/run-aggregator.ts";
import { simulate, type ToyScenario } from "./fixtures/toy-model.ts";

const model = { module: fileURLToPath(new URL("./fixtures/toy-model.ts", import.meta.url)) };

describe("ReachCounter at chosen thresholds", () => {
  const reach = new ReachCounter("deliveredCumulative");
  for (const series of [
    [0, 4, 9, 12],
    [1, 5, 10, 10],
    [2, 5.5, 12, 15],
    [0, 0, 3, 8],
    [3, 6, 6, 9],
  ])
    reach.add(series);

  it("counts P(series[m] >= N) at the targets and reads the P50 and P80 months off the curve", () => {
    const summary = reach.summaryFor([5, 10, 20], "targets");
    expect(summary.thresholds).toEqual([5, 10, 20]);
    expect(summary.thresholdSource).toBe("targets");
    expect(summary.probability).toEqual([
      [0, 0.6, 0.8, 1],
      [0, 0, 0.4, 0.6],
      [0, 0, 0, 0],
    ]);
    expect(summary.targets).toEqual([
      { threshold: 5, monthP50: 1, monthP80: 2, probabilityByEnd: 1 },
      { threshold: 10, monthP50: 3, monthP80: null, probabilityByEnd: 0.6 },
      { threshold: 20, monthP50: null, monthP80: null, probabilityByEnd: 0 },
    ]);
  });

  it("automatic thresholds keep their old values and now carry their months too", () => {
    const summary = reach.summary(14);
    expect(summary.thresholds).toEqual(automaticThresholds(14));
    expect(summary.thresholdSource).toBe("automatic");
    expect(summary.targets!.map((t) => t.threshold)).toEqual(summary.thresholds);
  });

  it("firstMonthAtLeast is the first month at or above the share, null when none", () => {
    expect(firstMonthAtLeast([0, 0.4, 0.8, 0.9], 0.8)).toBe(2);
    expect(firstMonthAtLeast([0, 0.4], 0.5)).toBeNull();
    // 4/5 computed in floating point still counts as 80%
    expect(firstMonthAtLeast([0, (0.1 + 0.7) / 1], 0.8)).toBe(1);
  });
});

describe("RunAggregator reach targets", () => {
  const record = (replication: number, reached: number[]): ReplicationRecord => ({
    replication,
    seed: 1,
    kpis: {},
    series: { reached },
    samples: {},
    costRows: [],
    events: 0,
  });
  const context = {
    meta: {} as never,
    seed: 1,
    workers: 1,
    elapsedMs: 0,
    stoppedBy: "count" as const,
    describe: (name: string) => ({ label: name, unit: "" }),
  };

  it("uses the targets it is given instead of thresholds chosen from the data", () => {
    const aggregator = new RunAggregator({ reachSeries: "reached", reachTargets: [2, 7] });
    aggregator.add(record(0, [0, 1, 2]));
    aggregator.add(record(1, [0, 2, 4]));
    const reach = aggregator.summarize(context).reach;
    expect(reach.thresholds).toEqual([2, 7]);
    expect(reach.probability).toEqual([
      [0, 0.5, 1],
      [0, 0, 0],
    ]);
    expect(reach.targets).toEqual([
      { threshold: 2, monthP50: 1, monthP80: 2, probabilityByEnd: 1 },
      { threshold: 7, monthP50: null, monthP80: null, probabilityByEnd: 0 },
    ]);
  });

  it("rejects targets that are not whole numbers >= 1", () => {
    expect(() => new RunAggregator({ reachSeries: "reached", reachTargets: [2.5] })).toThrow(
      "reachTargets must be integers >= 1, got 2.5",
    );
    expect(() => new RunAggregator({ reachSeries: "reached", reachTargets: [0] })).toThrow(RangeError);
  });
});

describe("PairedReach", () => {
  it("pairs the first month each scenario reaches a threshold, by replication", () => {
    const pair = new PairedReach();
    // replication 0: baseline reaches 2 in month 2, alternative in month 1 (sooner by 1)
    pair.add([0, 1, 2, 3], [1, 2, 3, 4]);
    // replication 1: baseline reaches 2 in month 1, alternative in month 3 (later by 2)
    pair.add([1, 2, 2, 2], [0, 0, 1, 2]);
    // replication 2: only the alternative reaches 2 (month 0); replication 3: neither does
    pair.add([0, 0, 1, 1], [5, 5, 5, 5]);
    pair.add([0, 0, 0, 1], [0, 0, 0, 1]);
    const d = pair.summary("s", 2, "base", "alt");
    expect(d).toMatchObject({
      series: "s",
      threshold: 2,
      baseline: "base",
      alternative: "alt",
      n: 4,
      nBoth: 2,
      onlyBaseline: 0,
      onlyAlternative: 1,
      meanDifferenceMonths: 0.5,
    });
    // differences -1 and +2: sd = sqrt(4.5), t(0.975, 1) = 12.706
    expect(d.ciHigh - d.ciLow).toBeCloseTo((2 * 12.7062 * Math.sqrt(4.5)) / Math.sqrt(2), 3);
    // sooner in replications 0 and 2, later in 1, tie (neither) in 3
    expect(d.probabilitySooner).toBe((2 + 0.5) / 4);
    // threshold 1: base months 1, 0, 2, 3; alt months 0, 2, 0, 3 -> sooner, later, sooner, tie
    expect(pair.summary("s", 1, "base", "alt")).toMatchObject({ nBoth: 4, probabilitySooner: 2.5 / 4 });
    // a threshold nobody reached is a tie everywhere
    expect(pair.summary("s", 9, "base", "alt")).toMatchObject({ nBoth: 0, probabilitySooner: 0.5 });
    expect(() => pair.summary("s", 1.5, "base", "alt")).toThrow("threshold must be an integer >= 1");
  });
});

describe("compareScenarios delivery targets", () => {
  const baseline: ToyScenario = { name: "baseline", mean: 10, sd: 2 };
  const shorter: ToyScenario = { name: "shorter", mean: 10, sd: 2, months: 8 };

  it("gives every scenario the user's targets and pairs the months against the toy model's own series", async () => {
    const summary = await compareScenarios([baseline, shorter], {
      replications: 12,
      seed: 3,
      workers: 1,
      model,
      reachTargets: [20, 25],
    });
    for (const run of summary.scenarios) {
      expect(run.reach.thresholds).toEqual([20, 25]);
      expect(run.reach.thresholdSource).toBe("targets");
    }
    // the toy model's cumulative series is the same stream in both (the shorter one stops at month 8)
    let reachedBoth = 0;
    let onlyBaseline = 0;
    for (let i = 0; i < 12; i++) {
      const a = simulate(baseline, { seed: 3, replication: i }).series.deliveredCumulative!;
      const b = simulate(shorter, { seed: 3, replication: i }).series.deliveredCumulative!;
      const reach = (s: number[]) => s.findIndex((x) => x >= 25);
      if (reach(a) >= 0 && reach(b) >= 0) reachedBoth++;
      else if (reach(a) >= 0) onlyBaseline++;
    }
    const d40 = summary.reachDifferences!.find((d) => d.threshold === 25)!;
    expect(d40).toMatchObject({
      baseline: "baseline",
      alternative: "shorter",
      n: 12,
      nBoth: reachedBoth,
      onlyBaseline,
      onlyAlternative: 0,
    });
    expect(onlyBaseline).toBeGreaterThan(0);
    // where both reach it they reach it in the same month
    if (reachedBoth > 0) expect(d40.meanDifferenceMonths).toBe(0);
    expect(d40.probabilitySooner).toBeCloseTo((12 - onlyBaseline + 0) / 2 / 12, 12);
  });

  it("without targets, gives both scenarios the same automatic thresholds", async () => {
    const summary = await compareScenarios([baseline, shorter], {
      replications: 8,
      seed: 3,
      workers: 1,
      model,
    });
    const [a, b] = summary.scenarios;
    expect(a!.reach.thresholds.length).toBeGreaterThan(0);
    expect(b!.reach.thresholds).toEqual(a!.reach.thresholds);
    expect(summary.reachDifferences!.map((d) => d.threshold)).toEqual(a!.reach.thresholds);
  });
});
