import { describe, expect, it } from "vitest";
import { createStream, exponential } from "../../engine/index.ts";
import { CostAccumulator } from "../../src/montecarlo/cost-accumulator.ts";
import { niceStep } from "../../src/montecarlo/nice-step.ts";
import { RecordPacker, unpackRecords } from "../../src/montecarlo/packed-batch.ts";
import { quantileSorted } from "../../src/montecarlo/quantile-sorted.ts";
import { ReachCounter } from "../../src/montecarlo/reach-counter.ts";
import type { ReplicationRecord } from "../../src/montecarlo/replication-record.ts";
import { toRecord } from "../../src/montecarlo/replication-record.ts";
import { RunAggregator } from "../../src/montecarlo/run-aggregator.ts";
import { precisionRule } from "../../src/montecarlo/run-options.ts";
import { SAMPLE_BLOCK_REPLICATIONS, SampleAccumulator } from "../../src/montecarlo/sample-accumulator.ts";
import { countBelow, ScalarAccumulator } from "../../src/montecarlo/scalar-accumulator.ts";
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

describe("SampleAccumulator beyond the exact limit", () => {
  // 57 replications of 300 values: 5 full blocks of 10 replications and a block of 7 still being filled
  const draw = exponential(createStream(2, 0, "samples"), 0.01);
  const replications = Array.from({ length: 57 }, () => Float64Array.from({ length: 300 }, () => draw()));
  const sorted = Float64Array.from(replications.flatMap((values) => Array.from(values))).sort();

  it("estimates quantiles from block digests, unchanged by asking for a summary midway", () => {
    expect(57 % SAMPLE_BLOCK_REPLICATIONS).not.toBe(0);
    const asked = new SampleAccumulator(1_000);
    const quiet = new SampleAccumulator(1_000);
    replications.forEach((values, r) => {
      asked.addAll(values);
      quiet.addAll(values);
      // summaries in the exact phase, right after leaving it, mid-block and at a block boundary
      if ([2, 3, 14, 19].includes(r)) asked.summary("ttm", info);
    });
    const summary = quiet.summary("ttm", info);
    expect(asked.summary("ttm", info)).toEqual(summary);
    expect(summary.n).toBe(sorted.length);
    expect(summary.min).toBe(sorted[0]);
    expect(summary.max).toBe(sorted.at(-1));
    for (const [p, q] of [
      ["p5", 0.05],
      ["p50", 0.5],
      ["p80", 0.8],
      ["p95", 0.95],
    ] as const) {
      const rankError = Math.abs(countBelow(sorted, summary[p]) / sorted.length - q);
      expect(rankError, p).toBeLessThan(0.005);
    }
  });

  it("gives the exact figures while within the limit", () => {
    const acc = new SampleAccumulator(sorted.length);
    for (const values of replications) acc.addAll(values);
    const summary = acc.summary("ttm", info);
    expect(summary.p50).toBe(quantileSorted(sorted, 0.5));
    expect(summary.histogram.counts.reduce((a, b) => a + b, 0)).toBe(sorted.length);
  });
});

describe("keyed cost rows", () => {
  it("cross a structured clone and sum to the same mean rows as the objects", () => {
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
    const result = (costRows: CostRow[]) =>
      ({ replication: 0, seed: 1, kpis: {}, series: {}, samples: {}, costRows, events: 0 }) as never;
    const packer = new RecordPacker();
    packer.add(result(rows));
    packer.add(result(rows.slice(1)));
    const packed = packer.finish();
    expect(packed.costs.rows.shape).toHaveLength(3);
    expect([...packed.costs.slots]).toEqual([0, 1, 2, 1, 2]);
    const [a, b] = unpackRecords(structuredClone(packed)).map((record) => record.costRows);
    if (a === undefined || b === undefined || Array.isArray(a) || Array.isArray(b))
      throw new Error("not keyed");
    expect(a.table).toBe(b.table);
    const keyed = new CostAccumulator();
    keyed.add(a);
    keyed.add(b);
    const objects = new CostAccumulator();
    objects.add(rows);
    objects.add(rows.slice(1));
    expect(keyed.meanRows()).toEqual(objects.meanRows());
    expect(keyed.meanRows()[0]!.billedCost).toBe(10.5 / 2);
  });
});

describe("toRecord", () => {
  it("keeps the result's own arrays", () => {
    const result = {
      replication: 3,
      seed: 7,
      kpis: { delivered: 2 },
      series: { delivered: [1, 1] },
      samples: { timeToMarketDays: [30, 40] },
      costRows: [],
      events: 9,
    } as unknown as Parameters<typeof toRecord>[0];
    const plain = toRecord(result);
    expect(plain.series.delivered).toBe(result.series.delivered);
    expect(plain.samples.timeToMarketDays).toBe(result.samples.timeToMarketDays);
    expect(plain.costRows).toBe(result.costRows);
  });
});

describe("RunAggregator reach", () => {
  const record = (replication: number, reached: number[]): ReplicationRecord => ({
    replication,
    seed: 1,
    kpis: { done: reached.at(-1)! },
    series: { reached, other: [5, 5, 5] },
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

  it("counts the series it is given and names no series of its own", () => {
    const named = new RunAggregator({ reachSeries: "reached" });
    const anonymous = new RunAggregator();
    for (const [i, values] of [
      [0, 1, 2],
      [0, 2, 4],
    ].entries()) {
      named.add(record(i, values));
      anonymous.add(record(i, values));
    }
    const reach = named.summarize(context).reach;
    expect(reach.series).toBe("reached");
    expect(reach.thresholds).toEqual([1, 2, 3]);
    expect(reach.probability[1]).toEqual([0, 0.5, 1]);
    expect(anonymous.summarize(context).reach).toEqual({ series: "", thresholds: [], probability: [] });
  });
});

describe("precisionRule", () => {
  it("waits for the default KPIs the model reports, else for every KPI without a dot", () => {
    const accumulators = new Map<string, ScalarAccumulator>();
    for (const name of ["wide", "narrow", "a.b"]) accumulators.set(name, new ScalarAccumulator(100));
    for (const x of [90, 110, 95, 105]) accumulators.get("wide")!.add(x);
    for (const x of [100, 100.1, 99.9, 100]) accumulators.get("narrow")!.add(x);
    for (const x of [1, 1000, 3, 7]) accumulators.get("a.b")!.add(x);
    const rule = (defaults: readonly string[]) =>
      precisionRule(
        { relativeHalfWidth: 0.01, minReplications: 2 },
        (name) => accumulators.get(name),
        () => [...accumulators.keys()],
        defaults,
      )!;
    expect(rule(["narrow", "missing"])(4)).toBe(true);
    expect(rule(["wide", "narrow"])(4)).toBe(false);
    // none of the defaults reported: every KPI without a dot, so the wide one decides
    expect(rule(["missing"])(4)).toBe(false);
    expect(rule(["narrow"])(1)).toBe(false);
  });
});
