/**
 * Model serving, time-stepped inside the event simulation: request load per model from Zipf popularity x a
 * diurnal profile x growth; multi-model pods that load models on demand and evict the least recently used one
 * only under memory pressure (KServe ModelMesh); dedicated deployments (one model per deployment); pod counts
 * from the Kubernetes HPA rule with tolerance and a scale-down stabilisation window.
 *
 * Sources and approximations (stated, so they can be challenged):
 * - HPA rule: Kubernetes docs "Horizontal Pod Autoscaling" (hpa.ts). The pool has two metrics and, as the docs
 *   say for several metrics, takes the larger recommendation: CPU utilisation = offered load (requests/s x
 *   service time) / (pods x concurrency per pod), and memory utilisation = memory of the models used in the
 *   step / model memory of the pool (a working-set metric, target `memoryTargetUtilisation`; 0 = CPU only).
 * - ModelMesh: kserve/modelmesh docs ("a distributed LRU cache for serving runtime models"). A model not loaded
 *   anywhere is loaded on the pod with the most free memory. Extra copies of hot models are not modelled (their
 *   memory is ignored); requests are balanced across pods.
 * - Within a step, a model with rate lambda is used with probability 1 - exp(-lambda * step); uses are applied
 *   to the caches in the order of their first request (a truncated-exponential time). A model expecting >= 20
 *   requests even at the diurnal trough (P(no request) < 2e-9) is "hot": it is used at the start of every step,
 *   so it is kept loaded and evicted only when nothing else is left (this only differs from exact LRU when the
 *   step's own working set does not fit). A cold load makes the requests arriving during the load wait for it:
 *   misses = min(requests, 1 + lambda * loadSeconds).
 * - Latency: each pod is an M/M/c queue (c = concurrency per pod, mean service time serviceMs) fed by an equal
 *   share of the pool's requests; the p95 of a step is the 0.95 quantile of the mixture where the cold-miss
 *   share of requests also waits the load latency (erlang-c.ts). Saturated steps are counted as overloaded
 *   hours and left out of the latency average.
 * - Dedicated deployments: replicas by the HPA rule on the model's own CPU load, between the tier's min and max;
 *   a deployment whose peak load needs no more than its minimum stays at the minimum (computed once, not per
 *   step). With a stabilisation window shorter than the step, only the current recommendation is in the window.
 * - Zipf popularity: ranks are a random permutation (each model draws a uniform key when it goes live);
 *   weights 1 / rank^s normalised over the models live at the time.
 */
import type { Environment, RandomSource } from "../../../engine/index.ts";
import { exponentialGapFromUniform } from "../../../engine/index.ts";
import { DAYS_PER_MONTH, HOURS_PER_DAY, monthOfDay } from "../calendar.ts";
import { mmcResponseQuantile } from "./erlang-c.ts";
import { clampReplicas, hpaDesiredReplicas, ScaleDownStabiliser } from "./hpa.ts";
import { ModelCache } from "./model-cache.ts";

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
  /** Relative swing of the diurnal profile in [0, 1]: rate x (1 + a cos(2 pi (h - peakHour) / 24)). */
  diurnalAmplitude: number;
  peakHour: number;
  /** Growth of the per-model rate per month (0.02 = +2% a month, compounded). */
  growthPerMonth: number;
  serviceMs: number;
  concurrencyPerPod: number;
  targetUtilisation: number;
  /** HPA target of the pool's memory metric in (0, 1]; 0 = scale on CPU only. */
  memoryTargetUtilisation: number;
  tolerance: number;
  stabilisationWindowSeconds: number;
  minReplicas: number;
  maxReplicas: number;
  /** Uniform source for request arrivals within a step. */
  source: RandomSource;
  /** Only compute pods and cost (for comparisons): no caches, no latency. */
  shadow?: boolean;
  /** Replay a day identical to the previous one instead of stepping through it (default true; exact). */
  replayDays?: boolean;
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
  tenantIndex: number;
  rankKey: number;
  weight: number;
  replicas: number;
  /** Created only when the pool uses stabilisation (window at least one step). */
  stabiliser: ScaleDownStabiliser | undefined;
  /** Pool model used every step (kept loaded). */
  hot: boolean;
  /** Dedicated deployment that never leaves its minimum. */
  fixedReplicas: boolean;
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

const HOT_REQUESTS = 20;
const EMPTY_INDEX = new Int32Array(0);

