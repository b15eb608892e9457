import { describe, expect, it } from "vitest";
import { Environment, StreamFactory } from "../../../engine/index.ts";
import { insertRank, removeRank, ServingPool } from "../../../src/model/platform/serving-pool.ts";
import { servingOptionsFixture } from "./serving-options-fixture.ts";

const options = servingOptionsFixture;

const model = (id: number, memoryGb: number, tenant = "t") => ({
  id,
  tenant,
  memoryGb,
  dedicated: false,
  regions: 1,
  minReplicas: 1,
  maxReplicas: 5,
});

describe("ServingPool", () => {
  it("loads each model once and never evicts when memory suffices", () => {
    const env = new Environment();
    const pool = new ServingPool(env, options());
    for (let i = 0; i < 5; i++) pool.add(model(i, 2), i / 5);
    env.run({ until: 10 });
    expect(pool.totals.coldLoads).toBe(5);
    expect(pool.pods).toBe(1);
  });

  it("thrashes under memory pressure: cold loads keep happening and the hit ratio falls", () => {
    const env = new Environment();
    const pool = new ServingPool(env, options({ zipfExponent: 0, requestsPerSecondPerModel: 0.002 }));
    for (let i = 0; i < 30; i++) pool.add(model(i, 2), i / 30);
    env.run({ until: 10 });
    // 30 models x 2 GB on one 14 GB pod: at most 7 resident
    expect(pool.totals.coldLoads).toBeGreaterThan(30 * 5);
  });

  it("follows the HPA rule: pods track load, within min and max", () => {
    const env = new Environment();
    const pool = new ServingPool(
      env,
      options({ diurnalAmplitude: 0.8, requestsPerSecondPerModel: 20, maxReplicas: 8 }),
      true,
    );
    for (let i = 0; i < 20; i++) pool.add(model(i, 0.5), i / 20);
    env.run({ until: 3 });
    const pods = pool.podsTrace!;
    expect(Math.max(...pods)).toBeLessThanOrEqual(8);
    expect(Math.min(...pods)).toBeGreaterThanOrEqual(1);
    // offered load swings 0.2x .. 1.8x of 400 req/s x 50 ms = 20 busy workers -> pods vary over the day
    expect(Math.max(...pods)).toBeGreaterThan(Math.min(...pods));
    expect(Math.max(...pods)).toBe(8); // peak needs 36 / (4 x 0.6) = 15 pods, capped at 8
  });

  it("multi-model serving costs less than one deployment per model", () => {
    const env = new Environment();
    const pool = new ServingPool(env, options());
    for (let i = 0; i < 50; i++) pool.add(model(i, 1), i / 50);
    env.run({ until: 5 });
    const month = pool.takeMonth();
    expect(month.poolCost).toBeLessThan(month.allDedicatedCost / 10);
    expect(month.requests).toBeCloseTo(50 * 3600 * pool.totals.steps, -3);
  });

  it("dedicated mode keeps every model loaded: no cold loads", () => {
    const env = new Environment();
    const pool = new ServingPool(env, options({ mode: "dedicated" }));
    for (let i = 0; i < 10; i++) pool.add(model(i, 1), i / 10);
    env.run({ until: 2 });
    expect(pool.totals.coldLoads).toBe(0);
    expect(pool.pods).toBe(0);
    const month = pool.takeMonth();
    expect(month.dedicatedCost).toBeCloseTo(month.allDedicatedCost, 9);
  });
});

