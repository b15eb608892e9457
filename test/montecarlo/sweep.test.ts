import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSweep } from "../../src/montecarlo/load-sweep.ts";
import { mergeSweeps } from "../../src/montecarlo/merge-sweeps.ts";
import { runSweep } from "../../src/montecarlo/run-sweep.ts";
import { ranks } from "../../src/montecarlo/sensitivity.ts";
import { sweepToJson } from "../../src/montecarlo/sweep-writers.ts";
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import { type Sweep, sweepSchema } from "../../src/scenario/sweep-schema.ts";

const model = { module: fileURLToPath(new URL("./fixtures/linear-model.ts", import.meta.url)) };
const SPOKES = "organisation.spokes.count";
const NODES = "platform.clusters[0].maxNodes";

function sweep(overrides: Record<string, unknown>): Sweep {
  return sweepSchema.parse({
    name: "fixture",
    base: "level-3",
    replications: 8,
    parameters: [
      { path: SPOKES, range: { min: 2, max: 10, steps: 3 }, integer: true },
      { path: NODES, values: [20, 30, 40] },
    ],
    ...overrides,
  });
}

describe("runSweep", () => {
  it("evaluates a grid plus the one-at-a-time points and computes the tornado", async () => {
    const summary = await runSweep(sweep({ sampling: "grid" }), { seed: 3, workers: 1, model });
    // 3 x 3 grid, then base + low/high of each of the 2 parameters
    expect(summary.totalPoints).toBe(14);
    expect(summary.points.map((p) => p.role)).toEqual([
      ...Array(9).fill("design"),
      "base",
      "low",
      "high",
      "low",
      "high",
    ]);
    expect(summary.points[0]!.parameters).toEqual({ [SPOKES]: 2, [NODES]: 20 });
    expect(summary.points[8]!.parameters).toEqual({ [SPOKES]: 10, [NODES]: 40 });
    expect(summary.parameters[0]).toEqual({ path: SPOKES, values: [2, 6, 10], min: 2, max: 10 });
    const z = summary.tornado.z!;
    // z = -spokes exactly; base spokes is level-3's own value
    expect(z[SPOKES]).toMatchObject({ low: -2, high: -10 });
    expect(z[NODES]!.low).toBe(z[NODES]!.high);
    const y = summary.tornado.y![NODES]!;
    // same seeds at every point (common random numbers): the noise cancels in high - low
    expect(y.high - y.low).toBeCloseTo(0.5 * 20, 10);
    expect(summary.points[0]!.kpis.y).toMatchObject({ name: "y", n: 8 });
  });

  it("Latin hypercube: SRC and PRCC recover the known linear effects", async () => {
    const summary = await runSweep(
      sweep({ sampling: "latin-hypercube", points: 24, tornado: false, kpis: ["y", "z", "w"] }),
      {
        seed: 5,
        workers: 1,
        model,
      },
    );
    expect(summary.points).toHaveLength(24);
    const spokes = summary.points.map((p) => p.parameters[SPOKES] as number);
    // each of 24 strata of [2, 10] used once: all integers 2..10 appear
    expect(new Set(spokes)).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
    // var(3 spokes) = 9 * 6.7 dominates var(0.5 nodes) = 0.25 * 67: SRC ~ 0.93 and ~ 0.36
    expect(summary.src.y![SPOKES]!).toBeGreaterThan(0.85);
    expect(summary.src.y![NODES]!).toBeGreaterThan(0.2);
    expect(summary.src.y![NODES]!).toBeLessThan(summary.src.y![SPOKES]!);
    expect(summary.prcc.z![SPOKES]!).toBeCloseTo(-1, 6);
    expect(summary.prcc.y![SPOKES]!).toBeGreaterThan(0.95);
    // w ignores the parameters; on common random numbers its mean is the same at every point: not estimable
    expect(summary.points.every((p) => p.kpis.w!.mean === summary.points[0]!.kpis.w!.mean)).toBe(true);
    expect(summary.src.w).toEqual({});
    expect(summary.prcc.w).toEqual({});
    expect(summary.tornado).toEqual({});
    expect(Object.keys(summary.points[0]!.kpis)).toEqual(["y", "z", "w"]);
  });

  it("shards merged (through JSON) equal the unsharded run byte for byte", async () => {
    const definition = sweep({ sampling: "latin-hypercube", points: 7 });
    const whole = await runSweep(definition, { seed: 9, workers: 1, model });
    const parts: SweepSummary[] = [];
    for (const index of [2, 0, 1]) {
      const part = await runSweep(definition, {
        seed: 9,
        workers: index === 1 ? 2 : 1,
        model,
        shard: { index, count: 3 },
      });
      expect(part.shard).toEqual({ index, count: 3 });
      expect(part.points.every((p) => p.index % 3 === index)).toBe(true);
      parts.push(JSON.parse(sweepToJson(part)) as SweepSummary);
    }
    expect(sweepToJson(mergeSweeps(parts))).toBe(sweepToJson(whole));
    expect(() => mergeSweeps(parts.slice(1))).toThrow(/missing shards: 3\/3/);
    expect(() => mergeSweeps([parts[0]!, parts[0]!, parts[1]!])).toThrow(/given twice/);
    expect(() => mergeSweeps([{ ...parts[0]!, seed: 1 }, ...parts.slice(1)])).toThrow(/differ in seed/);
    expect(() => mergeSweeps([whole])).toThrow(TypeError);
  });

  it("cancellation returns the points finished so far", async () => {
    const controller = new AbortController();
    const summary = await runSweep(sweep({ sampling: "grid" }), {
      seed: 3,
      workers: 1,
      batchSize: 2,
      model,
      signal: controller.signal,
      onProgress: (progress) => {
        expect(progress.total).toBe(14 * 8);
        if (progress.done >= 20) controller.abort();
      },
    });
    expect(summary.points.length).toBeGreaterThanOrEqual(2);
    expect(summary.points.length).toBeLessThan(14);
    expect(summary.points.map((p) => p.index)).toEqual(summary.points.map((_, i) => i));
  });

  it("rejects invalid parameter values with scenario issues, before running anything", async () => {
    const bad = sweep({ parameters: [{ path: SPOKES, values: [2, -1] }] });
    await expect(runSweep(bad, { workers: 1, model })).rejects.toThrow(
      /organisation\.spokes\.count: .*point \d+: expected a number >= 0, got -1/,
    );
    await expect(
      runSweep(sweep({ kpis: ["nope"], sampling: "one-at-a-time" }), { workers: 1, model }),
    ).rejects.toThrow(/no KPI named "nope"/);
    await expect(runSweep(sweep({}), { workers: 1, model, shard: { index: 3, count: 3 } })).rejects.toThrow(
      /shard.index/,
    );
  });
});

