/**
 * Dedicated deployments (one model per deployment, e.g. Platinum, or every model in `dedicated` mode): replicas
 * by the Kubernetes HPA rule on the model's own CPU load (hpa.ts), between the tier's min and max. A deployment
 * whose peak load needs no more than its minimum stays at the minimum; that is decided once per classification,
 * not per step, and its cost per step is a constant. Scale-down is stabilised at any step (hpa.ts): the previous
 * step's recommendation is still in the window when the next step starts.
 */
import { HOURS_PER_DAY } from "../calendar.ts";
import { clampReplicas, hpaDesiredReplicas } from "./hpa.ts";
import type { DeploymentSizing, ModelState } from "./served-model.ts";
import type { ServingStep } from "./serving-step.ts";

/** HPA parameters the deployments scale by. */
export interface DeploymentScaling {
  dedicatedPodCostPerHour: number;
  stepHours: number;
  serviceMs: number;
  concurrencyPerPod: number;
  targetUtilisation: number;
  tolerance: number;
}

/** The dedicated deployments of one serving platform. */
export class DedicatedDeployments {
  readonly #o: DeploymentScaling;
  /** A step's recommendation is re-made until the next step (hpa.ts). */
  readonly #holdDays: number;
  readonly #serviceSeconds: number;
  /** Deployments that scale with load. */
  readonly #dynamic: ModelState[] = [];
  /** Cost, pods and cost by tenant index of one step of the deployments fixed at their minimum. */
  #fixedCost = 0;
  #fixedPods = 0;
  #fixedCostByTenant = new Float64Array(0);
  /** Tenants with a non-zero fixed cost, ascending (adding the others' zeros would change nothing). */
  readonly #fixedTenants: number[] = [];

  /** Scale and price deployments by `scaling` (pod price, step, service time, HPA target and tolerance). */
  constructor(scaling: DeploymentScaling) {
    this.#o = scaling;
    this.#holdDays = scaling.stepHours / HOURS_PER_DAY;
    this.#serviceSeconds = scaling.serviceMs / 1000;
  }

  /** Start a classification of `tenants` tenants' models. */
  beginClassify(tenants: number): void {
    // the arrays are refilled, not replaced: a classification follows every model arrival and retirement
    if (this.#fixedCostByTenant.length === tenants) this.#fixedCostByTenant.fill(0);
    else this.#fixedCostByTenant = new Float64Array(tenants);
    while (this.#dynamic.length > 0) this.#dynamic.pop();
    this.#fixedCost = 0;
    this.#fixedPods = 0;
  }

  /** Classify one dedicated model: fixed at its minimum, or scaled step by step. */
  classify(state: ModelState, sizing: DeploymentSizing): void {
    state.fixedReplicas = sizing.staticReplicas;
    if (!sizing.staticReplicas) {
      this.#dynamic.push(state);
      return;
    }
    const min = sizing.minReplicas;
    state.replicas = min;
    this.#fixedCost += min * sizing.podStepCost;
    this.#fixedCostByTenant[state.tenantIndex]! += min * sizing.podStepCost;
    this.#fixedPods += min * state.model.regions;
  }

  /** End the classification. */
  endClassify(): void {
    while (this.#fixedTenants.length > 0) this.#fixedTenants.pop();
    for (let t = 0; t < this.#fixedCostByTenant.length; t++)
      if (this.#fixedCostByTenant[t] !== 0) this.#fixedTenants.push(t);
  }

  /**
   * Scale every dynamic deployment to the step's load (`step.totalRate` requests/s, shared by weight) at its end
   * (`step.endDays`), add the step's cost by tenant to `costByTenant` and its pods and cost to `step`.
   */
  step(step: ServingStep, costByTenant: number[]): void {
    const o = this.#o;
    const now = step.endDays;
    const totalRate = step.totalRate;
    const serviceSeconds = this.#serviceSeconds;
    let cost = this.#fixedCost;
    let pods = this.#fixedPods;
    // indexed loops: a for-of loop's iterator cost more than the few additions it drives, at every step
    if (this.#fixedCost > 0) {
      const fixedTenants = this.#fixedTenants;
      const fixedCostByTenant = this.#fixedCostByTenant;
      for (let i = 0; i < fixedTenants.length; i++) {
        const t = fixedTenants[i]!;
        costByTenant[t]! += fixedCostByTenant[t]!;
      }
    }
    const dynamic = this.#dynamic;
    for (let i = 0; i < dynamic.length; i++) {
      const state = dynamic[i]!;
      const m = state.model;
      const utilisation = (totalRate * state.weight * serviceSeconds) / o.concurrencyPerPod / state.replicas;
      const desired = hpaDesiredReplicas(state.replicas, utilisation, o.targetUtilisation, o.tolerance);
      const next =
        state.stabiliser !== undefined ? state.stabiliser.recommend(now, desired, this.#holdDays) : desired;
      state.replicas = clampReplicas(next, Math.max(1, m.minReplicas), m.maxReplicas);
      const modelCost = state.replicas * m.regions * o.dedicatedPodCostPerHour * o.stepHours;
      cost += modelCost;
      pods += state.replicas * m.regions;
      costByTenant[state.tenantIndex]! += modelCost;
    }
    step.dedicatedCost = cost;
    step.dedicatedPods = pods;
  }

  /**
   * Write the deployments' state after a step into `state` from index `at` (replicas and latest recommendation
   * of each scaled deployment), for `resume`; returns the index after it.
   */
  stateInto(state: number[], at: number): number {
    let n = at;
    const dynamic = this.#dynamic;
    for (let i = 0; i < dynamic.length; i++) {
      const d = dynamic[i]!;
      state[n++] = d.replicas;
      if (d.stabiliser !== undefined) state[n++] = d.stabiliser.latest;
    }
    return n;
  }

  /**
   * Resume stepping at the step boundary `boundaryDays` after replayed steps, in the state `state` holds from
   * `at` (as `stateInto` wrote it at the same step of the day): replicas, and each stabiliser's memory, the
   * latest recommendation, made by the step that ended at `boundaryDays` as stepping would have dated it;
   * returns the index after the state.
   */
  resume(boundaryDays: number, state: readonly number[], at: number): number {
    let n = at;
    const dynamic = this.#dynamic;
    for (let i = 0; i < dynamic.length; i++) {
      const d = dynamic[i]!;
      d.replicas = state[n++]!;
      if (d.stabiliser !== undefined) d.stabiliser.recommend(boundaryDays, state[n++]!, this.#holdDays);
    }
    return n;
  }

  /**
   * Write what decides the deployments' next day (their replicas) into a day-replay signature from index `at`;
   * returns the index after the last entry written.
   */
  signatureInto(signature: number[], at: number): number {
    let n = at;
    const dynamic = this.#dynamic;
    for (let i = 0; i < dynamic.length; i++) {
      const state = dynamic[i]!;
      signature[n++] = state.replicas;
      if (state.stabiliser !== undefined) signature[n++] = state.stabiliser.latest;
    }
    return n;
  }
}
