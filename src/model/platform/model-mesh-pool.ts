/**
 * The multi-model pool of a serving platform: pods that load models on demand and evict the least recently
 * used one only under memory pressure (KServe ModelMesh), sized by the Kubernetes HPA rule on two metrics.
 *
 * Sources and approximations (stated, so they can be challenged):
 * - ModelMesh: kserve/modelmesh docs ("a distributed LRU cache for serving runtime models"). A model not loaded
 *   anywhere is loaded on the pod with the most free memory. Extra copies of hot models are not modelled (their
 *   memory is ignored); requests are balanced across pods.
 * - Within a step, a model with rate lambda is used with probability 1 - exp(-lambda * step); uses are applied
 *   to the caches in the order of their first request (a truncated-exponential time). A model expecting >= 20
 *   requests even at the diurnal trough (P(no request) < 2e-9) is "hot": it is used at the start of every step,
 *   so it is kept loaded and evicted only when nothing else is left (this only differs from exact LRU when the
 *   step's own working set does not fit). A cold load makes the requests arriving during the load wait for it:
 *   misses = min(requests, 1 + lambda * loadSeconds).
 * - HPA (hpa.ts): with two metrics the larger recommendation wins, as the Kubernetes docs say for several
 *   metrics: CPU utilisation = offered load (requests/s x service time) / (pods x concurrency per pod), and
 *   memory utilisation = memory of the models used in the step / model memory of the pool (a working-set
 *   metric, target `memoryTargetUtilisation`; 0 = CPU only).
 * - Latency: pool-latency.ts; saturated steps are counted as overloaded hours and left out of the latency.
 * - A shadow pool (for comparisons) has no caches: it sizes itself on the expected working set and draws no
 *   random numbers.
 */
import { exponentialGapFromUniform } from "../../../engine/index.ts";
import { HOURS_PER_DAY, SECONDS_PER_HOUR } from "../calendar.ts";
import { clampReplicas, hpaDesiredReplicas, ScaleDownStabiliser } from "./hpa.ts";
import { ModelCache } from "./model-cache.ts";
import { MostFreePod } from "./most-free-pod.ts";
import { PinnedIds } from "./pinned-ids.ts";
import { PoolLatency } from "./pool-latency.ts";
import type { ModelState } from "./served-model.ts";
import type { ServingOptions } from "./serving-options.ts";
import { ServingStep } from "./serving-step.ts";
import { sortIndicesByKey } from "./sort-indices.ts";

/** Requests per step at the diurnal trough from which a model counts as hot. */
const HOT_REQUESTS = 20;

/** Pods of multi-model serving with their LRU caches, stepped by the serving pool. */
export class ModelMeshPool {
  readonly #o: Readonly<ServingOptions>;
  readonly #shadow: boolean;
  readonly #modelMemoryGb: number;
  readonly #latency: PoolLatency;
  readonly #stabiliser: ScaleDownStabiliser;
  readonly #useStabiliser: boolean;
  /** A step's recommendation is re-made until the next step (hpa.ts). */
  readonly #holdDays: number;
  readonly #stepSeconds: number;
  readonly #serviceSeconds: number;
  #pods: ModelCache[] = [];
  /** Caches of removed pods, reused (cleared) when the pool grows again. */
  readonly #sparePods: ModelCache[] = [];
  /** Free memory of each pod of `#pods` (same indices), to find the one with the most. */
  readonly #mostFree = new MostFreePod();
  /** Scratch: the ids a load evicted. */
  readonly #evicted: number[] = [];
  readonly #location = new Map<number, ModelCache>();
  /** Ids of the hot models (evicted only when nothing else is left). */
  readonly #pinned = new PinnedIds();
  /** Hot models not loaded on any pod (first classification, a pod removed, or evicted as a last resort). */
  #missingHot = new Set<number>();
  /** An empty set that takes the place of `#missingHot` while the missing hot models are loaded. */
  #missingSpare = new Set<number>();
  readonly #stateById = new Map<number, ModelState>();
  /** Whether two served models share an id (the pinned set is then rebuilt instead of updated). */
  #duplicateIds = false;
  // per-classification constants
  #troughRate = 0;
  #poolWeight = 0;
  /** Pool weight by tenant index (a typed array: no holes, so reading it never boxes). */
  #tenantPoolWeight = new Float64Array(0);
  #hotMemoryGb = 0;
  readonly #coldModels: ModelState[] = [];
  #flipped = false;
  /**
   * The step's CPU utilisation and working set, GB, for `#scale` (fields with numeric initialisers, written in
   * place: passed as arguments, the doubles would be boxed at every step).
   */
  #utilisation = 0;
  #workingSetGb = 0;
  /** Whether the last step made a recommendation to the stabiliser (it had pods). */
  #recommended = false;
  /** The step a repeated step's loads count their misses in (not read: a repeated step's accounts are known). */
  readonly #repeatedStep = new ServingStep();
  // reusable per-step buffers
  #accessIndex = new Int32Array(16);
  #accessFirst = new Float64Array(16);
  /** Scratch of the stable sort of the accessed indices (sort-indices.ts). */
  #accessScratch = new Int32Array(16);