describe("loadSweep", () => {
  const dir = mkdtempSync(join(tmpdir(), "scalesim-sweep-"));

  it("loads a YAML sweep, names it after the file and resolves the base", async () => {
    const file = join(dir, "hub-size.yaml");
    writeFileSync(
      file,
      `base: level-3\nsampling: grid\nreplications: 4\nparameters:\n  - path: ${SPOKES}\n    values: [4, 8]\n`,
    );
    const loaded = await loadSweep(file);
    expect(loaded.ok).toBe(true);
    if (loaded.ok)
      expect(loaded.sweep).toMatchObject({ name: "hub-size", base: "level-3", tornado: true, baseDir: dir });
  });

  it("reports schema issues with line and column, and invalid point values as scenario issues", async () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      `base: level-3\nsampling: latin-hypercube\nreplications: 1\nparameters:\n  - path: ${SPOKES}\n    values: [1]\n`,
    );
    const loaded = await loadSweep(file);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.issues.map((i) => i.path).sort()).toEqual(["points", "replications"]);
      expect(loaded.issues.find((i) => i.path === "replications")).toMatchObject({ file, line: 3 });
    }
    const invalid = join(dir, "invalid.yaml");
    writeFileSync(invalid, `base: level-3\nparameters:\n  - path: ${SPOKES}\n    values: [-3]\n`);
    const result = await loadSweep(invalid);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({ file: invalid, path: SPOKES, value: -3 });
      expect(result.issues[0]!.message).toMatch(
        /^point 0 \(organisation.spokes.count = -3\): expected a number >= 0/,
      );
    }
    const unknownBase = join(dir, "base.yaml");
    writeFileSync(unknownBase, `base: ./missing.yaml\nparameters:\n  - path: ${SPOKES}\n    values: [1]\n`);
    const missing = await loadSweep(unknownBase);
    expect(missing.ok).toBe(false);
    // reported in the sweep file at `base`, naming the file it looked for
    if (!missing.ok)
      expect(missing.issues[0]).toMatchObject({
        file: unknownBase,
        path: "base",
        value: "./missing.yaml",
        message: `scenario "./missing.yaml" (${join(dir, "missing.yaml")}): file not found`,
      });
  });
});

describe("ranks", () => {
  it("gives ties their average rank", () => {
    expect(ranks([10, 30, 20, 30])).toEqual([1, 3.5, 2, 3.5]);
  });
});