describe("ServingPool day replay", () => {
  it("replaying identical days gives the same totals and month as stepping through them", () => {
    const run = (replayDays: boolean) => {
      const env = new Environment();
      const pool = new ServingPool(
        env,
        options({
          diurnalAmplitude: 0.7,
          requestsPerSecondPerModel: 5,
          memoryTargetUtilisation: 0.8,
          replayDays,
        }),
        true,
      );
      for (let i = 0; i < 40; i++)
        pool.add({ ...model(i, 1, `t${i % 3}`), dedicated: i % 10 === 0, minReplicas: 1 }, i / 40);
      env.run({ until: 9.5 });
      pool.add(model(99, 2), 0.5);
      env.run({ until: 30.4 });
      return { month: pool.takeMonth(), totals: { ...pool.totals }, trace: [...(pool.podsTrace ?? [])] };
    };
    const stepped = run(false);
    const replayed = run(true);
    expect(replayed.trace).toEqual(stepped.trace);
    expect(replayed.totals.steps).toBe(stepped.totals.steps);
    for (const k of [
      "poolCost",
      "dedicatedCost",
      "podHours",
      "allDedicatedCost",
      "requests",
      "latencyWeighted",
    ] as const)
      expect(Math.abs(replayed.month[k] - stepped.month[k])).toBeLessThanOrEqual(
        1e-12 * Math.abs(stepped.month[k]),
      );
    expect([...replayed.month.usedCostByTenant.keys()].sort()).toEqual(
      [...stepped.month.usedCostByTenant.keys()].sort(),
    );
    for (const [t, v] of stepped.month.usedCostByTenant)
      expect(replayed.month.usedCostByTenant.get(t)).toBeCloseTo(v, 6);
  });
});

describe("ServingPool scale-down stabilisation at one-hour steps (issue 10 point 8)", () => {
  const podHours = (stabilisationWindowSeconds: number, replayDays = true) => {
    const env = new Environment();
    const pool = new ServingPool(
      env,
      options({
        stabilisationWindowSeconds,
        diurnalAmplitude: 0.8,
        requestsPerSecondPerModel: 20,
        replayDays,
      }),
    );
    for (let i = 0; i < 5; i++) pool.add(model(i, 2), i / 5);
    env.run({ until: 10 });
    return pool.totals;
  };

  it("a 300 s window delays scale-down, so a diurnal load costs more pod-hours than with no window", () => {
    expect(podHours(300).podHours).toBeGreaterThan(podHours(0).podHours);
  });

  it("replaying whole days gives the same pod-hours as stepping every hour", () => {
    expect(podHours(300, true).podHours).toBe(podHours(300, false).podHours);
  });
});

describe("ServingPool.remove (a production model retired)", () => {
  it("the model stops being served: fewer models, less load, fewer pods, and no more cold loads of it", () => {
    const env = new Environment();
    const pool = new ServingPool(env, options({ requestsPerSecondPerModel: 40 }));
    for (let i = 0; i < 6; i++) pool.add(model(i, 2), i / 6);
    env.run({ until: 2 });
    const podsBefore = pool.pods;
    const loadsBefore = pool.totals.coldLoads;
    expect(pool.remove(3)).toBe(true);
    expect(pool.remove(3)).toBe(false);
    for (const id of [0, 1, 2, 4]) expect(pool.remove(id)).toBe(true);
    expect(pool.modelCount).toBe(1);
    env.run({ until: 4 });
    expect(pool.pods).toBeLessThan(podsBefore);
    expect(pool.totals.coldLoads).toBe(loadsBefore);
    const month = pool.takeMonth();
    // the one model left: about 40 requests/s over the 4 days
    expect(month.requests).toBeCloseTo(40 * 3600 * 24 * 2 + 6 * 40 * 3600 * 24 * 2, -3);
  });
});

describe("Zipf ranks kept by model index (insertRank, removeRank)", () => {
  it("equal a stable sort of the live models' keys after every arrival and retirement, ties included", () => {
    const source = new StreamFactory(11, 0).get("ranks");
    const keys: number[] = [];
    const rankOf: number[] = [];
    // reference: the models in arrival order, and a list kept sorted by key with ties in arrival order
    const models: { key: number }[] = [];
    let sorted: { key: number }[] = [];
    for (let step = 0; step < 2000; step++) {
      if (models.length > 0 && (models.length === 60 || source() < 0.4)) {
        const at = Math.floor(source() * models.length);
        removeRank(keys, rankOf, at);
        const [gone] = models.splice(at, 1);
        sorted = sorted.filter((m) => m !== gone);
      } else {
        // few distinct keys, so that ties are common
        const model = { key: Math.floor(source() * 8) / 8 };
        rankOf.push(insertRank(keys, rankOf, model.key));
        models.push(model);
        sorted = [...sorted, model].sort((a, b) => a.key - b.key);
      }
      expect(keys).toEqual(sorted.map((m) => m.key));
      expect(rankOf).toEqual(models.map((m) => sorted.indexOf(m)));
    }
  });
});
