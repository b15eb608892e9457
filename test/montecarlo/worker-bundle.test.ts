import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ReplicationPool } from "../../src/montecarlo/replication-pool.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import {
  DEFAULT_CACHE_DIR,
  privateWorkerBundle,
  workerBundle,
  workerBundleIn,
} from "../../src/montecarlo/worker-bundle.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import type { ToyScenario } from "./fixtures/toy-model.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const toyModel = { module: fileURLToPath(new URL("./fixtures/toy-model.ts", import.meta.url)) };
const toy: ToyScenario = { name: "toy", mean: 10, sd: 2, months: 12 };

function comparable(summary: RunSummary): unknown {
  const { elapsedMs: _elapsed, workers: _workers, ...rest } = summary;
  return rest;
}

describe("workerBundle", () => {
  it("bundles the worker and the model once per process into plain JavaScript, kept in the package's cache", () => {
    const bundle = workerBundle();
    expect(bundle).toBeDefined();
    expect(workerBundle()).toBe(bundle);
    expect(bundle!.worker.endsWith(".js")).toBe(true);
    expect(existsSync(fileURLToPath(bundle!.worker))).toBe(true);
    // the package's cache when node_modules can be written (here it can), a private directory otherwise
    expect(fileURLToPath(bundle!.worker).startsWith(DEFAULT_CACHE_DIR)).toBe(true);
    const model = new URL("../../src/model/simulate.ts", import.meta.url).href;
    expect(bundle!.modules.get(model)?.endsWith("simulate.js")).toBe(true);
  });

  it("reuses the cached bundle while its inputs are unchanged, rebuilds when they differ, removes only its own unused entries", () => {
    const cache = mkdtempSync(join(tmpdir(), "scalesim-bundle-cache-test-"));
    try {
      const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
      const oldEntry = join(cache, "0123456789abcdef01234567");
      const recentEntry = join(cache, "fedcba9876543210fedcba98");
      const leftover = join(cache, ".building-x");
      const notOurs = join(cache, "notes");
      for (const dir of [oldEntry, recentEntry, leftover, notOurs]) mkdirSync(dir);
      for (const dir of [oldEntry, leftover, notOurs]) utimesSync(dir, twoDaysAgo, twoDaysAgo);

      const built = workerBundleIn(cache)!;
      const entry = dirname(fileURLToPath(built.worker));
      expect(dirname(entry)).toBe(cache);
      expect(basename(entry)).toMatch(/^[0-9a-f]{24}$/);
      const latestFile = join(cache, "latest.json");
      const latest = JSON.parse(readFileSync(latestFile, "utf8")) as { key: string; inputs: string[] };
      expect(latest.key).toBe(basename(entry));
      expect(latest.inputs).toEqual(
        expect.arrayContaining(["src/montecarlo/worker.ts", "src/model/simulate.ts"]),
      );
      // entries of this cache unused for a day go; a recent entry and what is not the cache's own stay
      expect([existsSync(oldEntry), existsSync(leftover)]).toEqual([false, false]);
      expect([existsSync(recentEntry), existsSync(notOurs)]).toEqual([true, true]);

      // unchanged inputs: the same entry, nothing built (no new folder, the newest entry's record untouched)
      const before = readdirSync(cache).sort();
      const latestBefore = statSync(latestFile).mtimeMs;
      expect(workerBundleIn(cache)!.worker).toBe(built.worker);
      expect(readdirSync(cache).sort()).toEqual(before);
      expect(statSync(latestFile).mtimeMs).toBe(latestBefore);

      // an input that changed (here: one more input, whose content the key never saw): built again, and the
      // record lists the build's own inputs; the same sources give the same key, so the same entry
      const extra = join(cache, "extra-input.ts");
      writeFileSync(extra, "export const x = 1;\n");
      writeFileSync(
        latestFile,
        JSON.stringify({ ...latest, inputs: [...latest.inputs, relative(ROOT, extra)] }),
      );
      expect(workerBundleIn(cache)!.worker).toBe(built.worker);
      expect(JSON.parse(readFileSync(latestFile, "utf8"))).toEqual(latest);
      // a cache entry whose files went missing is built again
      rmSync(entry, { recursive: true });
      expect(workerBundleIn(cache)!.worker).toBe(built.worker);
      expect(existsSync(fileURLToPath(built.worker))).toBe(true);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("gives no cached bundle where the cache folder cannot be written", () => {
    const file = join(mkdtempSync(join(tmpdir(), "scalesim-bundle-cache-test-")), "a-file");
    writeFileSync(file, "");
    try {
      expect(workerBundleIn(join(file, "cache"))).toBeUndefined();
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });

  it("falls back to a private directory per process, removing dead processes' bundles", () => {
    // a bundle directory left by a process that was killed outright (its pid no longer runs)
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
    const stale = join(tmpdir(), `scalesim-worker-${deadPid}-test`);
    mkdirSync(stale, { recursive: true });
    const bundle = privateWorkerBundle();
    expect(existsSync(stale)).toBe(false);
    expect(basename(dirname(fileURLToPath(bundle!.worker)))).toMatch(
      new RegExp(`^scalesim-worker-${process.pid}-`),
    );
    expect(existsSync(fileURLToPath(bundle!.worker))).toBe(true);
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
