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

/**
 * Pods at the start of each step of the first test, worked out by hand from the HPA rule (hpa.ts): on CPU (target
 * 0.6; 50 ms a request, 4 at a time per pod) `rate` requests/s ask for ceil(rate / 48) pods, unless
 * rate / (48 x pods) is within 10% of 1 (then no change); on memory (7.3 GB of models, all hot, in pods of 14 GB,
 * target 0.8) never more than 1; the 300 s scale-down window keeps the previous step's recommendation, made for
 * that whole step, in force for one more step, so pods = max(this step's and the previous step's recommendation).
 *
 *   rate (requests/s)   50  80  20 140  65  30  90  45 120  70
 *   recommended          1   2   1   3   2   1   2   1   3   -
 *   pods                 1   1   2   2   3   3   2   2   2   3   (the first step: no pods yet, so the minimum, 1)
 */
const RATES = [50, 80, 20, 140, 65, 30, 90, 45, 120, 70];
const PODS = [1, 1, 2, 2, 3, 3, 2, 2, 2, 3];

describe("ModelMeshPool", () => {
  it("charges each tenant its share of the used pool cost and counts hot loads exactly as a plain computation", () => {
    // two-hour steps at $0.75 per pod-hour: a step costs $1.50 a pod
    const twoHourly = { ...options, stepHours: 2 };
    const pool = new ModelMeshPool(twoHourly, options.podMemoryGb - options.podOverheadGb, true);
    const models = [state(1, 0, 0.4, 2), state(2, 1, 0.3, 1.5), state(3, 0, 0.2, 3), state(4, 2, 0.1, 0.8)];
    for (const s of models) pool.register(s);
    const classify = (troughRate: number) => {
      pool.beginClassify(3, troughRate);
      for (const s of models) pool.classify(s, s.model.memoryGb);
      pool.endClassify(models);
    };
    // a trough this high makes every model hot: the first step loads them all, in classification order
    classify(1000);
    expect(pool.coldCount).toBe(0);
    const step = new ServingStep();
    const used = [0, 0, 0];
    const expected = [0, 0, 0];
    for (let i = 0; i < RATES.length; i++) {
      if (i === 5) {
        // weights renormalised (as when a model arrives elsewhere): the tenants' weights are summed afresh
        for (const [k, w] of [0.25, 0.35, 0.3, 0.1].entries()) models[k]!.weight = w;
        classify(1000);
      }
      step.endDays = ((i + 1) * twoHourly.stepHours) / 24;
      step.totalRate = RATES[i]!;
      pool.step(step, used, 3);
      let poolWeight = 0;
      const tenantWeight = [0, 0, 0];
      for (const s of models) {
        poolWeight += s.weight;
        tenantWeight[s.tenantIndex]! += s.weight;
      }
      const poolRate = RATES[i]! * poolWeight;
      const pods = PODS[i]!;
      const poolCost = 1.5 * pods;
      const utilisation = (poolRate * 0.05) / (pods * 4);
      const share = (poolCost * Math.min(1, utilisation)) / poolWeight;
      for (let t = 0; t < 3; t++) expected[t]! += share * tenantWeight[t]!;
      expect([step.poolPods, step.poolCost]).toEqual([pods, poolCost]);
      expect(used).toEqual(expected);
      if (i === 0) {
        // by hand: 1 pod, $1.50, 50 x 0.05 / 4 = 62.5% used, so $0.9375 split 0.6 : 0.3 : 0.1 by tenant
        for (const [t, dollars] of [0.5625, 0.28125, 0.09375].entries())
          expect(used[t]).toBeCloseTo(dollars, 12);
        let misses = 0;
        for (const s of models)
          misses += Math.min(
            RATES[0]! * s.weight * twoHourly.stepHours * 3600,
            1 + RATES[0]! * s.weight * options.loadSeconds,
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
      for (const s of models) pool.classify(s, s.model.memoryGb);
      pool.endClassify(models);
      const cold = models.filter((s) => !(troughRate * s.weight * stepSeconds >= HOT_REQUESTS)).length;
      expect(pool.coldCount).toBe(cold);
    }
  });
});
