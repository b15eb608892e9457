import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/montecarlo/canonical-json.ts";
import { mergeSweeps } from "../../src/montecarlo/merge-sweeps.ts";
import { runSweep } from "../../src/montecarlo/run-sweep.ts";
import { sweepToJson } from "../../src/montecarlo/sweep-writers.ts";
import type { SweepPoint } from "../../src/montecarlo/types.ts";
import { type Sweep, sweepSchema } from "../../src/scenario/sweep-schema.ts";

const model = { module: fileURLToPath(new URL("./fixtures/linear-model.ts", import.meta.url)) };
const SPOKES = "organisation.spokes.count";

function sweepOn(baseDir: string, overrides: Record<string, unknown> = {}): Sweep {
  return {
    ...sweepSchema.parse({
      name: "fingerprinted",
      base: "base.yaml",
      replications: 3,
      tornado: false,
      parameters: [{ path: SPOKES, values: [2, 4, 6, 8] }],
      ...overrides,
    }),
    baseDir,
  };
}

function baseDir(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "scalesim-fingerprint-"));
  writeFileSync(join(dir, "base.yaml"), text);
  return dir;
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe("sweep fingerprints", () => {
  it("are equal for the same sweep in another directory and differ for an edited base, seed or replications", async () => {
    const one = await runSweep(sweepOn(baseDir("extends: level-1\n")), { seed: 1, workers: 1, model });
    const copy = await runSweep(sweepOn(baseDir("extends: level-1\n")), { seed: 1, workers: 1, model });
    expect(one.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(copy.fingerprint).toBe(one.fingerprint);
    const edited = await runSweep(sweepOn(baseDir("extends: level-1\nhorizonMonths: 13\n")), {
      seed: 1,
      workers: 1,
      model,
    });
    expect(edited.fingerprint).not.toBe(one.fingerprint);
    const dir = baseDir("extends: level-1\n");
    const seeds = await runSweep(sweepOn(dir), { seed: 2, workers: 1, model });
    const replications = await runSweep(sweepOn(dir), { seed: 1, replications: 4, workers: 1, model });
    expect(new Set([one, seeds, replications].map((s) => s.fingerprint)).size).toBe(3);
  });

  it("merge refuses shards run against an edited base scenario", async () => {
    const original = sweepOn(baseDir("extends: level-1\n"));
    const edited = sweepOn(baseDir("extends: level-1\nhorizonMonths: 13\n"));
    const first = await runSweep(original, { seed: 1, workers: 1, model, shard: { index: 0, count: 2 } });
    const second = await runSweep(edited, { seed: 1, workers: 1, model, shard: { index: 1, count: 2 } });
    expect(() => mergeSweeps([first, second])).toThrow(/different fingerprints .*base scenario/);
    const matching = await runSweep(original, { seed: 1, workers: 1, model, shard: { index: 1, count: 2 } });
    expect(mergeSweeps([first, matching]).fingerprint).toBe(first.fingerprint);
  });
});

describe("resume", () => {
  it("keeps the finished points, runs only the others and gives the uninterrupted result", async () => {
    const definition = sweepOn(baseDir("extends: level-1\n"));
    const whole = await runSweep(definition, { seed: 5, workers: 1, model });
    const checkpoint: SweepPoint[] = [];
    const controller = new AbortController();
    const interrupted = await runSweep(definition, {
      seed: 5,
      workers: 1,
      model,
      signal: controller.signal,
      onPoint: (point) => {
        checkpoint.push(JSON.parse(JSON.stringify(point)) as SweepPoint);
        if (checkpoint.length === 2) controller.abort();
      },
    });
    expect(interrupted.points).toHaveLength(2);
    const evaluated: number[] = [];
    const resumed = await runSweep(definition, {
      seed: 5,
      workers: 1,
      model,
      finished: checkpoint,
      onPoint: (point) => evaluated.push(point.index),
    });
    expect(evaluated).toEqual([2, 3]);
    expect(sweepToJson(resumed)).toBe(sweepToJson(whole));
  });
});
