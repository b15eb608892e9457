/**
 * Model serving, time-stepped inside the event simulation: request load per model from Zipf popularity x a
 * diurnal profile x growth; multi-model pods that load models on demand and evict the least recently used one
 * only under memory pressure (KServe ModelMesh); dedicated deployments (one model per deployment); pod counts
 * from the Kubernetes HPA rule with tolerance and a scale-down stabilisation window.
 *
 * Sources and approximations:
 * - HPA rule: Kubernetes docs "Horizontal Pod Autoscaling" (see hpa.ts); the metric is CPU utilisation =
 *   offered load (requests/s x service time) / (pods x concurrency per pod).
 * - ModelMesh: kserve/modelmesh docs ("a distributed LRU cache for serving runtime models"). A model not loaded
 *   anywhere is loaded on the pod with the most free memory. Extra copies of hot models are not modelled (their
 *   memory is ignored); requests are assumed balanced across pods.
 * - Within a step, a model with rate lambda is accessed with probability 1 - exp(-lambda * step); accesses are
 *   applied to the caches in the order of their first request (truncated-exponential time), so recency within a
 *   step is by first request. A cold load makes the requests arriving during the load latency wait for it:
 *   misses = min(requests, 1 + lambda * loadSeconds).
 * - Latency: each pod is an M/M/c queue (c = concurrency per pod, mean service time serviceMs) fed by an equal
 *   share of the pool's requests; the p95 of a step is the 0.95 quantile of the mixture where the cold-miss
 *   share of requests also waits the load latency (erlang-c.ts). Steps where the pool is saturated are counted
 *   as overloaded hours and left out of the latency average.
 * - Zipf popularity: model ranks are a random permutation (each model draws a uniform key when it goes live);
 *   weights 1 / rank^s normalised over the models live at the time.
 */
import type { Environment, RandomSource } from "../../../engine/index.ts";
import { mmcResponseQuantile } from "./erlang-c.ts";
import { clampReplicas, hpaDesiredReplicas, ScaleDownStabiliser } from "./hpa.ts";
import { ModelCache } from "./model-cache.ts";
import { DAYS_PER_MONTH, HOURS_PER_DAY } from "./time-units.ts";

/** Parameters of a serving pool. */
export interface ServingOptions {
  name: string;
  mode: "multiModel" | "dedicated";
  stepHours: number;
  podCostPerHour: number;
  /** Price of a pod of a dedicated deployment (the guide compares equal pods). */
  dedicatedPodCostPerHour: number;
  podMemoryGb: number;
  podOverheadGb: number;
  loadSeconds: number;
  /** Mean requests per second per live model, before the diurnal profile and growth. */
  requestsPerSecondPerModel: number;
  zipfExponent: number;
  /** Relative swing of the diurnal profile in [0, 1): rate x (1 + a cos(2 pi (h - peakHour) / 24)). */
  diurnalAmplitude: number;
  peakHour: number;
  /** Growth of the per-model rate per month (0.02 = +2% a month, compounded). */
  growthPerMonth: number;
  serviceMs: number;
  concurrencyPerPod: number;
  targetUtilisation: number;
  tolerance: number;
  stabilisationWindowSeconds: number;
  minReplicas: number;
  maxReplicas: number;
  /** Uniform source for request arrivals within a step. */
  source: RandomSource;
  /** Only compute pods and cost (for comparisons): no latency. */
  shadow?: boolean;
}

/** A model the pool serves. */
export interface ServedModel {
  id: number;
  tenant: string;
  memoryGb: number;
  /** Dedicated deployment even in a multi-model pool (e.g. Platinum). */
  dedicated: boolean;
  /** Copies of a dedicated deployment (2 for multi-region). */
  regions: number;
  minReplicas: number;
  maxReplicas: number;
}

interface ModelState {
  model: ServedModel;
  rankKey: number;
  weight: number;
  replicas: number;
  stabiliser: ScaleDownStabiliser;
  lambda: number;
}

