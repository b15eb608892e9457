import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ReplicationPool } from "../../src/montecarlo/replication-pool.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import { workerBundle } from "../../src/montecarlo/worker-bundle.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import type { ToyScenario } from "./fixtures/toy-model.ts";

const toyModel = { module: fileURLToPath(new URL("./fixtures/toy-model.ts", import.meta.url)) };
const toy: ToyScenario = { name: "toy", mean: 10, sd: 2, months: 12 };

function comparable(summary: RunSummary): unknown {
  const { elapsedMs: _elapsed, workers: _workers, ...rest } = summary;
  return rest;
}

describe("workerBundle", () => {
  it("bundles the worker and the model once per process into plain JavaScript, removing dead processes' bundles", () => {
    // a bundle directory left by a process that was killed outright (its pid no longer runs)
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
    const stale = join(tmpdir(), `scalesim-worker-${deadPid}-test`);
    mkdirSync(stale, { recursive: true });
    const bundle = workerBundle();
    expect(existsSync(stale)).toBe(false);
    expect(basename(dirname(fileURLToPath(bundle!.worker)))).toMatch(
      new RegExp(`^scalesim-worker-${process.pid}-`),
    );
    expect(bundle).toBeDefined();
    expect(workerBundle()).toBe(bundle);
    expect(bundle!.worker.endsWith(".js")).toBe(true);
    expect(existsSync(fileURLToPath(bundle!.worker))).toBe(true);
    const model = new URL("../../src/model/simulate.ts", import.meta.url).href;
    expect(bundle!.modules.get(model)?.endsWith("simulate.js")).toBe(true);
  });

  it("runs the bundled model and another TypeScript model on one pool, identical to in-process", async () => {
    const loaded = parseScenario("extends: level-3\n", { file: "(preset level-3)" });
    if (!loaded.ok) throw new Error("level-3 does not validate");
    const inProcess = new ReplicationPool(1, { inProcess: true });
    const threads = new ReplicationPool(2);
    try {
      for (const [scenario, model] of [
        [loaded.scenario, undefined],
        [toy, toyModel],
      ] as const) {
        const options = { replications: 3, seed: 5, batchSize: 1, ...(model === undefined ? {} : { model }) };
        const expected = await runScenario(scenario, { ...options, pool: inProcess });
        const actual = await runScenario(scenario, { ...options, pool: threads });
        expect(comparable(actual)).toEqual(comparable(expected));
      }
    } finally {
      await threads.destroy();
      await inProcess.destroy();
    }
  });
});
