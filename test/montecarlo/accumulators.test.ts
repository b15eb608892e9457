import { describe, expect, it } from "vitest";
import { createStream, exponential } from "../../engine/index.ts";
import { CostAccumulator } from "../../src/montecarlo/cost-accumulator.ts";
import { niceStep } from "../../src/montecarlo/nice-step.ts";
import { ReachCounter } from "../../src/montecarlo/reach-counter.ts";
import { packCostRows, unpackCostRows } from "../../src/montecarlo/replication-record.ts";
import { SampleAccumulator } from "../../src/montecarlo/sample-accumulator.ts";
import { SeriesAccumulator } from "../../src/montecarlo/series-accumulator.ts";
import type { CostRow } from "../../src/montecarlo/types.ts";

const info = { label: "x", unit: "days" };

describe("ReachCounter", () => {
  it("counts P(series[m] >= N) exactly for round thresholds up to the final P95", () => {
    const reach = new ReachCounter("deliveredCumulative");
    // four replications of a 3-month cumulative series
    for (const series of [
      [0, 4, 9],
      [1, 5, 10],
      [2, 5.5, 12],
      [0, 0, 3],
    ]) {
      reach.add(series);
    }
    const summary = reach.summary(11.7);
    expect(summary.thresholds).toEqual([5, 10]);
    expect(summary.probability).toEqual([
      [0, 0.5, 0.75],
      [0, 0, 0.5],
    ]);
    expect(reach.summary(0.4).thresholds).toEqual([1]);
    expect(new ReachCounter("s").summary(10)).toEqual({ series: "s", thresholds: [], probability: [] });
  });
});

describe("CostAccumulator", () => {
  const row = (month: number, resourceId: string, billedCost: number): CostRow => ({
    month,
    billedCost,
    effectiveCost: billedCost,
    listCost: billedCost,
    serviceCategory: "Compute",
    serviceName: "GPU",
    resourceId,
    subAccountId: "t",
    consumedQuantity: 1,
    consumedUnit: "Hours",
    pricingCategory: "Standard",
    xCostCategory: "compute",
  });

  it("averages rows by key over all replications, a missing row counting as zero, sorted by month then key", () => {
    const costs = new CostAccumulator();
    costs.add([row(1, "b", 10), row(0, "a", 4)]);
    costs.add([row(0, "a", 6)]);
    const rows = costs.meanRows();
    expect(rows.map((r) => [r.month, r.resourceId, r.billedCost, r.consumedQuantity])).toEqual([
      [0, "a", 5, 1],
      [1, "b", 5, 0.5],
    ]);
  });
});

describe("SeriesAccumulator", () => {
  it("summarises each month, with shorter series leaving later months unobserved", () => {
    const series = new SeriesAccumulator();
    series.add([1, 2, 3]);
    series.add([3, 4]);
    const summary = series.summary("s", info);
    expect(summary).toMatchObject({ months: 3, n: 2, mean: [2, 3, 3], min: [1, 2, 3], max: [3, 4, 3] });
    expect(summary.p50).toEqual([2, 3, 3]);
  });
});

describe("SampleAccumulator", () => {
  it("histogram counts add up to n in exact and in t-digest mode, on nice bin edges", () => {
    const draw = exponential(createStream(1, 0, "samples"), 0.01);
    const values = Array.from({ length: 30_000 }, () => draw());
    for (const limit of [100_000, 1_000]) {
      const acc = new SampleAccumulator(limit);
      acc.addAll(values);
      const summary = acc.summary("ttm", info);
      const { edges, counts } = summary.histogram;
      expect(counts.reduce((a, b) => a + b, 0)).toBe(30_000);
      expect(edges[0]!).toBeLessThanOrEqual(summary.min);
      expect(edges.at(-1)!).toBeGreaterThanOrEqual(summary.max);
      const step = edges[1]! - edges[0]!;
      expect(niceStep(step)).toBeCloseTo(step, 9);
      // exponential with mean 100: P80 = 100 ln 5 = 160.9
      expect(summary.p80).toBeGreaterThan(150);
      expect(summary.p80).toBeLessThan(172);
      expect(summary.mean).toBeCloseTo(100, -1);
    }
  });
});

describe("niceStep", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0.37, 1, 1.1, 3, 7, 130, 0.3 / 0.1].map(niceStep)).toEqual([0.5, 1, 2, 5, 10, 200, 5]);
    expect(niceStep(0)).toBe(1);
  });
});

describe("packed cost rows", () => {
  it("round-trip through packCostRows / unpackCostRows and a structured clone unchanged", () => {
    const rows: CostRow[] = [0, 1, 2].map((month) => ({
      month,
      billedCost: 10.5 + month,
      effectiveCost: 9.25,
      listCost: 12,
      serviceCategory: "AI and Machine Learning",
      serviceName: month === 1 ? "Serving" : "Training",
      resourceId: `cluster-${month}`,
      subAccountId: "tenant-a",
      consumedQuantity: 3 * month,
      consumedUnit: "Hours",
      pricingCategory: month === 2 ? "Committed" : "Standard",
      xCostCategory: "compute",
    }));
    const packed = packCostRows(rows);
    expect(packed.strings.length).toBeLessThan(rows.length * 7);
    expect(unpackCostRows(structuredClone(packed))).toEqual(rows);
    const costs = new CostAccumulator();
    costs.add(packed);
    expect(costs.meanRows()).toEqual(rows);
  });
});