// Accumulators live in a Float64Array (no boxed numbers on the hourly path), in this order.
const POOL_COST = 0;
const DEDICATED_COST = 1;
const POD_HOURS = 2;
const ALL_DEDICATED_COST = 3;
const REQUESTS = 4;
const MISSES = 5;
const COLD_LOADS = 6;
const LATENCY_WEIGHTED = 7;
const LATENCY_REQUESTS = 8;
const OVERLOADED_HOURS = 9;
const MODELS_PER_POD_HOURS = 10;
const MONTH_FIELDS = 11;
// run totals
const T_REQUESTS = 0;
const T_MISSES = 1;
const T_COLD_LOADS = 2;
const T_POD_HOURS = 3;
const TOTAL_FIELDS = 4;

/** A ServingMonth of the differences `to - from` of two accumulator arrays (empty tenant maps). */
function monthBetween(to: Float64Array, from: Float64Array): ServingMonth {
  return {
    poolCost: to[POOL_COST]! - from[POOL_COST]!,
    dedicatedCost: to[DEDICATED_COST]! - from[DEDICATED_COST]!,
    podHours: to[POD_HOURS]! - from[POD_HOURS]!,
    allDedicatedCost: to[ALL_DEDICATED_COST]! - from[ALL_DEDICATED_COST]!,
    requests: to[REQUESTS]! - from[REQUESTS]!,
    misses: to[MISSES]! - from[MISSES]!,
    coldLoads: to[COLD_LOADS]! - from[COLD_LOADS]!,
    usedCostByTenant: new Map(),
    dedicatedCostByTenant: new Map(),
    latencyWeighted: to[LATENCY_WEIGHTED]! - from[LATENCY_WEIGHTED]!,
    latencyRequests: to[LATENCY_REQUESTS]! - from[LATENCY_REQUESTS]!,
    overloadedHours: to[OVERLOADED_HOURS]! - from[OVERLOADED_HOURS]!,
    modelsPerPodHours: to[MODELS_PER_POD_HOURS]! - from[MODELS_PER_POD_HOURS]!,
  };
}

