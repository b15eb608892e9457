import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mergeSweeps } from "../../src/montecarlo/merge-sweeps.ts";
import { runSweep } from "../../src/montecarlo/run-sweep.ts";
import { sweepToJson } from "../../src/montecarlo/sweep-writers.ts";
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import { type Sweep, sweepSchema } from "../../src/scenario/sweep-schema.ts";

const model = { module: fileURLToPath(new URL("./fixtures/linear-model.ts", import.meta.url)) };
const SPOKES = "organisation.spokes.count";
const NODES = "platform.clusters[0].maxNodes";

function sweep(overrides: Record<string, unknown>): Sweep {
  return sweepSchema.parse({
    name: "global",
    base: "level-3",
    replications: 2,
    tornado: false,
    kpis: ["y", "z", "w"],
    parameters: [
      { path: SPOKES, range: { min: 2, max: 10 }, integer: true },
      { path: NODES, range: { min: 20, max: 40 }, integer: true },
    ],
    ...overrides,
  });
}

describe("sweeps with sampling: sobol", () => {
  it("runs the Saltelli design and reports first- and total-order indices with intervals", async () => {
    const summary = await runSweep(sweep({ sampling: "sobol", points: 64 }), { seed: 4, workers: 1, model });
    expect(summary.totalPoints).toBe(64 * 4);
    expect(summary.design).toEqual({ samples: 64 });
    const z = summary.sobol!.z!;
    // z = -spokes: spokes explains everything, nodes nothing
    expect(z[SPOKES]!.first).toBeGreaterThan(0.95);
    expect(z[SPOKES]!.total).toBeCloseTo(1, 1);
    expect(z[NODES]!.total).toBe(0);
    // y = 3 spokes + 0.5 nodes (+ noise that is common to every point): additive, spokes dominates
    const y = summary.sobol!.y!;
    expect(y[SPOKES]!.first).toBeGreaterThan(y[NODES]!.first);
    expect(y[SPOKES]!.first + y[NODES]!.first).toBeCloseTo(1, 1);
    for (const index of Object.values(y)) {
      expect(index.firstLow).toBeLessThanOrEqual(index.first);
      expect(index.firstHigh).toBeGreaterThanOrEqual(index.first);
    }
    // w does not depend on the parameters: its mean is the same at every point, no variance to apportion
    expect(summary.sobol!.w![SPOKES]!.first).toBeNaN();
    expect(summary.morris).toBeUndefined();
  });

  it("shards merged through JSON give the unsharded summary byte for byte; a shard alone has no indices", async () => {
    const definition = sweep({ sampling: "sobol", points: 8, boxes: [{ kpi: "z", below: -5 }] });
    const whole = await runSweep(definition, { seed: 6, workers: 1, model });
    const parts: SweepSummary[] = [];
    for (const index of [1, 0]) {
      const part = await runSweep(definition, { seed: 6, workers: 1, model, shard: { index, count: 2 } });
      expect(part.sobol).toBeUndefined();
      parts.push(JSON.parse(sweepToJson(part)) as SweepSummary);
    }
    expect(sweepToJson(mergeSweeps(parts))).toBe(sweepToJson(whole));
    expect(() => mergeSweeps([{ ...parts[0]!, design: { samples: 9 } }, parts[1]!])).toThrow(/design/);
  });

  it("the schema asks for the base samples", () => {
    expect(
      sweepSchema.safeParse({ base: "level-3", sampling: "sobol", parameters: [{ path: "a", values: [1] }] })
        .success,
    ).toBe(false);
    expect(
      sweepSchema.safeParse({ base: "level-3", sampling: "morris", parameters: [{ path: "a", values: [1] }] })
        .success,
    ).toBe(false);
  });
});

describe("sweeps with sampling: morris", () => {
  it("gives the exact elementary effects of the linear fixture (range scaled to [0, 1])", async () => {
    const summary = await runSweep(sweep({ sampling: "morris", trajectories: 6 }), {
      seed: 4,
      workers: 1,
      model,
    });
    expect(summary.totalPoints).toBe(6 * 3);
    expect(summary.design).toEqual({ samples: 6, levels: 4 });
    const { y, z } = summary.morris!;
    // 4 levels, Delta = 2/3: spokes moves between 2 and 7 or 5 and 10 (5 whole spokes), nodes by 13
    expect(z![SPOKES]).toMatchObject({ mu: -7.5, muStar: 7.5 });
    expect(z![SPOKES]!.sigma).toBeCloseTo(0, 10);
    expect(z![NODES]).toMatchObject({ mu: 0, muStar: 0, sigma: 0 });
    expect(y![SPOKES]!.muStar).toBeCloseTo(22.5, 10);
    expect(y![NODES]!.muStar).toBeCloseTo(9.75, 10);
    expect(y![NODES]!.sigma).toBeCloseTo(0, 10);
  });

  it("a values list reaches its last value at u = 1", async () => {
    const summary = await runSweep(
      sweep({ sampling: "morris", trajectories: 4, parameters: [{ path: SPOKES, values: [2, 4, 6, 8] }] }),
      { seed: 2, workers: 1, model },
    );
    const spokes = new Set(summary.points.map((p) => p.parameters[SPOKES]));
    expect([...spokes].every((v) => [2, 4, 6, 8].includes(v as number))).toBe(true);
    expect(summary.morris!.z![SPOKES]!.muStar).toBeGreaterThan(0);
  });
});

describe("sweeps with boxes (PRIM)", () => {
  it('answers "where does z stay below -6" with the spokes range, nodes left free', async () => {
    const summary = await runSweep(
      sweep({
        sampling: "latin-hypercube",
        points: 60,
        boxes: [
          { kpi: "z", below: -6 },
          { kpi: "z", above: 0 },
        ],
      }),
      { seed: 8, workers: 1, model },
    );
    const [below, never] = summary.boxes!;
    // z = -spokes < -6 exactly when spokes >= 7
    expect(below).toMatchObject({ kpi: "z", below: -6, threshold: 0.8 });
    expect(below!.box!.bounds[SPOKES]).toEqual({ low: 7, high: 10 });
    expect(below!.box!.restricted).toEqual([SPOKES]);
    expect(below!.box!.density).toBe(1);
    expect(below!.box!.coverage).toBe(1);
    // z is never above 0: nothing to find
    expect(never).toEqual({ kpi: "z", above: 0, threshold: 0.8, box: null });
  });

  it("the schema wants exactly one bound", () => {
    const parsed = sweepSchema.safeParse({
      base: "level-3",
      boxes: [{ kpi: "z", below: 1, above: 2 }],
      parameters: [{ path: "a", values: [1] }],
    });
    expect(parsed.success).toBe(false);
  });
});
