/**
 * The comparison finance asks for: the cost of serving every model on its own dedicated deployment, each sized
 * by the HPA's steady state (the fewest replicas that keep it at the target utilisation, between its tier's min
 * and max). Models whose peak load fits their minimum cost a constant per step, summed once per classification.
 */
import { clampReplicas } from "./hpa.ts";
import type { DeploymentSizing, ModelState } from "./served-model.ts";

/** What the comparison's deployments cost per step. */
export interface ComparisonPricing {
  dedicatedPodCostPerHour: number;
  stepHours: number;
  serviceMs: number;
  concurrencyPerPod: number;
  targetUtilisation: number;
}

/** Every model on its own deployment, priced step by step. */
export class AllDedicatedComparison {
  readonly #o: ComparisonPricing;
  readonly #dynamic: ModelState[] = [];
  #fixedCost = 0;

  /** Price deployments by `pricing` (pod price per hour, step length, service time, HPA target). */
  constructor(pricing: ComparisonPricing) {
    this.#o = pricing;
  }

  /** Start a classification. */
  beginClassify(): void {
    // emptied by pops, not replaced: a classification follows every model arrival and retirement
    while (this.#dynamic.length > 0) this.#dynamic.pop();
    this.#fixedCost = 0;
  }

  /** Classify one model (pool or dedicated alike). */
  classify(state: ModelState, sizing: DeploymentSizing): void {
    if (sizing.staticReplicas) this.#fixedCost += sizing.minReplicas * sizing.podStepCost;
    else this.#dynamic.push(state);
  }

  /** Cost of one step at `totalRate` requests/s shared by weight. */
  stepCost(totalRate: number): number {
    const o = this.#o;
    const serviceSeconds = o.serviceMs / 1000;
    const perPodAtTarget = o.concurrencyPerPod * o.targetUtilisation;
    let cost = this.#fixedCost;
    const dynamic = this.#dynamic;
    for (let i = 0; i < dynamic.length; i++) {
      const state = dynamic[i]!;
      const m = state.model;
      const need = Math.ceil(((totalRate * state.weight * serviceSeconds) / perPodAtTarget) * (1 - 1e-9));
      cost +=
        clampReplicas(need, Math.max(1, m.minReplicas), m.maxReplicas) *
        m.regions *
        o.dedicatedPodCostPerHour *
        o.stepHours;
    }
    return cost;
  }
}
