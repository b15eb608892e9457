import { describe, expect, it } from "vitest";
import { StreamFactory } from "../../../engine/index.ts";
import { ModelMeshPool } from "../../../src/model/platform/model-mesh-pool.ts";
import type { ModelState } from "../../../src/model/platform/served-model.ts";
import { ServingStep } from "../../../src/model/platform/serving-step.ts";
import { servingOptionsFixture } from "./serving-options-fixture.ts";

const options = servingOptionsFixture({
  podCostPerHour: 0.75,
  memoryTargetUtilisation: 0.8,
  source: new StreamFactory(3, 0).get("requests"),
});

function state(id: number, tenantIndex: number, weight: number, memoryGb: number): ModelState {
  return {
    model: {
      id,
      tenant: `t${tenantIndex}`,
      memoryGb,
      dedicated: false,
      regions: 1,
      minReplicas: 1,
      maxReplicas: 5,
    },
    tenantIndex,
    rankKey: id,
    weight,
    replicas: 0,
    stabiliser: undefined,
    hot: false,
    fixedReplicas: false,
  };
}

const HOT_REQUESTS = 20;
const stepSeconds = options.stepHours * 3600;

describe("ModelMeshPool", () => {
  it("charges each tenant its share of the used pool cost and counts hot loads exactly as a plain computation", () => {
    const pool = new ModelMeshPool(options, options.podMemoryGb - options.podOverheadGb, true);
    const models = [state(1, 0, 0.4, 2), state(2, 1, 0.3, 1.5), state(3, 0, 0.2, 3), state(4, 2, 0.1, 0.8)];
    for (const s of models) pool.register(s);
    const classify = (troughRate: number) => {
      pool.beginClassify(3, troughRate);
      for (const s of models) pool.classify(s);
      pool.endClassify(models);
    };
    // a trough this high makes every model hot: the first step loads them all, in classification order
    classify(1000);
    expect(pool.coldCount).toBe(0);
    const step = new ServingStep();
    const used = [0, 0, 0];
    const expected = [0, 0, 0];
    const rates = [50, 80, 20, 140, 65, 30, 90, 45, 120, 70];
    for (let i = 0; i < rates.length; i++) {
      if (i === 5) {
        // weights renormalised (as when a model arrives elsewhere): the tenants' weights are summed afresh
        for (const [k, w] of [0.25, 0.35, 0.3, 0.1].entries()) models[k]!.weight = w;
        classify(1000);
      }
      step.endDays = (i + 1) / 24;
      step.totalRate = rates[i]!;
      pool.step(step, used, 3);
      let poolWeight = 0;
      const tenantWeight = [0, 0, 0];
      for (const s of models) {
        poolWeight += s.weight;
        tenantWeight[s.tenantIndex]! += s.weight;
      }
      const poolRate = rates[i]! * poolWeight;
      const pods = step.poolPods;
      const poolCost = pods * options.podCostPerHour * options.stepHours;
      const utilisation = (poolRate * (options.serviceMs / 1000)) / (pods * options.concurrencyPerPod);
      const share = (poolCost * Math.min(1, utilisation)) / poolWeight;
      for (let t = 0; t < 3; t++) expected[t]! += share * tenantWeight[t]!;
      expect(used).toEqual(expected);
      expect(step.poolCost).toBe(poolCost);
      if (i === 0) {
        let misses = 0;
        for (const s of models)
          misses += Math.min(
            rates[0]! * s.weight * stepSeconds,
            1 + rates[0]! * s.weight * options.loadSeconds,
          );
        expect([step.coldLoads, step.misses]).toEqual([4, misses]);
      }
    }
  });

  it("a classification replaces the cold models of the previous one", () => {
    const pool = new ModelMeshPool(options, options.podMemoryGb - options.podOverheadGb, true);
    const models = [state(1, 0, 0.5, 1), state(2, 0, 0.3, 1), state(3, 1, 0.15, 1), state(4, 1, 0.05, 1)];
    for (const s of models) pool.register(s);
    for (const troughRate of [0.001, 0.02, 0.5, 0.01, 10]) {
      pool.beginClassify(2, troughRate);
      for (const s of models) pool.classify(s);
      pool.endClassify(models);
      const cold = models.filter((s) => !(troughRate * s.weight * stepSeconds >= HOT_REQUESTS)).length;
      expect(pool.coldCount).toBe(cold);
    }
  });
});