/** Per-month totals a pool accumulates until `takeMonth`. */
export interface ServingMonth {
  poolCost: number;
  dedicatedCost: number;
  podHours: number;
  /** Cost of serving every model on its own dedicated deployment (the comparison). */
  allDedicatedCost: number;
  requests: number;
  misses: number;
  coldLoads: number;
  /** Pool cost used by each tenant's requests (OpenCost usage); the rest of poolCost is idle. */
  usedCostByTenant: Map<string, number>;
  /** Dedicated-deployment cost by tenant (their request is the whole pod). */
  dedicatedCostByTenant: Map<string, number>;
  latencyWeighted: number;
  latencyRequests: number;
  overloadedHours: number;
  modelsPerPodHours: number;
}

function emptyMonth(): ServingMonth {
  return {
    poolCost: 0,
    dedicatedCost: 0,
    podHours: 0,
    allDedicatedCost: 0,
    requests: 0,
    misses: 0,
    coldLoads: 0,
    usedCostByTenant: new Map(),
    dedicatedCostByTenant: new Map(),
    latencyWeighted: 0,
    latencyRequests: 0,
    overloadedHours: 0,
    modelsPerPodHours: 0,
  };
}

/** A serving platform (one multi-model pool plus dedicated deployments), stepped every `stepHours`. */
export class ServingPool {
  readonly options: Readonly<ServingOptions>;
  readonly #env: Environment;
  readonly #models: ModelState[] = [];
  #ranksDirty = false;
  #pods: ModelCache[] = [];
  readonly #poolStabiliser: ScaleDownStabiliser;
  #month: ServingMonth = emptyMonth();
  /** Totals over the whole run. */
  readonly totals = { requests: 0, misses: 0, coldLoads: 0, podHours: 0, steps: 0, maxPods: 0 };
  /** Pool pods at each step (for tests and traces). */
  readonly podsTrace: number[] | undefined;