  /** A pool with `options` (minimum pods, HPA settings, stabiliser when `useStabiliser`). */
  constructor(options: Readonly<ServingOptions>, modelMemoryGb: number, useStabiliser: boolean) {
    this.#o = options;
    this.#shadow = options.shadow === true;
    this.#modelMemoryGb = modelMemoryGb;
    this.#latency = new PoolLatency(options.concurrencyPerPod, options.loadSeconds);
    this.#stabiliser = new ScaleDownStabiliser(options.stabilisationWindowSeconds);
    this.#useStabiliser = useStabiliser;
    this.#holdDays = options.stepHours / HOURS_PER_DAY;
    this.#stepSeconds = options.stepHours * SECONDS_PER_HOUR;
    this.#serviceSeconds = options.serviceMs / 1000;
  }

  /** Pods now. */
  get podCount(): number {
    return this.#pods.length;
  }

  /** Pool models that are not hot (each step draws whether each was used). */
  get coldCount(): number {
    return this.#coldModels.length;
  }

  /** Register a model that went live (pool or dedicated: ids are tracked for all). */
  register(state: ModelState): void {
    if (this.#stateById.has(state.model.id)) this.#duplicateIds = true;
    this.#stateById.set(state.model.id, state);
  }

  /** Forget a model no longer served (it retired): unload it and drop it from the hot set. */
  unregister(state: ModelState): void {
    const id = state.model.id;
    if (this.#stateById.get(id) !== state) return;
    this.#stateById.delete(id);
    this.#pinned.delete(id);
    this.#missingHot.delete(id);
    const pod = this.#location.get(id);
    if (pod?.remove(id)) this.#freed(pod);
    this.#location.delete(id);
  }

  /**
   * Start a classification of `tenants` tenants' models, with the pool's request rate at the trough
   * (requests/s over all models; kept in a field, not passed to every `classify`: a double argument is boxed).
   */
  beginClassify(tenants: number, troughRate: number): void {
    this.#troughRate = troughRate;
    this.#poolWeight = 0;
    if (this.#tenantPoolWeight.length === tenants) this.#tenantPoolWeight.fill(0);
    else this.#tenantPoolWeight = new Float64Array(tenants);
    this.#hotMemoryGb = 0;
    // emptied by pops, not replaced: a classification follows every model arrival and retirement
    while (this.#coldModels.length > 0) this.#coldModels.pop();
    this.#flipped = false;
  }

  /**
   * Classify one pool model (of memory `memoryGb`, its `model.memoryGb`, passed by the caller that has it at
   * hand) as hot or cold at the classification's trough rate.
   */
  classify(state: ModelState, memoryGb: number): void {
    this.#poolWeight += state.weight;
    this.#tenantPoolWeight[state.tenantIndex]! += state.weight;
    const hot = this.#troughRate * state.weight * this.#stepSeconds >= HOT_REQUESTS;
    if (hot) this.#hotMemoryGb += memoryGb;
    else this.#coldModels.push(state);
    if (hot === state.hot) return;
    // the pinned set and the missing hot models change only when some model's hot flag flips
    state.hot = hot;
    this.#flipped = true;
    if (this.#duplicateIds) return;
    // pinned = the hot models; a model turning hot and not loaded yet is missing
    const m = state.model;
    if (hot) {
      this.#pinned.add(m.id);
      if (!this.#location.has(m.id)) this.#missingHot.add(m.id);
    } else this.#pinned.delete(m.id);
  }

  /** End the classification of `models` (all of them, for the pinned set when ids repeat). */
  endClassify(models: readonly ModelState[]): void {
    if (!(this.#flipped && this.#duplicateIds)) return;
    // two models share an id: rebuild from scratch so the id stays pinned while any of them is hot
    this.#pinned.clear();
    for (const state of models) if (state.hot) this.#pinned.add(state.model.id);
    for (const state of models)
      if (state.hot && !this.#location.has(state.model.id)) this.#missingHot.add(state.model.id);
  }

  /**
   * Run the step `step` describes (it ends at `step.endDays`, `step.totalRate` requests/s over all models):
   * serve the pool's share, fill in `step` (pods, cost, cold loads, misses, latency), add each tenant's used pool
   * cost to `usedByTenant` (first `tenants` entries), then resize by the HPA rule.
   */
  step(step: ServingStep, usedByTenant: number[], tenants: number): void {
    const o = this.#o;
    const totalRate = step.totalRate;
    const stepSeconds = this.#stepSeconds;
    const serviceSeconds = this.#serviceSeconds;
    const poolRate = totalRate * this.#poolWeight;
    step.coldLoads = 0;
    step.misses = 0;
    step.modelsPerPodHours = 0;
    step.latencyWeighted = 0;
    step.latencyRequests = 0;
    step.overloadedHours = 0;
    let pods = this.#pods.length;
    if (poolRate > 0 && pods === 0) {
      this.#resize(Math.max(1, o.minReplicas));
      pods = this.#pods.length;
    }
    let workingSetGb = this.#hotMemoryGb;
    let coldRequests = 0;
    if (pods > 0 && this.#shadow && o.memoryTargetUtilisation > 0) {
      // a shadow pool has no caches: its memory metric uses the expected working set instead
      for (const state of this.#coldModels)
        workingSetGb += state.model.memoryGb * (1 - Math.exp(-totalRate * state.weight * stepSeconds));
    }
    if (pods > 0 && !this.#shadow) {
      // the requests that waited for loads add up in step.misses (the missing hot models' first)
      if (this.#missingHot.size > 0) this.#loadMissingHot(step);
      coldRequests = step.misses;
      const cold = this.#coldModels;
      // no call without cold models (every model hot): the optimiser then spends its inlining budget elsewhere
      const accessed = cold.length > 0 ? this.#drawAccesses(totalRate) : 0;
      const idx = this.#accessIndex;
      for (let k = 0; k < accessed; k++) {
        const state = cold[idx[k]!]!;
        const id = state.model.id;
        workingSetGb += state.model.memoryGb;
        const pod = this.#location.get(id);
        if (pod !== undefined) {
          // a hit (the model is loaded there): memory unchanged
          if (!pod.access(id, state.model.memoryGb).hit) this.#freed(pod);
          continue;
        }
        this.#load(id, state.model.memoryGb);
        const lambda = totalRate * state.weight;
        coldRequests += Math.min(lambda * stepSeconds, 1 + lambda * o.loadSeconds);
        step.coldLoads++;
      }
      step.misses = coldRequests;
    }
    const poolCost = pods * o.podCostPerHour * o.stepHours;
    const utilisation = pods > 0 ? (poolRate * serviceSeconds) / (pods * o.concurrencyPerPod) : 0;
    if (poolRate > 0) {
      // OpenCost usage: the share of the pool's cost its load used, split by each tenant's share of requests
      const used = (poolCost * Math.min(1, utilisation)) / this.#poolWeight;
      const tenantPoolWeight = this.#tenantPoolWeight;
      // (tenants the classification did not see have no pool weight: they add nothing)
      const n = Math.min(tenants, tenantPoolWeight.length);
      for (let t = 0; t < n; t++) usedByTenant[t]! += used * tenantPoolWeight[t]!;
    }
    if (!this.#shadow && pods > 0 && poolRate > 0) {
      let loaded = 0;
      const all = this.#pods;
      for (let i = 0; i < all.length; i++) loaded += all[i]!.size;
      step.modelsPerPodHours = (loaded / pods) * o.stepHours;
      if (utilisation < 1) {
        const stepRequests = poolRate * stepSeconds;
        const coldShare = Math.min(1, coldRequests / stepRequests);
        const p95 = this.#latency.p95(poolRate / pods, serviceSeconds, coldShare);
        step.latencyWeighted = p95 * 1000 * stepRequests;
        step.latencyRequests = stepRequests;
      } else {
        step.overloadedHours = o.stepHours;
      }
    }
    step.poolPods = pods;
    step.poolCost = poolCost;
    this.#recommended = pods > 0;
    if (pods > 0) {
      this.#utilisation = utilisation;
      this.#workingSetGb = workingSetGb;
      this.#resize(this.#scale(step, pods, poolRate > 0));
    }
  }

  /** Load the hot models missing from every pod; adds the requests that waited for the loads to `step.misses`. */
  #loadMissingHot(step: ServingStep): void {
    const o = this.#o;
    const stepSeconds = this.#stepSeconds;
    const totalRate = step.totalRate;
    // take the set as it is now (loads below add evicted hot models to a fresh one, for the next step)
    const ids = this.#missingHot;
    this.#missingHot = this.#missingSpare;
    this.#missingSpare = ids;
    for (const id of ids) {
      const state = this.#stateById.get(id)!;
      if (!state.hot || this.#location.has(id)) continue;
      this.#load(state.model.id, state.model.memoryGb);
      step.misses += Math.min(
        totalRate * state.weight * stepSeconds,
        1 + totalRate * state.weight * o.loadSeconds,
      );
      step.coldLoads++;
    }
    ids.clear();
  }

  /**
   * Draw which cold models are used in the step (one uniform each), put their indices in the order of their
   * first request at the start of `#accessIndex`, and return how many there are.
   */
  #drawAccesses(totalRate: number): number {
    const o = this.#o;
    const stepSeconds = this.#stepSeconds;
    const cold = this.#coldModels;
    if (this.#accessFirst.length < cold.length) {
      this.#accessFirst = new Float64Array(cold.length * 2);
      this.#accessIndex = new Int32Array(cold.length * 2);
      this.#accessScratch = new Int32Array(cold.length * 2);
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
    sortIndicesByKey(this.#accessIndex, accessed, first, this.#accessScratch);
    return accessed;
  }

  /**
   * The HPA's next pod count from the step's CPU and memory utilisation (`#utilisation`, `#workingSetGb`),
   * within min and max (min 0 when the pool has no load), at the end of `step`.
   */
  #scale(step: ServingStep, pods: number, loaded: boolean): number {
    const o = this.#o;
    const now = step.endDays;
    let desired = hpaDesiredReplicas(pods, this.#utilisation, o.targetUtilisation, o.tolerance);
    if (o.memoryTargetUtilisation > 0) {
      const memoryUtilisation = this.#workingSetGb / (pods * this.#modelMemoryGb);
      desired = Math.max(
        desired,
        hpaDesiredReplicas(pods, memoryUtilisation, o.memoryTargetUtilisation, o.tolerance),
      );
    }
    const next = this.#useStabiliser ? this.#stabiliser.recommend(now, desired, this.#holdDays) : desired;
    const minimum = loaded ? Math.max(1, o.minReplicas) : 0;
    return clampReplicas(next, minimum, o.maxReplicas);
  }

  #resize(target: number): void {
    if (target === this.#pods.length) return;
    while (this.#pods.length < target) {
      const spare = this.#sparePods.pop();
      if (spare !== undefined) spare.clear();
      const pod = spare ?? new ModelCache(this.#modelMemoryGb);
      this.#pods.push(pod);
      this.#mostFree.push(pod.freeGb);
    }
    while (this.#pods.length > target) {
      const pod = this.#pods.pop()!;
      this.#mostFree.pop();
      for (const id of pod.ids()) {
        this.#location.delete(id);
        if (this.#pinned.has(id)) this.#missingHot.add(id);
      }
      this.#sparePods.push(pod);
    }
  }

  /** Load a model on the pod with the most free memory, evicting there as needed. */
  #load(id: number, memoryGb: number): void {
    // the first pod with the most free memory, as a scan keeping the first maximum would find it
    const index = this.#mostFree.best();
    const target = this.#pods[index]!;
    const evicted = this.#evicted;
    target.use(id, memoryGb, evicted, this.#pinned);
    this.#mostFree.set(index, target.freeGb);
    for (let i = 0; i < evicted.length; i++) {
      const victim = evicted[i]!;
      this.#location.delete(victim);
      if (this.#pinned.has(victim)) this.#missingHot.add(victim);
    }
    // emptied by pops: setting the length is a runtime call and frees the array's storage
    while (evicted.length > 0) evicted.pop();
    this.#location.set(id, target);
  }

  /** Record a change of `pod`'s free memory outside `#load`. */
  #freed(pod: ModelCache): void {
    const index = this.#pods.indexOf(pod);
    if (index >= 0) this.#mostFree.set(index, pod.freeGb);
  }

  /**
   * Write the pool's state after a step into `state` from index `at` (pods, whether the step made a
   * recommendation, the latest recommendation), for `repeatStep` and `resume`; returns the index after it.
   */
  stateInto(state: number[], at: number): number {
    state[at] = this.#pods.length;
    state[at + 1] = this.#recommended ? 1 : 0;
    state[at + 2] = this.#useStabiliser ? this.#stabiliser.latest : 0;
    return at + 3;
  }

  /**
   * Repeat a step of a replayed day without its load, knowing what the HPA decided: `poolPods` pods served it
   * (after the first pod of an empty pool with load) and `pods` were left after it. Pods are added and removed
   * and missing hot models loaded as in the step (the caches end as stepping would leave them); the
   * stabiliser is left to `resume`.
   */
  repeatStep(poolPods: number, pods: number): void {
    if (this.#pods.length !== poolPods) this.#resize(poolPods);
    if (poolPods === 0) return;
    if (!this.#shadow && this.#missingHot.size > 0) this.#loadMissingHot(this.#repeatedStep);
    this.#resize(pods);
  }

  /**
   * Resume stepping at the step boundary `boundaryDays` after replayed or repeated steps, in the state `state`
   * holds from `at` (as `stateInto` wrote it at the same step of the day): the stabiliser's memory is the
   * latest recommendation, made by the step that ended at `boundaryDays` as stepping would have dated it (its
   * last call was days earlier, or steps earlier); returns the index after the state.
   */
  resume(boundaryDays: number, state: readonly number[], at: number): number {
    this.#recommended = state[at + 1] === 1;
    if (this.#useStabiliser && this.#recommended)
      this.#stabiliser.recommend(boundaryDays, state[at + 2]!, this.#holdDays);
    return at + 3;
  }

  /**
   * Write what decides the pool's next day (missing hot models, pods and their contents) into `signature` from
   * index `at`; returns the index after the last entry written.
   */
  signatureInto(signature: number[], at: number): number {
    let n = at;
    const pods = this.#pods;
    signature[n++] = this.#missingHot.size;
    signature[n++] = pods.length;
    if (this.#useStabiliser) signature[n++] = this.#stabiliser.latest;
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i]!;
      signature[n++] = pod.size;
      signature[n++] = pod.usedGb;
    }
    return n;
  }
}
