import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BufferPool } from "../../src/montecarlo/buffer-pool.ts";
import { resolveModel } from "../../src/montecarlo/model-ref.ts";
import { ReplicationPool } from "../../src/montecarlo/replication-pool.ts";
import type { BatchTask } from "../../src/montecarlo/run-batch.ts";
import { runBatches } from "../../src/montecarlo/run-batches.ts";
import { simulate, type ToyScenario } from "./fixtures/toy-model.ts";

const model = resolveModel({ module: fileURLToPath(new URL("./fixtures/toy-model.ts", import.meta.url)) });
const toy: ToyScenario = { name: "toy", mean: 10, sd: 2, months: 12 };

describe("BufferPool", () => {
  it("hands out the smallest buffer large enough, zero-filled, and a new one when none is", () => {
    const pool = new BufferPool();
    const small = new ArrayBuffer(64);
    const large = new ArrayBuffer(256);
    new Uint8Array(large).fill(7);
    pool.give(large);
    pool.give(small);
    expect(pool.size).toBe(2);
    expect(pool.bytes).toBe(320);
    expect(pool.take(32)).toBe(small);
    const taken = pool.take(100);
    expect(taken).toBe(large);
    expect([...new Uint8Array(taken, 0, 100)].every((byte) => byte === 0)).toBe(true);
    const fresh = pool.take(8);
    expect(fresh.byteLength).toBe(8);
    expect(pool.size).toBe(0);
    expect(pool.bytes).toBe(0);
  });

  it("keeps no detached buffer and no more than its byte limit; drains up to a byte budget", () => {
    const pool = new BufferPool(300);
    const detached = new ArrayBuffer(16);
    structuredClone(detached, { transfer: [detached] });
    pool.give(detached);
    pool.give(new ArrayBuffer(200));
    pool.give(new ArrayBuffer(200));
    expect(pool.size).toBe(1);
    pool.give(new ArrayBuffer(100));
    expect(pool.bytes).toBe(300);
    expect(pool.drain(150).map((buffer) => buffer.byteLength)).toEqual([100]);
    expect(pool.drain(1000).map((buffer) => buffer.byteLength)).toEqual([200]);
    expect(pool.size).toBe(0);
  });
});

describe("recycled batch buffers", () => {
  const task = (start: number): BatchTask => ({ model, scenarios: [toy], seeds: [5], start, count: 4 });

  it("go back to a worker after release, empty the released records, and leave later batches unchanged", async () => {
    const recycling = new ReplicationPool(1);
    const fresh = new ReplicationPool(1);
    const signal = new AbortController().signal;
    try {
      const first = await recycling.run(task(0), signal);
      const series = first.records[0]![0]!.series.deliveredCumulative!;
      expect(series.length).toBe(12);
      first.release!();
      const second = await recycling.run(task(4), signal);
      // the first batch's buffers were sent to the worker with the second task: its arrays are detached
      expect(recycling.recycledBuffers).toBeGreaterThan(0);
      expect(series.length).toBe(0);
      const expected = await fresh.run(task(4), signal);
      const plain = (records: typeof second.records) =>
        records.map(([record]) => ({
          kpis: Object.entries(record!.kpis),
          series: Object.entries(record!.series).map(([name, values]) => [name, Array.from(values)]),
          samples: Object.entries(record!.samples).map(([name, values]) => [name, Array.from(values)]),
        }));
      expect(plain(second.records)).toEqual(plain(expected.records));
    } finally {
      await recycling.destroy();
      await fresh.destroy();
    }
  });

  it("are recycled only for a run that says nothing keeps its records' arrays", async () => {
    for (const recycleRecords of [false, true]) {
      const pool = new ReplicationPool(1);
      const kept: ArrayLike<number>[] = [];
      try {
        await runBatches(pool, {
          model,
          scenarios: [toy],
          seeds: [5],
          total: 40,
          batchSize: 4,
          recycleRecords,
          onReplication: ([record]) => {
            kept.push(record!.series.deliveredCumulative!);
          },
        });
        if (recycleRecords) {
          expect(pool.recycledBuffers).toBeGreaterThan(0);
          // batches come back in order on one worker: all but the last were recycled, their views emptied
          expect(kept.filter((series) => series.length === 0).length).toBeGreaterThan(0);
        } else {
          expect(pool.recycledBuffers).toBe(0);
          kept.forEach((series, i) => {
            const expected = simulate(toy, { seed: 5, replication: i, keepProjects: false });
            expect(Array.from(series)).toEqual(Array.from(expected.series.deliveredCumulative!));
          });
        }
      } finally {
        await pool.destroy();
      }
    }
  });
});
