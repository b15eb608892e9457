import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { replay } from "../../src/montecarlo/replay.ts";
import { ReplicationError } from "../../src/montecarlo/replication-error.ts";
import { ReplicationPool } from "../../src/montecarlo/replication-pool.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import { simulate, type ToyScenario } from "./fixtures/toy-model.ts";

const model = { module: fileURLToPath(new URL("./fixtures/toy-model.ts", import.meta.url)) };
const toy: ToyScenario = { name: "toy", mean: 10, sd: 2, months: 12 };

/** The summary without the fields that legitimately differ between runs (wall time, worker count). */
function comparable(summary: RunSummary): Omit<RunSummary, "elapsedMs" | "workers"> {
  const { elapsedMs: _elapsed, workers: _workers, ...rest } = summary;
  return rest;
}

describe("runScenario", () => {
  it("gives identical summaries for 1, 2 and 4 workers and any batch size", async () => {
    const reference = await runScenario(toy, {
      replications: 97,
      seed: 42,
      workers: 1,
      batchSize: 97,
      model,
    });
    expect(reference.replications).toBe(97);
    expect(reference.stoppedBy).toBe("count");
    for (const [workers, batchSize] of [
      [1, 1],
      [2, 7],
      [4, 3],
      [2, 50],
    ] as const) {
      const summary = await runScenario(toy, { replications: 97, seed: 42, workers, batchSize, model });
      expect(summary.workers).toBe(workers);
      expect(comparable(summary), `workers ${workers}, batch ${batchSize}`).toEqual(comparable(reference));
    }
  });

  it("pools samples beyond the exact limit identically in-process, on 1 or 2 workers and any batch size", async () => {
    const options = { replications: 43, seed: 8, model, sampleExactLimit: 50 };
    const pool = new ReplicationPool(1, { inProcess: true });
    const reference = await runScenario(toy, { ...options, pool, batchSize: 43 });
    await pool.destroy();
    expect(reference.samples.timeToMarketDays!.n).toBeGreaterThan(50);
    for (const [workers, batchSize] of [
      [1, 4],
      [2, 3],
      [2, 10],
    ] as const) {
      const summary = await runScenario(toy, { ...options, workers, batchSize });
      expect(comparable(summary), `workers ${workers}, batch ${batchSize}`).toEqual(comparable(reference));
    }
  });

  it("depends on the seed", async () => {
    const a = await runScenario(toy, { replications: 20, seed: 1, workers: 1, model });
    const b = await runScenario(toy, { replications: 20, seed: 2, workers: 1, model });
    expect(a.kpis.throughput!.mean).not.toBe(b.kpis.throughput!.mean);
  });

  it("summarises KPIs, series, pooled samples, reach and mean cost rows", async () => {
    const summary = await runScenario(toy, { replications: 400, seed: 9, workers: 1, model });
    const throughput = summary.kpis.throughput!;
    expect(throughput).toMatchObject({ name: "throughput", n: 400, method: "exact" });
    expect(Math.abs(throughput.mean - 10)).toBeLessThan(3 * (2 / Math.sqrt(400)));
    expect(throughput.p5).toBeLessThan(throughput.p50);
    // NaN KPIs are skipped, not averaged
    expect(summary.kpis.ratio!.n).toBe(0);
    const delivered = summary.series.deliveredCumulative!;
    expect(delivered.months).toBe(12);
    expect(delivered.n).toBe(400);
    // floor(6u) has mean 2.5 per month
    expect(delivered.mean[11]).toBeGreaterThan(12 * 2.5 - 1.5);
    expect(delivered.mean[11]).toBeLessThan(12 * 2.5 + 1.5);
    const ttm = summary.samples.timeToMarketDays!;
    expect(ttm.n).toBe(2000);
    expect(ttm.histogram.counts.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(ttm.histogram.edges.length).toBe(ttm.histogram.counts.length + 1);
    expect(ttm.p80).toBeGreaterThan(ttm.p75);
    expect(summary.reach.series).toBe("deliveredCumulative");
    expect(summary.reach.thresholds.length).toBeGreaterThan(0);
    expect(summary.reach.thresholds.at(-1)!).toBeLessThanOrEqual(delivered.p95[11]!);
    // counted exactly: the share of replications at or above 10 in the final month
    const row = summary.reach.probability[summary.reach.thresholds.indexOf(10)]!;
    expect(row[0]).toBe(0);
    for (let m = 1; m < 12; m++) expect(row[m]!).toBeGreaterThanOrEqual(row[m - 1]!);
    expect(summary.costRows).toHaveLength(12);
    expect(summary.costRows[11]!.billedCost).toBeCloseTo(1000 + delivered.mean[11]!, 8);
  });

  it("reports a failing replication by index and seed, and replay reproduces it alone", async () => {
    const failing: ToyScenario = { ...toy, failAt: 13 };
    for (const workers of [1, 2]) {
      const error = await runScenario(failing, {
        replications: 40,
        seed: 5,
        workers,
        batchSize: 4,
        model,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ReplicationError);
      const failure = error as ReplicationError;
      expect(failure.replication).toBe(13);
      expect(failure.seed).toBe(5);
      expect(failure.scenario).toBe("toy");
      expect((failure.cause as Error).message).toBe("toy failure in replication 13");
      expect(failure.message).toMatch(/replication 13 .*seed 5/);
      expect(() =>
        replay(failing, { seed: failure.seed, replication: failure.replication, simulate }),
      ).toThrow("toy failure in replication 13");
    }
    const ok = replay(toy, { seed: 5, replication: 13, simulate });
    expect(ok.trace).toEqual([`replication 13: throughput ${ok.kpis.throughput}`]);
  });

  it("cancels: resolves with what was folded, destroys the pool, leaves no worker running", async () => {
    const pool = new ReplicationPool(2);
    const controller = new AbortController();
    const slow: ToyScenario = { ...toy, busyMs: 20 };
    let progressCalls = 0;
    const summary = await runScenario(slow, {
      replications: 2000,
      seed: 1,
      batchSize: 2,
      model,
      pool,
      signal: controller.signal,
      onProgress: (progress) => {
        progressCalls++;
        expect(progress.total).toBe(2000);
        if (progress.done >= 6) controller.abort();
      },
    });
    expect(summary.stoppedBy).toBe("cancelled");
    expect(summary.replications).toBeGreaterThanOrEqual(6);
    expect(summary.replications).toBeLessThan(2000);
    expect(progressCalls).toBeGreaterThan(0);
    const threads = pool.startedThreads();
    expect(threads.length).toBeGreaterThan(0);
    for (const thread of threads) expect(thread.threadId).toBe(-1);
    // and no replacement thread shows up later
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const thread of pool.startedThreads()) expect(thread.threadId).toBe(-1);
    await expect(
      pool.run(
        { model: { module: "", exportName: "" }, scenarios: [], seeds: [], start: 0, count: 0 },
        new AbortController().signal,
      ),
    ).rejects.toThrow(/destroyed/);
  });

  it("rejects with the abort reason when cancelled before any replication", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(
      runScenario(toy, { replications: 10, workers: 1, model, signal: controller.signal }),
    ).rejects.toThrow("stop");
  });

  it("stops by precision at a batch boundary, deterministically for any worker count", async () => {
    const untilCi = { relativeHalfWidth: 0.02, kpis: ["throughput"], maxReplications: 5000 };
    const one = await runScenario(toy, { seed: 3, workers: 1, batchSize: 25, untilCi, model });
    const two = await runScenario(toy, { seed: 3, workers: 2, batchSize: 25, untilCi, model });
    expect(one.stoppedBy).toBe("precision");
    expect(one.replications % 25).toBe(0);
    const kpi = one.kpis.throughput!;
    expect((kpi.ciHigh - kpi.ciLow) / 2).toBeLessThanOrEqual(0.02 * Math.abs(kpi.mean));
    // 2% of 10 with sd 2 needs about (1.96 * 2 / 0.2)^2 = 384 replications
    expect(one.replications).toBeGreaterThan(300);
    expect(one.replications).toBeLessThan(500);
    expect(comparable(two)).toEqual(comparable(one));
    const capped = await runScenario(toy, {
      seed: 3,
      workers: 1,
      untilCi: { ...untilCi, relativeHalfWidth: 0.001, maxReplications: 60 },
      model,
    });
    expect(capped).toMatchObject({ stoppedBy: "count", replications: 60 });
    await expect(
      runScenario(toy, { seed: 3, workers: 1, untilCi: { ...untilCi, kpis: ["nope"] }, model }),
    ).rejects.toThrow(/no KPI named "nope"/);
  });

  it("rejects bad options naming the option", async () => {
    await expect(runScenario(toy, { replications: 0, model })).rejects.toThrow(/replications must be/);
    await expect(runScenario(toy, { replications: 5, workers: 0, model })).rejects.toThrow(/workers must be/);
    await expect(runScenario(toy, { replications: 5, batchSize: 1.5, workers: 1, model })).rejects.toThrow(
      /batchSize/,
    );
  });
});