function sameSignature(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A day of steps recorded to be replayed (month and totals deltas, pods trace). */
interface DayRecord {
  signature: number[];
  /** Month accumulators at the start (snapshot) or their change over the day (delta). */
  month: Float64Array;
  used: number[];
  dedicated: number[];
  /** Run totals (requests, misses, cold loads, pod-hours) likewise. */
  totals: Float64Array;
  steps: number;
  traceStart: number;
  maxPods: number;
  podsTrace?: number[];
}

/** A serving platform (one multi-model pool plus dedicated deployments), stepped every `stepHours`. */
export class ServingPool {
  readonly options: Readonly<ServingOptions>;
  readonly #env: Environment;
  readonly #models: ModelState[] = [];
  readonly #tenants: string[] = [];
  readonly #tenantIndex = new Map<string, number>();
  #dirty = false;
  #pods: ModelCache[] = [];
  /** Caches of removed pods, reused (cleared) when the pool grows again. */
  readonly #sparePods: ModelCache[] = [];
  readonly #location = new Map<number, ModelCache>();
  readonly #pinned = new Set<number>();
  /** Hot models not loaded on any pod (first classification, a pod removed, or evicted as a last resort). */
  readonly #missingHot = new Set<number>();
  readonly #stateById = new Map<number, ModelState>();
  /** Whether two served models share an id (the pinned set is then rebuilt instead of updated). */
  #duplicateIds = false;
  readonly #poolStabiliser: ScaleDownStabiliser;
  readonly #useStabiliser: boolean;
  /** Accumulators since the start of the run (never reset, so a recorded day can span a month close). */
  #cum = new Float64Array(MONTH_FIELDS);
  /** `#cum` and the tenant accumulators at the last `takeMonth`. */
  #taken = new Float64Array(MONTH_FIELDS);
  #takenUsed: number[] = [];
  #takenDedicated: number[] = [];
  // per-classification constants
  #poolWeight = 0;
  #tenantPoolWeight: number[] = [];
  #hotMemoryGb = 0;
  #coldModels: ModelState[] = [];
  #dynamicDedicated: ModelState[] = [];
  #fixedDedicatedCost = 0;
  #fixedDedicatedCostByTenant: number[] = [];
  #dynamicAllDedicated: ModelState[] = [];
  #fixedAllDedicatedCost = 0;
  #fixedDedicatedPods = 0;
  #classifiedMonth = -1;
  #usedByTenant: number[] = [];
  #dedicatedByTenant: number[] = [];
  readonly #latencyMemo = new Map<number, number>();
  /** The memo for steps without cold misses, by utilisation bucket (NaN = not computed yet). */
  readonly #warmLatencyMemo = new Float64Array(256).fill(Number.NaN);
  /** Tenants with fixed dedicated deployments (non-zero cost per step), ascending. */
  #fixedDedicatedTenants: number[] = [];
  // reusable per-step buffers
  #accessIndex = new Int32Array(16);
  #accessFirst = new Float64Array(16);
  readonly #zipfRaw: number[] = [];
  /** Models in rank order (ascending rank key), kept sorted on insertion. */
  readonly #ranked: ModelState[] = [];
  readonly #zipfSums: number[] = [];
  #nextStepAt: number;
  readonly #stepDays: number;
  readonly #stepsPerDay: number;
  #stepIndex = 0;
  #recording: DayRecord | undefined;
  #cycle: DayRecord | undefined;
  readonly #tot = new Float64Array(TOTAL_FIELDS);
  #steps = 0;
  #maxPods = 0;
  readonly #podsTrace: number[] | undefined;

  /** Create the pool (empty until models arrive) and start stepping at the current time. */
  constructor(env: Environment, options: ServingOptions, keepTrace = false) {
    const o = options;
    if (!(o.stepHours > 0)) throw new RangeError(`stepHours must be > 0, got ${o.stepHours}`);
    if (!(o.minReplicas >= 0 && o.maxReplicas >= Math.max(1, o.minReplicas)))
      throw new RangeError(
        `replicas must satisfy 0 <= min <= max, max >= 1, got ${o.minReplicas}..${o.maxReplicas}`,
      );
    if (!(o.targetUtilisation > 0 && o.targetUtilisation <= 1))
      throw new RangeError(`targetUtilisation must be in (0, 1], got ${o.targetUtilisation}`);
    if (!(o.memoryTargetUtilisation >= 0 && o.memoryTargetUtilisation <= 1))
      throw new RangeError(`memoryTargetUtilisation must be in [0, 1], got ${o.memoryTargetUtilisation}`);
    if (!(o.podMemoryGb > o.podOverheadGb)) throw new RangeError("podMemoryGb must exceed podOverheadGb");
    this.#env = env;
    this.options = o;
    this.#poolStabiliser = new ScaleDownStabiliser(o.stabilisationWindowSeconds);
    this.#useStabiliser = o.stabilisationWindowSeconds >= o.stepHours * 3600;
    this.#podsTrace = keepTrace ? [] : undefined;
    this.#stepDays = o.stepHours / HOURS_PER_DAY;
    const perDay = 24 / o.stepHours;
    this.#stepsPerDay = Math.abs(perDay - Math.round(perDay)) < 1e-9 ? Math.round(perDay) : 0;
    this.#nextStepAt = env.now + this.#stepDays;
  }

  /**
   * Run every step that ended by now. Steps are evaluated lazily — when a model arrives, when a month is taken
   * and when state is read — because nothing else in the simulation reads serving state between those moments;
   * the result is the same as one kernel event per step, without the events.
   */
  catchUp(): void {
    const now = this.#env.now;
    const perDay = this.#stepsPerDay;
    while (this.#nextStepAt <= now + 1e-9) {
      if (perDay > 0 && this.#stepIndex % perDay === 0) {
        if (this.#dirty && this.options.growthPerMonth === 0) this.#classify(0);
        const left = Math.floor((now + 1e-9 - this.#nextStepAt) / this.#stepDays) + 1;
        const signature = this.#signature();
        const cycle = this.#cycle;
        if (cycle !== undefined && left >= perDay && sameSignature(cycle.signature, signature)) {
          // a replay leaves the state the signature describes as it was, so every further whole day that has
          // ended replays too: no need to rebuild and compare the signature day by day
          let days = left;
          while (days >= perDay) {
            this.#applyCycle(cycle);
            this.#stepIndex += perDay;
            this.#nextStepAt += perDay * this.#stepDays;
            days = Math.floor((now + 1e-9 - this.#nextStepAt) / this.#stepDays) + 1;
          }
          continue;
        }
        this.#recording = signature === undefined ? undefined : this.#snapshot(signature);
      }
      this.#step(this.#nextStepAt);
      this.#nextStepAt += this.#stepDays;
      this.#stepIndex++;
      if (perDay > 0 && this.#stepIndex % perDay === 0 && this.#recording !== undefined) {
        if (sameSignature(this.#signature(), this.#recording.signature))
          this.#cycle = this.#delta(this.#recording);
        this.#recording = undefined;
      }
    }
  }

  /**
   * State that decides the next day, when the next day cannot draw random numbers (no cold models, or a
   * shadow pool), has no growth and no stabiliser memory; undefined otherwise. Two days starting from the same
   * signature are identical (the diurnal profile has a 24 h period), so the second is replayed from the first.
   */
  #signature(): number[] | undefined {
    const o = this.options;
    if (o.replayDays === false || this.#dirty || o.growthPerMonth !== 0 || this.#useStabiliser)
      return undefined;
    if (!o.shadow && this.#coldModels.length > 0) return undefined;
    const sig = [this.#models.length, this.#missingHot.size, this.#pods.length];
    for (const pod of this.#pods) sig.push(pod.size, pod.usedGb);
    for (const state of this.#dynamicDedicated) sig.push(state.replicas);
    return sig;
  }

  #snapshot(signature: number[]): DayRecord {
    return {
      signature,
      month: this.#cum.slice(),
      used: [...this.#usedByTenant],
      dedicated: [...this.#dedicatedByTenant],
      totals: this.#tot.slice(),
      steps: this.#steps,
      traceStart: this.#podsTrace?.length ?? 0,
      maxPods: 0,
    };
  }

  #delta(start: DayRecord): DayRecord {
    const month = new Float64Array(MONTH_FIELDS);
    for (let k = 0; k < MONTH_FIELDS; k++) month[k] = this.#cum[k]! - start.month[k]!;
    const totals = new Float64Array(TOTAL_FIELDS);
    for (let k = 0; k < TOTAL_FIELDS; k++) totals[k] = this.#tot[k]! - start.totals[k]!;
    const pods = this.#podsTrace?.slice(start.traceStart) ?? [];
    return {
      signature: start.signature,
      month,
      used: this.#usedByTenant.map((v, i) => v - (start.used[i] ?? 0)),
      dedicated: this.#dedicatedByTenant.map((v, i) => v - (start.dedicated[i] ?? 0)),
      totals,
      steps: this.#steps - start.steps,
      traceStart: 0,
      maxPods: this.#maxPods,
      podsTrace: pods,
    };
  }

  #applyCycle(d: DayRecord): void {
    const m = this.#cum;
    for (let k = 0; k < MONTH_FIELDS; k++) m[k]! += d.month[k]!;
    const used = this.#usedByTenant;
    const dedicated = this.#dedicatedByTenant;
    while (used.length < d.used.length) used.push(0);
    while (dedicated.length < d.dedicated.length) dedicated.push(0);
    for (let i = 0; i < d.used.length; i++) used[i]! += d.used[i]!;
    for (let i = 0; i < d.dedicated.length; i++) dedicated[i]! += d.dedicated[i]!;
    const t = this.#tot;
    for (let k = 0; k < TOTAL_FIELDS; k++) t[k]! += d.totals[k]!;
    this.#steps += d.steps;
    if (d.maxPods > this.#maxPods) this.#maxPods = d.maxPods;
    if (this.#podsTrace !== undefined && d.podsTrace !== undefined) this.#podsTrace.push(...d.podsTrace);
  }

  /** Totals over the run so far (requests, misses, cold loads, pod-hours, steps, peak pool pods). */
  get totals(): Readonly<{
    requests: number;
    misses: number;
    coldLoads: number;
    podHours: number;
    steps: number;
    maxPods: number;
  }> {
    this.catchUp();
    const t = this.#tot;
    return {
      requests: t[T_REQUESTS]!,
      misses: t[T_MISSES]!,
      coldLoads: t[T_COLD_LOADS]!,
      podHours: t[T_POD_HOURS]!,
      steps: this.#steps,
      maxPods: this.#maxPods,
    };
  }

  /** Pool pods at each step so far, when the pool was created with `keepTrace`. */
  get podsTrace(): readonly number[] | undefined {
    this.catchUp();
    return this.#podsTrace;
  }

  /** Memory a pod offers to models, GB. */
  get modelMemoryGb(): number {
    return this.options.podMemoryGb - this.options.podOverheadGb;
  }

  /** Pool pods now. */
  get pods(): number {
    this.catchUp();
    return this.#pods.length;
  }

  /** Models being served. */
  get modelCount(): number {
    return this.#models.length;
  }

  /** Start serving a model from now on (memory is capped at a pod's model memory). */
  add(model: ServedModel, rankKey: number): void {
    this.catchUp();
    const m = { ...model, memoryGb: Math.min(model.memoryGb, this.modelMemoryGb) };
    const dedicated = this.options.mode === "dedicated" || m.dedicated;
    let tenantIndex = this.#tenantIndex.get(m.tenant);
    if (tenantIndex === undefined) {
      tenantIndex = this.#tenants.length;
      this.#tenants.push(m.tenant);
      this.#tenantIndex.set(m.tenant, tenantIndex);
    }
    const state: ModelState = {
      model: { ...m, dedicated },
      tenantIndex,
      rankKey,
      weight: 0,
      replicas: dedicated ? Math.max(1, m.minReplicas) : 0,
      stabiliser: this.#useStabiliser
        ? new ScaleDownStabiliser(this.options.stabilisationWindowSeconds)
        : undefined,
      hot: false,
      fixedReplicas: false,
    };
    this.#models.push(state);
    if (this.#stateById.has(state.model.id)) this.#duplicateIds = true;
    this.#stateById.set(state.model.id, state);
    let lo = 0;
    let hi = this.#ranked.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#ranked[mid]!.rankKey <= rankKey) lo = mid + 1;
      else hi = mid;
    }
    this.#ranked.splice(lo, 0, state);
    this.#dirty = true;
  }

  #growth(hours: number): number {
    const g = this.options.growthPerMonth;
    return g === 0 ? 1 : (1 + g) ** (hours / HOURS_PER_DAY / DAYS_PER_MONTH);
  }

  #diurnal(hours: number): number {
    const o = this.options;
    return 1 + o.diurnalAmplitude * Math.cos((2 * Math.PI * (hours - o.peakHour)) / 24);
  }

  /** Ranks, weights and the per-model classification; redone when models arrive and every month. */
  #classify(hours: number): void {
    const o = this.options;
    const sorted = this.#ranked;
    const raw = this.#zipfRaw;
    const s = o.zipfExponent;
    while (raw.length < sorted.length) {
      const r = raw.length;
      raw.push(1 / (r + 1) ** s);
      this.#zipfSums.push((this.#zipfSums[r - 1] ?? 0) + raw[r]!);
    }
    const sum = this.#zipfSums[sorted.length - 1] ?? 1;
    for (let r = 0; r < sorted.length; r++) sorted[r]!.weight = raw[r]! / sum;
    const n = this.#models.length;
    // growth is evaluated at the end of the month the classification covers
    const growthHigh = this.#growth(hours + DAYS_PER_MONTH * HOURS_PER_DAY);
    const growthLow = this.#growth(hours);
    const peakRate =
      o.requestsPerSecondPerModel * n * (1 + o.diurnalAmplitude) * Math.max(growthHigh, growthLow);
    const troughRate =
      o.requestsPerSecondPerModel * n * (1 - o.diurnalAmplitude) * Math.min(growthHigh, growthLow);
    const serviceSeconds = o.serviceMs / 1000;
    const stepSeconds = o.stepHours * 3600;
    const perPodAtTarget = o.concurrencyPerPod * o.targetUtilisation;
    this.#poolWeight = 0;
    this.#tenantPoolWeight = this.#tenants.map(() => 0);
    this.#fixedDedicatedCostByTenant = this.#tenants.map(() => 0);
    this.#hotMemoryGb = 0;
    this.#coldModels = [];
    this.#dynamicDedicated = [];
    this.#dynamicAllDedicated = [];
    this.#fixedDedicatedCost = 0;
    this.#fixedAllDedicatedCost = 0;
    this.#fixedDedicatedPods = 0;
    // the pinned set and the missing hot models change only when some model's hot flag flips
    let flipped = false;
    for (const state of this.#models) {
      const m = state.model;
      const peakPods = (peakRate * state.weight * serviceSeconds) / perPodAtTarget;
      const min = Math.max(1, m.minReplicas);
      const staticReplicas = peakPods <= min;
      const podStepCost = m.regions * o.dedicatedPodCostPerHour * o.stepHours;
      let hot = false;
      if (m.dedicated) {
        state.fixedReplicas = staticReplicas;
        if (staticReplicas) {
          state.replicas = min;
          this.#fixedDedicatedCost += min * podStepCost;
          this.#fixedDedicatedCostByTenant[state.tenantIndex]! += min * podStepCost;
          this.#fixedDedicatedPods += min * m.regions;
        } else this.#dynamicDedicated.push(state);
      } else {
        this.#poolWeight += state.weight;
        this.#tenantPoolWeight[state.tenantIndex]! += state.weight;
        hot = troughRate * state.weight * stepSeconds >= HOT_REQUESTS;
        if (hot) this.#hotMemoryGb += m.memoryGb;
        else this.#coldModels.push(state);
      }
      if (hot !== state.hot) {
        state.hot = hot;
        flipped = true;
        if (!this.#duplicateIds) {
          // pinned = the hot models; a model turning hot and not loaded yet is missing
          if (hot) {
            this.#pinned.add(m.id);
            if (!this.#location.has(m.id)) this.#missingHot.add(m.id);
          } else this.#pinned.delete(m.id);
        }
      }
      if (staticReplicas) this.#fixedAllDedicatedCost += min * podStepCost;
      else this.#dynamicAllDedicated.push(state);
    }
    // adding the zero costs of the other tenants would change nothing
    this.#fixedDedicatedTenants = [];
    for (let t = 0; t < this.#fixedDedicatedCostByTenant.length; t++)
      if (this.#fixedDedicatedCostByTenant[t] !== 0) this.#fixedDedicatedTenants.push(t);
    if (flipped && this.#duplicateIds) {
      // two models share an id: rebuild from scratch so the id stays pinned while any of them is hot
      this.#pinned.clear();
      for (const state of this.#models) if (state.hot) this.#pinned.add(state.model.id);
      for (const state of this.#models)
        if (state.hot && !this.#location.has(state.model.id)) this.#missingHot.add(state.model.id);
    }
    this.#dirty = false;
  }

  #resizePool(target: number): void {
    if (target === this.#pods.length) return;
    while (this.#pods.length < target) {
      const spare = this.#sparePods.pop();
      if (spare !== undefined) spare.clear();
      this.#pods.push(spare ?? new ModelCache(this.modelMemoryGb));
    }
    while (this.#pods.length > target) {
      const pod = this.#pods.pop()!;
      for (const id of pod.ids()) {
        this.#location.delete(id);
        if (this.#pinned.has(id)) this.#missingHot.add(id);
      }
      this.#sparePods.push(pod);
    }
  }

  #load(id: number, memoryGb: number): void {
    let target = this.#pods[0]!;
    for (const pod of this.#pods) if (pod.freeGb > target.freeGb) target = pod;
    const r = target.access(id, memoryGb, this.#pinned);
    for (const victim of r.evicted) {
      this.#location.delete(victim);
      if (this.#pinned.has(victim)) this.#missingHot.add(victim);
    }
    this.#location.set(id, target);
  }

  #step(now: number): void {
    const o = this.options;
    const startHours = now * HOURS_PER_DAY - o.stepHours;
    const month = monthOfDay(startHours / HOURS_PER_DAY);
    if (this.#dirty || (o.growthPerMonth !== 0 && month !== this.#classifiedMonth)) {
      this.#classify(month * DAYS_PER_MONTH * HOURS_PER_DAY);
      this.#classifiedMonth = month;
    }
    const midHours = startHours + o.stepHours / 2;
    const n = this.#models.length;
    const totalRate = o.requestsPerSecondPerModel * n * this.#diurnal(midHours) * this.#growth(midHours);
    const stepSeconds = o.stepHours * 3600;
    const serviceSeconds = o.serviceMs / 1000;
    const perPodAtTarget = o.concurrencyPerPod * o.targetUtilisation;
    const m = this.#cum;
    const tot = this.#tot;
    m[REQUESTS]! += totalRate * stepSeconds;
    tot[T_REQUESTS]! += totalRate * stepSeconds;

    // dedicated deployments
    let dedicatedCost = this.#fixedDedicatedCost;
    let dedicatedPods = this.#fixedDedicatedPods;
    const byTenant = this.#dedicatedByTenant;
    while (byTenant.length < this.#tenants.length) byTenant.push(0);
    if (this.#fixedDedicatedCost > 0)
      for (const t of this.#fixedDedicatedTenants) byTenant[t]! += this.#fixedDedicatedCostByTenant[t]!;
    for (const state of this.#dynamicDedicated) {
      const mm = state.model;
      const utilisation = (totalRate * state.weight * serviceSeconds) / o.concurrencyPerPod / state.replicas;
      const desired = hpaDesiredReplicas(state.replicas, utilisation, o.targetUtilisation, o.tolerance);
      const next = state.stabiliser !== undefined ? state.stabiliser.recommend(now, desired) : desired;
      state.replicas = clampReplicas(next, Math.max(1, mm.minReplicas), mm.maxReplicas);
      const cost = state.replicas * mm.regions * o.dedicatedPodCostPerHour * o.stepHours;
      dedicatedCost += cost;
      dedicatedPods += state.replicas * mm.regions;
      byTenant[state.tenantIndex]! += cost;
    }
    // the comparison: every model on its own deployment, sized by the HPA's steady state
    let allDedicated = this.#fixedAllDedicatedCost;
    for (const state of this.#dynamicAllDedicated) {
      const mm = state.model;
      const need = Math.ceil(((totalRate * state.weight * serviceSeconds) / perPodAtTarget) * (1 - 1e-9));
      allDedicated +=
        clampReplicas(need, Math.max(1, mm.minReplicas), mm.maxReplicas) *
        mm.regions *
        o.dedicatedPodCostPerHour *
        o.stepHours;
    }

    // multi-model pool
    const poolRate = totalRate * this.#poolWeight;
    let pods = this.#pods.length;
    if (poolRate > 0 && pods === 0) {
      this.#resizePool(Math.max(1, o.minReplicas));
      pods = this.#pods.length;
    }
    let stepColdRequests = 0;
    let workingSetGb = this.#hotMemoryGb;
    if (pods > 0 && o.shadow && o.memoryTargetUtilisation > 0) {
      // a shadow pool has no caches: its memory metric uses the expected working set instead
      for (const state of this.#coldModels)
        workingSetGb += state.model.memoryGb * (1 - Math.exp(-totalRate * state.weight * stepSeconds));
    }
    if (pods > 0 && !o.shadow) {
      if (this.#missingHot.size > 0) {
        const ids = [...this.#missingHot];
        this.#missingHot.clear();
        for (const id of ids) {
          const state = this.#stateById.get(id)!;
          if (!state.hot || this.#location.has(id)) continue;
          this.#load(state.model.id, state.model.memoryGb);
          stepColdRequests += Math.min(
            totalRate * state.weight * stepSeconds,
            1 + totalRate * state.weight * o.loadSeconds,
          );
          m[COLD_LOADS]!++;
          tot[T_COLD_LOADS]!++;
        }
      }
      const cold = this.#coldModels;
      if (this.#accessFirst.length < cold.length) {
        this.#accessFirst = new Float64Array(cold.length * 2);
        this.#accessIndex = new Int32Array(cold.length * 2);
      }
      const first = this.#accessFirst;
      let accessed = 0;
      for (let i = 0; i < cold.length; i++) {
        const lambda = totalRate * cold[i]!.weight;
        const requests = lambda * stepSeconds;
        const u = o.source();
        if (u < 1 - Math.exp(-requests)) {
          this.#accessIndex[accessed++] = i;
          first[i] = exponentialGapFromUniform(u, lambda);
        }
      }
      const idx = accessed > 0 ? this.#accessIndex.subarray(0, accessed) : EMPTY_INDEX;
      if (accessed > 1) idx.sort((a, b) => first[a]! - first[b]!);
      for (let k = 0; k < idx.length; k++) {
        const state = cold[idx[k]!]!;
        const id = state.model.id;
        workingSetGb += state.model.memoryGb;
        const pod = this.#location.get(id);
        if (pod !== undefined) {
          pod.access(id, state.model.memoryGb);
          continue;
        }
        this.#load(id, state.model.memoryGb);
        const lambda = totalRate * state.weight;
        stepColdRequests += Math.min(lambda * stepSeconds, 1 + lambda * o.loadSeconds);
        m[COLD_LOADS]!++;
        tot[T_COLD_LOADS]!++;
      }
      m[MISSES]! += stepColdRequests;
      tot[T_MISSES]! += stepColdRequests;
    }
    const poolCost = pods * o.podCostPerHour * o.stepHours;
    const utilisation = pods > 0 ? (poolRate * serviceSeconds) / (pods * o.concurrencyPerPod) : 0;
    if (poolRate > 0) {
      const used = (poolCost * Math.min(1, utilisation)) / this.#poolWeight;
      const usedByTenant = this.#usedByTenant;
      while (usedByTenant.length < this.#tenants.length) usedByTenant.push(0);
      for (let t = 0; t < this.#tenants.length; t++)
        usedByTenant[t]! += used * (this.#tenantPoolWeight[t] ?? 0);
    }
    if (!o.shadow && pods > 0 && poolRate > 0) {
      let loaded = 0;
      for (const pod of this.#pods) loaded += pod.size;
      m[MODELS_PER_POD_HOURS]! += (loaded / pods) * o.stepHours;
      if (utilisation < 1) {
        const stepRequests = poolRate * stepSeconds;
        const coldShare = Math.min(1, stepColdRequests / stepRequests);
        const p95 = this.#p95(poolRate / pods, serviceSeconds, coldShare);
        m[LATENCY_WEIGHTED]! += p95 * 1000 * stepRequests;
        m[LATENCY_REQUESTS]! += stepRequests;
      } else {
        m[OVERLOADED_HOURS]! += o.stepHours;
      }
    }
    m[POOL_COST]! += poolCost;
    m[DEDICATED_COST]! += dedicatedCost;
    m[ALL_DEDICATED_COST]! += allDedicated;
    m[POD_HOURS]! += (pods + dedicatedPods) * o.stepHours;
    tot[T_POD_HOURS]! += (pods + dedicatedPods) * o.stepHours;
    this.#steps++;
    if (this.#podsTrace !== undefined) this.#podsTrace.push(pods);
    if (pods > this.#maxPods) this.#maxPods = pods;
    if (pods > 0) {
      let desired = hpaDesiredReplicas(pods, utilisation, o.targetUtilisation, o.tolerance);
      if (o.memoryTargetUtilisation > 0) {
        const memoryUtilisation = workingSetGb / (pods * this.modelMemoryGb);
        desired = Math.max(
          desired,
          hpaDesiredReplicas(pods, memoryUtilisation, o.memoryTargetUtilisation, o.tolerance),
        );
      }
      const next = this.#useStabiliser ? this.#poolStabiliser.recommend(now, desired) : desired;
      const minimum = poolRate > 0 ? Math.max(1, o.minReplicas) : 0;
      this.#resizePool(clampReplicas(next, minimum, o.maxReplicas));
    }
  }

  /**
   * M/M/c p95 of one step, memoised on the per-server utilisation in 0.5% steps and the cold share in 0.25%
   * steps (the quantity is an approximation already; the memo makes it cheap enough to evaluate every hour).
   */
  #p95(perPodRate: number, serviceSeconds: number, coldShare: number): number {
    const o = this.options;
    const servers = o.concurrencyPerPod;
    const rhoBucket = Math.round(((perPodRate * serviceSeconds) / servers) * 200);
    const coldBucket = Math.round(coldShare * 400);
    const warm = coldBucket === 0 && rhoBucket >= 0 && rhoBucket < this.#warmLatencyMemo.length;
    if (warm) {
      const cached = this.#warmLatencyMemo[rhoBucket]!;
      if (!Number.isNaN(cached)) return cached;
    }
    const key = rhoBucket * 1000 + coldBucket;
    let v = this.#latencyMemo.get(key);
    if (v === undefined) {
      const rate = Math.min(0.999, rhoBucket / 200) * (servers / serviceSeconds);
      v = mmcResponseQuantile(servers, rate, 1 / serviceSeconds, 0.95, o.loadSeconds, coldBucket / 400);
      this.#latencyMemo.set(key, v);
    }
    if (warm) this.#warmLatencyMemo[rhoBucket] = v;
    return v;
  }

  /** Hand over the totals since the previous call (the month's) and start a new month. */
  takeMonth(): ServingMonth {
    this.catchUp();
    const m = monthBetween(this.#cum, this.#taken);
    for (let i = 0; i < this.#tenants.length; i++) {
      const name = this.#tenants[i]!;
      const used = (this.#usedByTenant[i] ?? 0) - (this.#takenUsed[i] ?? 0);
      if (used > 1e-12) m.usedCostByTenant.set(name, used);
      const dedicated = (this.#dedicatedByTenant[i] ?? 0) - (this.#takenDedicated[i] ?? 0);
      if (dedicated > 1e-12) m.dedicatedCostByTenant.set(name, dedicated);
    }
    this.#taken = this.#cum.slice();
    this.#takenUsed = [...this.#usedByTenant];
    this.#takenDedicated = [...this.#dedicatedByTenant];
    return m;
  }
}