  /** Create the pool with `minReplicas` empty pods and start stepping at the current time. */
  constructor(env: Environment, options: ServingOptions, keepTrace = false) {
    const o = options;
    if (!(o.stepHours > 0)) throw new RangeError(`stepHours must be > 0, got ${o.stepHours}`);
    if (!(o.minReplicas >= 0 && o.maxReplicas >= Math.max(1, o.minReplicas)))
      throw new RangeError(
        `replicas must satisfy 0 <= min <= max, max >= 1, got ${o.minReplicas}..${o.maxReplicas}`,
      );
    if (!(o.targetUtilisation > 0 && o.targetUtilisation <= 1))
      throw new RangeError(`targetUtilisation must be in (0, 1], got ${o.targetUtilisation}`);
    if (!(o.podMemoryGb > o.podOverheadGb)) throw new RangeError("podMemoryGb must exceed podOverheadGb");
    this.#env = env;
    this.options = o;
    this.#poolStabiliser = new ScaleDownStabiliser(o.stabilisationWindowSeconds);
    this.podsTrace = keepTrace ? [] : undefined;
    this.#resizePool(o.mode === "multiModel" ? o.minReplicas : 0);
    env.schedule(o.stepHours / HOURS_PER_DAY, () => this.#step());
  }

  /** Memory a pod offers to models, GB. */
  get modelMemoryGb(): number {
    return this.options.podMemoryGb - this.options.podOverheadGb;
  }

  /** Pool pods now. */
  get pods(): number {
    return this.#pods.length;
  }

  /** Models being served. */
  get modelCount(): number {
    return this.#models.length;
  }

  /** Start serving a model from now on (memory is capped at a pod's model memory). */
  add(model: ServedModel, rankKey: number): void {
    const m = { ...model, memoryGb: Math.min(model.memoryGb, this.modelMemoryGb) };
    const dedicated = this.options.mode === "dedicated" || m.dedicated;
    this.#models.push({
      model: { ...m, dedicated },
      rankKey,
      weight: 0,
      replicas: dedicated ? Math.max(1, m.minReplicas) : 0,
      stabiliser: new ScaleDownStabiliser(this.options.stabilisationWindowSeconds),
      lambda: 0,
    });
    this.#ranksDirty = true;
  }

  #rank(): void {
    const sorted = [...this.#models].sort((a, b) => a.rankKey - b.rankKey);
    const s = this.options.zipfExponent;
    let sum = 0;
    for (let r = 0; r < sorted.length; r++) sum += 1 / (r + 1) ** s;
    for (let r = 0; r < sorted.length; r++) sorted[r]!.weight = 1 / (r + 1) ** s / sum;
    this.#ranksDirty = false;
  }

  #resizePool(target: number): void {
    while (this.#pods.length < target) this.#pods.push(new ModelCache(this.modelMemoryGb));
    if (this.#pods.length > target) this.#pods.length = target;
  }

  #profile(hours: number): number {
    const o = this.options;
    const diurnal = 1 + o.diurnalAmplitude * Math.cos((2 * Math.PI * (hours - o.peakHour)) / 24);
    const months = hours / HOURS_PER_DAY / DAYS_PER_MONTH;
    return diurnal * (1 + o.growthPerMonth) ** months;
  }

  #step(): void {
    const o = this.options;
    const env = this.#env;
    // the load of the step is taken at its midpoint
    const stepStartHours = env.now * HOURS_PER_DAY - o.stepHours;
    const stepSeconds = o.stepHours * 3600;
    if (this.#ranksDirty) this.#rank();
    const perModel = o.requestsPerSecondPerModel * this.#profile(stepStartHours + o.stepHours / 2);
    const n = this.#models.length;
    const totalRate = perModel * n;
    const serviceSeconds = o.serviceMs / 1000;
    const month = this.#month;
    let poolRate = 0;
    const poolRateByTenant = new Map<string, number>();
    let dedicatedCost = 0;
    let allDedicatedCost = 0;
    const accessed: { state: ModelState; first: number; requests: number }[] = [];
    for (const state of this.#models) {
      const lambda = totalRate * state.weight;
      state.lambda = lambda;
      const requests = lambda * stepSeconds;
      month.requests += requests;
      this.totals.requests += requests;
      // the comparison: this model alone on a dedicated deployment
      const utilisationAlone = (lambda * serviceSeconds) / o.concurrencyPerPod;
      const m = state.model;
      if (m.dedicated) {
        const desired = hpaDesiredReplicas(
          state.replicas,
          utilisationAlone / Math.max(1, state.replicas),
          o.targetUtilisation,
          o.tolerance,
        );
        const stabilised = desired < state.replicas ? state.stabiliser.recommend(env.now, desired) : desired;
        if (desired >= state.replicas) state.stabiliser.recommend(env.now, desired);
        state.replicas = clampReplicas(stabilised, Math.max(1, m.minReplicas), m.maxReplicas);
        const cost = state.replicas * m.regions * o.dedicatedPodCostPerHour * o.stepHours;
        dedicatedCost += cost;
        allDedicatedCost += cost;
        month.dedicatedCostByTenant.set(m.tenant, (month.dedicatedCostByTenant.get(m.tenant) ?? 0) + cost);
      } else {
        poolRate += lambda;
        poolRateByTenant.set(m.tenant, (poolRateByTenant.get(m.tenant) ?? 0) + lambda);
        const replicas = clampReplicas(
          Math.ceil((utilisationAlone / o.targetUtilisation) * (1 - 1e-9)),
          Math.max(1, m.minReplicas),
          m.maxReplicas,
        );
        allDedicatedCost += replicas * m.regions * o.dedicatedPodCostPerHour * o.stepHours;
        if (!o.shadow) {
          const p = 1 - Math.exp(-requests);
          const u = o.source();
          if (u < p) {
            // first arrival time given at least one arrival in the step (inverse CDF of a truncated exponential)
            const first = requests > 0 ? -Math.log(1 - u) / lambda : 0;
            accessed.push({ state, first, requests });
          }
        }
      }
    }
    // multi-model pool: caches, then HPA for the next step
    let pods = this.#pods.length;
    if (pods === 0 && poolRate > 0) {
      this.#resizePool(1);
      pods = 1;
    }
    let stepColdRequests = 0;
    if (pods > 0) {
      accessed.sort((a, b) => a.first - b.first);
      for (const { state, requests } of accessed) {
        const id = state.model.id;
        let hitPod: ModelCache | undefined;
        for (const pod of this.#pods)
          if (pod.has(id)) {
            hitPod = pod;
            break;
          }
        if (hitPod !== undefined) {
          hitPod.access(id, state.model.memoryGb);
          continue;
        }
        let target = this.#pods[0]!;
        for (const pod of this.#pods) if (pod.freeGb > target.freeGb) target = pod;
        target.access(id, state.model.memoryGb);
        const misses = Math.min(requests, 1 + state.lambda * o.loadSeconds);
        stepColdRequests += misses;
        month.misses += misses;
        month.coldLoads += 1;
        this.totals.misses += misses;
        this.totals.coldLoads += 1;
      }
    }
    const poolCost = pods * o.podCostPerHour * o.stepHours;
    const utilisation = pods > 0 ? (poolRate * serviceSeconds) / (pods * o.concurrencyPerPod) : 0;
    const used = Math.min(1, utilisation);
    if (poolRate > 0)
      for (const [tenant, rate] of poolRateByTenant)
        month.usedCostByTenant.set(
          tenant,
          (month.usedCostByTenant.get(tenant) ?? 0) + (poolCost * used * rate) / poolRate,
        );
    if (!o.shadow && pods > 0 && poolRate > 0) {
      let loaded = 0;
      for (const pod of this.#pods) loaded += pod.size;
      month.modelsPerPodHours += (loaded / pods) * o.stepHours;
      if (utilisation < 1) {
        const stepRequests = poolRate * stepSeconds;
        const coldShare = stepRequests > 0 ? Math.min(1, stepColdRequests / stepRequests) : 0;
        const p95 = mmcResponseQuantile(
          o.concurrencyPerPod,
          poolRate / pods,
          1 / serviceSeconds,
          0.95,
          o.loadSeconds,
          coldShare,
        );
        month.latencyWeighted += p95 * 1000 * stepRequests;
        month.latencyRequests += stepRequests;
      } else {
        month.overloadedHours += o.stepHours;
      }
    }
    month.poolCost += poolCost;
    month.dedicatedCost += dedicatedCost;
    month.allDedicatedCost += allDedicatedCost;
    let dedicatedPods = 0;
    for (const s of this.#models) if (s.model.dedicated) dedicatedPods += s.replicas * s.model.regions;
    month.podHours += (pods + dedicatedPods) * o.stepHours;
    this.totals.podHours += (pods + dedicatedPods) * o.stepHours;
    this.totals.steps++;
    if (this.podsTrace !== undefined) this.podsTrace.push(pods);
    if (pods > this.totals.maxPods) this.totals.maxPods = pods;
    if (o.mode === "multiModel" || pods > 0) {
      const desired = pods > 0 ? hpaDesiredReplicas(pods, utilisation, o.targetUtilisation, o.tolerance) : 0;
      const stabilised = desired < pods ? this.#poolStabiliser.recommend(env.now, desired) : desired;
      if (desired >= pods) this.#poolStabiliser.recommend(env.now, desired);
      const minimum =
        poolRate > 0 || o.mode === "multiModel" ? Math.max(o.minReplicas, poolRate > 0 ? 1 : 0) : 0;
      this.#resizePool(clampReplicas(stabilised, minimum, o.maxReplicas));
    }
    env.schedule(o.stepHours / HOURS_PER_DAY, () => this.#step());
  }

  /** Hand over the month's totals and start a new month. */
  takeMonth(): ServingMonth {
    const m = this.#month;
    this.#month = emptyMonth();
    return m;
  }
}
