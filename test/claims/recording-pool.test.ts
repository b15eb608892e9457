import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RecordingReplicationPool } from "../../src/claims/recording-pool.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import { simulate, type ToyScenario } from "../montecarlo/fixtures/toy-model.ts";

const model = { module: fileURLToPath(new URL("../montecarlo/fixtures/toy-model.ts", import.meta.url)) };
const toy: ToyScenario = { name: "toy", mean: 10, sd: 2, months: 12 };

describe("RecordingReplicationPool", () => {
  it("keeps every replication's series intact after the workers have reused the batches' buffers", async () => {
    for (const metrics of [["series.deliveredCumulative", "throughput"], undefined]) {
      // one worker: batches come back in order, so each one folded is released before the next is sent
      const recording = new RecordingReplicationPool(1, metrics);
      try {
        await runScenario(toy, { replications: 40, seed: 9, batchSize: 4, pool: recording, model });
        expect(recording.recycledBuffers).toBeGreaterThan(0);
        const kept = recording.replications(40)!;
        kept.forEach((replication, i) => {
          const expected = simulate(toy, { seed: 9, replication: i, keepProjects: false });
          expect(Array.from(replication.series.deliveredCumulative!)).toEqual(
            Array.from(expected.series.deliveredCumulative!),
          );
          expect(replication.kpis.throughput).toBe(expected.kpis.throughput);
        });
      } finally {
        await recording.destroy();
      }
    }
  });
});
