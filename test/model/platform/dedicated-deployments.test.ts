import { describe, expect, it } from "vitest";
import { AllDedicatedComparison } from "../../../src/model/platform/all-dedicated-comparison.ts";
import { DedicatedDeployments } from "../../../src/model/platform/dedicated-deployments.ts";
import { clampReplicas, hpaDesiredReplicas } from "../../../src/model/platform/hpa.ts";
import type { DeploymentSizing, ModelState } from "../../../src/model/platform/served-model.ts";
import { ServingStep } from "../../../src/model/platform/serving-step.ts";

const scaling = {
  dedicatedPodCostPerHour: 0.5,
  stepHours: 1,
  serviceMs: 40,
  concurrencyPerPod: 4,
  targetUtilisation: 0.6,
  tolerance: 0.1,
};

/** A dedicated model of `tenantIndex` with a share `weight` of the requests. */
function state(id: number, tenantIndex: number, weight: number, regions = 1, minReplicas = 1): ModelState {
  return {
    model: {
      id,
      tenant: `t${tenantIndex}`,
      memoryGb: 1,
      dedicated: true,
      regions,
      minReplicas,
      maxReplicas: 6,
    },
    tenantIndex,
    rankKey: id,
    weight,
    replicas: Math.max(1, minReplicas),
    stabiliser: undefined,
    hot: false,
    fixedReplicas: false,
  };
}

function sizing(s: ModelState, staticReplicas: boolean): DeploymentSizing {
  const minReplicas = Math.max(1, s.model.minReplicas);
  const podStepCost = s.model.regions * scaling.dedicatedPodCostPerHour * scaling.stepHours;
  return { minReplicas, staticReplicas, podStepCost };
}

/**
 * A plain step of the deployments: fixed models at their minimum, the others by the HPA rule, each tenant's
 * cost added fixed models first (summed per tenant in classification order), then the scaled models in order.
 */
function referenceStep(
  models: { s: ModelState; fixed: boolean }[],
  replicas: Map<number, number>,
  totalRate: number,
  costByTenant: number[],
): { cost: number; pods: number } {
  const serviceSeconds = scaling.serviceMs / 1000;
  let fixedCost = 0;
  let fixedPods = 0;
  const fixedByTenant = new Map<number, number>();
  for (const { s, fixed } of models) {
    if (!fixed) continue;
    const z = sizing(s, true);
    fixedCost += z.minReplicas * z.podStepCost;
    fixedByTenant.set(s.tenantIndex, (fixedByTenant.get(s.tenantIndex) ?? 0) + z.minReplicas * z.podStepCost);
    fixedPods += z.minReplicas * s.model.regions;
  }
  let cost = fixedCost;
  let pods = fixedPods;
  if (fixedCost > 0)
    for (const t of [...fixedByTenant.keys()].sort((a, b) => a - b))
      if (fixedByTenant.get(t) !== 0) costByTenant[t]! += fixedByTenant.get(t)!;
  for (const { s, fixed } of models) {
    if (fixed) continue;
    const current = replicas.get(s.model.id)!;
    const utilisation = (totalRate * s.weight * serviceSeconds) / scaling.concurrencyPerPod / current;
    const desired = hpaDesiredReplicas(current, utilisation, scaling.targetUtilisation, scaling.tolerance);
    const next = clampReplicas(desired, Math.max(1, s.model.minReplicas), s.model.maxReplicas);
    replicas.set(s.model.id, next);
    const modelCost = next * s.model.regions * scaling.dedicatedPodCostPerHour * scaling.stepHours;
    cost += modelCost;
    pods += next * s.model.regions;
    costByTenant[s.tenantIndex]! += modelCost;
  }
  return { cost, pods };
}

describe("DedicatedDeployments", () => {
  it("costs every step exactly as a plain computation, by tenant, across classifications that reuse its arrays", () => {
    const deployments = new DedicatedDeployments(scaling);
    const step = new ServingStep();
    const costByTenant = [0, 0, 0];
    const expected = [0, 0, 0];
    const replicas = new Map<number, number>();
    // first classification: 2 tenants, two fixed and two scaled models (one multi-region)
    let models = [
      { s: state(1, 0, 0.3), fixed: true },
      { s: state(2, 1, 0.25, 2), fixed: false },
      { s: state(3, 0, 0.2, 1, 2), fixed: true },
      { s: state(4, 1, 0.25), fixed: false },
    ];
    const classify = (tenants: number) => {
      deployments.beginClassify(tenants);
      for (const { s, fixed } of models) deployments.classify(s, sizing(s, fixed));
      deployments.endClassify();
      for (const { s } of models) replicas.set(s.model.id, s.replicas);
    };
    classify(2);
    const rates = [40, 130, 410, 95, 12, 260];
    for (let i = 0; i < rates.length; i++) {
      step.endDays = (i + 1) / 24;
      step.totalRate = rates[i]!;
      deployments.step(step, costByTenant);
      const ref = referenceStep(models, replicas, rates[i]!, expected);
      expect([step.dedicatedCost, step.dedicatedPods]).toEqual([ref.cost, ref.pods]);
      expect(costByTenant).toEqual(expected);
    }
    // second classification: model 1 retired, a third tenant arrived; the first one's fixed costs must not remain
    models = [
      { s: state(5, 2, 0.4, 2), fixed: true },
      models[1]!,
      models[2]!,
      { s: state(6, 2, 0.1), fixed: false },
      models[3]!,
    ];
    classify(3);
    for (let i = 0; i < rates.length; i++) {
      step.endDays = (i + 10) / 24;
      step.totalRate = rates[rates.length - 1 - i]!;
      deployments.step(step, costByTenant);
      const ref = referenceStep(models, replicas, step.totalRate, expected);
      expect([step.dedicatedCost, step.dedicatedPods]).toEqual([ref.cost, ref.pods]);
      expect(costByTenant).toEqual(expected);
    }
    expect(costByTenant[2]).toBeGreaterThan(0);
    // third classification, as many tenants: model 5 retired, so tenant 2 has no fixed cost any more
    models = models.filter(({ s }) => s.model.id !== 5);
    classify(3);
    for (let i = 0; i < rates.length; i++) {
      step.endDays = (i + 20) / 24;
      step.totalRate = rates[i]!;
      deployments.step(step, costByTenant);
      const ref = referenceStep(models, replicas, step.totalRate, expected);
      expect([step.dedicatedCost, step.dedicatedPods]).toEqual([ref.cost, ref.pods]);
      expect(costByTenant).toEqual(expected);
    }
  });
});

describe("AllDedicatedComparison", () => {
  it("prices every step as a plain sum over the models, also after a classification with fewer scaled models", () => {
    const comparison = new AllDedicatedComparison(scaling);
    const perPodAtTarget = scaling.concurrencyPerPod * scaling.targetUtilisation;
    const reference = (models: { s: ModelState; fixed: boolean }[], totalRate: number) => {
      let cost = 0;
      for (const { s, fixed } of models)
        if (fixed) cost += sizing(s, true).minReplicas * sizing(s, true).podStepCost;
      for (const { s, fixed } of models) {
        if (fixed) continue;
        const need = Math.ceil(
          ((totalRate * s.weight * (scaling.serviceMs / 1000)) / perPodAtTarget) * (1 - 1e-9),
        );
        cost +=
          clampReplicas(need, Math.max(1, s.model.minReplicas), s.model.maxReplicas) *
          s.model.regions *
          scaling.dedicatedPodCostPerHour *
          scaling.stepHours;
      }
      return cost;
    };
    const classify = (models: { s: ModelState; fixed: boolean }[]) => {
      comparison.beginClassify();
      for (const { s, fixed } of models) comparison.classify(s, sizing(s, fixed));
    };
    const first = [
      { s: state(1, 0, 0.5, 2), fixed: false },
      { s: state(2, 0, 0.3), fixed: true },
      { s: state(3, 1, 0.2), fixed: false },
    ];
    classify(first);
    for (const rate of [10, 150, 900]) expect(comparison.stepCost(rate)).toBe(reference(first, rate));
    const second = [first[1]!, { s: state(4, 1, 0.6), fixed: false }];
    classify(second);
    for (const rate of [10, 150, 900]) expect(comparison.stepCost(rate)).toBe(reference(second, rate));
    expect(comparison.stepCost(900)).not.toBe(reference(first, 900));
  });
});
