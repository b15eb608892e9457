/**
 * Model serving, time-stepped inside the event simulation: request load per model from Zipf popularity x a
 * diurnal profile x growth, served by a multi-model pool (model-mesh-pool.ts: KServe ModelMesh caches, HPA on
 * CPU and memory) and dedicated deployments (dedicated-deployments.ts: one model per deployment, HPA on its own
 * load), priced against every model on its own deployment (all-dedicated-comparison.ts). Steps add to the
 * accounts (serving-accounts.ts); a day of steps that ends where it started is replayed (day-replay.ts).
 *
 *   catchUp: for each step that has ended
 *     1 replaying a cycle: add every ended step from the cycle's prefix sums at once, objects left as they are
 *     2 not watching: when the state has a signature, start watching the boundaries (DayReplay) from here
 *     3 classify when models arrived or (with growth) a month began: Zipf weights; per model hot/cold pool
 *       model, fixed or scaled dedicated deployment, fixed or scaled comparison deployment
 *     4 step: dedicated deployments, comparison, pool (loads, latency, HPA) -> ServingStep -> ServingAccounts
 *     5 watching: when the last day of steps ended with the signature it started with, replay it from here (1)
 *   add, remove (and reading the pods): bring the objects from where the replay left them to now by repeating
 *     the watched steps' decisions; add and remove then drop the cycle
 *
 * Sources and approximations (stated, so they can be challenged), besides those of the parts:
 * - Within a step the offered load is its mid-step value: rate per model x models x diurnal x growth, with the
 *   diurnal profile 1 + a cos(2 pi (h - peakHour) / 24) and growth compounded monthly.
 * - Zipf popularity: ranks are a random permutation (each model draws a uniform key when it goes live);
 *   weights 1 / rank^s normalised over the models live at the time.
 * - Classification uses the month's peak and trough load (growth evaluated at both ends of the month it covers):
 *   a deployment whose peak needs no more than its minimum stays there; a pool model expecting >= 20 requests a
 *   step at the trough is hot.
 * - Steps are evaluated lazily (when a model arrives, a month is taken or state is read), because nothing else
 *   in the simulation reads serving state between those moments: the same result as one kernel event per step.
 *   A day of steps, from any step of the day, that ends in the state it started in (its signature, see
 *   `#hasSignature`) repeats for as long as the models do not change: later steps are added from the accounts'
 *   prefix sums over that day, any number at once, and the pool's objects stay in the state they were in at its
 *   end (remembering which step of the day they stand at). Only a change of the models (or reading the pods)
 *   brings them to now, by repeating the steps in between from what the objects decided in them when the day
 *   was watched (pods added and removed, missing hot models loaded; no load, no HPA, no accounts), and dates the
 *   stabilisers' memory to now. Exact up to rounding: the same step a day later sees a diurnal factor that
 *   differs by the rounding of the clock only, and the accounts add the same numbers grouped in other sums.
 */
import type { Environment } from "../../../engine/index.ts";
import { DAYS_PER_MONTH, HOURS_PER_DAY, monthOfDay, SECONDS_PER_HOUR } from "../calendar.ts";
import { AllDedicatedComparison } from "./all-dedicated-comparison.ts";
import { DayReplay } from "./day-replay.ts";
import { DedicatedDeployments } from "./dedicated-deployments.ts";
import { ScaleDownStabiliser } from "./hpa.ts";
import { ModelMeshPool } from "./model-mesh-pool.ts";
import type { DeploymentSizing, ModelState, ServedModel } from "./served-model.ts";
import {
  type AccountsHistory,
  ServingAccounts,
  type ServingMonth,
  type ServingTotals,
} from "./serving-accounts.ts";
import type { ServingOptions } from "./serving-options.ts";
import { ServingStep } from "./serving-step.ts";

/** A serving platform (one multi-model pool plus dedicated deployments), stepped every `stepHours`. */
export class ServingPool {
  readonly options: Readonly<ServingOptions>;
  readonly #env: Environment;
  readonly #models: ModelState[] = [];
  /** The rank keys of the models, ascending (entry r is the key of Zipf rank r; ties in arrival order). */
  readonly #rankKeys: number[] = [];
  /**
   * What the classification reads of each model, by index in `#models` (arrays kept in step with it, their
   * numbers stored unboxed side by side: the classification then touches each model's objects once, to set its
   * weight, and never the served model): its Zipf rank (0 = most popular), minimum replicas (at least 1), the
   * cost of one of its dedicated pods for one step, memory, whether dedicated.
   */
  readonly #rankOf: number[] = [];
  readonly #minReplicas: number[] = [];
  readonly #podStepCost: number[] = [];
  readonly #memoryGb: number[] = [];
  readonly #dedicated: boolean[] = [];
  readonly #zipfRaw: number[] = [];
  readonly #zipfSums: number[] = [];
  readonly #tenants: string[] = [];
  readonly #tenantIndex = new Map<string, number>();
  /** Models arrived since the last classification. */
  #dirty = false;
  #classifiedMonth = -1;
  readonly #useStabiliser: boolean;
  /** The stabilisation window reaches back past the previous step (its memory then depends on time: no replay). */
  readonly #windowSpansSteps: boolean;
  readonly #mesh: ModelMeshPool;
  readonly #deployments: DedicatedDeployments;
  readonly #comparison: AllDedicatedComparison;
  readonly #accounts: ServingAccounts;
  readonly #replay = new DayReplay();
  readonly #step = new ServingStep();
  readonly #sizing: DeploymentSizing = { minReplicas: 0, staticReplicas: false, podStepCost: 0 };
  /** Starts as a number (set by the constructor): a field left undefined would box the double at every step. */
  #nextStepAt = 0;
  readonly #stepDays: number;
  /** Steps per day when a day is a whole number of steps (days can then replay), else 0. */
  readonly #stepsPerDay: number;
  /** The cycle the pool is replaying (lazily: its objects stay at step `#anchor` of it), if any. */
  #cycle: AccountsHistory | undefined;
  /** Step of `#cycle` the next step would be. */
  #offset = 0;
  /** Step of `#cycle` whose start the pool's objects are in (they were last stepped to an equivalent state). */
  #anchor = 0;

  /**
   * Create the pool (empty until models arrive) and start stepping at the current time; with `keepTrace`
   * the pool pods of every step are kept (`podsTrace`).
   * @throws RangeError on inconsistent options (step, replicas, utilisation targets, pod memory)
   */
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
    this.#useStabiliser = o.stabilisationWindowSeconds > 0;
    this.#windowSpansSteps = o.stabilisationWindowSeconds >= o.stepHours * SECONDS_PER_HOUR;
    this.#mesh = new ModelMeshPool(o, this.modelMemoryGb, this.#useStabiliser);
    this.#deployments = new DedicatedDeployments(o);
    this.#comparison = new AllDedicatedComparison(o);
    this.#accounts = new ServingAccounts(keepTrace);
    this.#stepDays = o.stepHours / HOURS_PER_DAY;
    const perDay = HOURS_PER_DAY / o.stepHours;
    this.#stepsPerDay = Math.abs(perDay - Math.round(perDay)) < 1e-9 ? Math.round(perDay) : 0;
    this.#nextStepAt = env.now + this.#stepDays;
  }

  /** Run every step that ended by now (see the file header: steps are evaluated lazily). */
  catchUp(): void {
    const now = this.#env.now;
    const replay = this.#replay;
    while (this.#nextStepAt <= now + 1e-9) {
      const cycle = this.#cycle;
      if (cycle !== undefined) {
        // the rest is a replay: every step that has ended is added from the cycle's prefix sums at once
        const count = Math.floor((now + 1e-9 - this.#nextStepAt) / this.#stepDays) + 1;
        this.#accounts.applyCycle(cycle, this.#offset, count);
        this.#offset = (this.#offset + count) % this.#stepsPerDay;
        this.#nextStepAt += count * this.#stepDays;
        return;
      }
      if (this.#stepsPerDay > 0 && !replay.watching) {
        if (this.#dirty && this.options.growthPerMonth === 0) this.#classify(0);
        if (this.#hasSignature()) {
          replay.start(this.#stepsPerDay, this.#accounts);
          this.#watch();
        }
      }
      this.#stepAt();
      this.#nextStepAt += this.#stepDays;
      if (replay.watching) this.#watch();
    }
  }

  /**
   * Bring the pool's objects to the state stepping would have them in now, when a replay left them at an
   * earlier step of the cycle (`#anchor`): repeat the steps in between from what the objects decided in them
   * when the cycle was watched (pods added and removed, missing hot models loaded), set the deployments'
   * replicas and date the stabilisers' memory to now. With `keepCycle` false, something is about to change the
   * pool: the cycle and any watch are dropped.
   */
  #materialise(keepCycle: boolean): void {
    const replay = this.#replay;
    if (this.#cycle !== undefined) {
      const n = this.#stepsPerDay;
      const steps = (this.#offset - this.#anchor + n) % n;
      for (let k = 1; k <= steps; k++) {
        const state = replay.state((this.#anchor + k) % n);
        this.#mesh.repeatStep(state[0]!, state[1]!);
      }
      const boundary = this.#nextStepAt - this.#stepDays;
      const state = replay.state(this.#offset);
      this.#deployments.resume(boundary, state, this.#mesh.resume(boundary, state, 1));
      this.#anchor = this.#offset;
    }
    if (!keepCycle) {
      this.#cycle = undefined;
      replay.drop();
    }
  }

  /**
   * Whether the state decides the next day of steps alone: the steps cannot draw random numbers (no cold models,
   * or a shadow pool), there is no growth and the stabilisation window is shorter than a step (its memory is then
   * the latest recommendation, part of the signature). Two days starting from the same signature at the same
   * step of the day are identical (the diurnal profile has a 24 h period), so the second is replayed.
   */
  #hasSignature(): boolean {
    const o = this.options;
    if (o.replayDays === false || this.#dirty || o.growthPerMonth !== 0 || this.#windowSpansSteps)
      return false;
    return o.shadow === true || this.#mesh.coldCount === 0;
  }

  /**
   * Give the day replay the boundary now (the pool has a signature: it keeps one from the start of a watch to the
   * next change): the accounts, the objects' state and, when the replay needs it, the signature (models, pods
   * and their contents, dedicated replicas), written straight into the replay's arrays. A day of steps that
   * ended where it started becomes the cycle to replay.
   */
  #watch(): void {
    const replay = this.#replay;
    const signature = replay.signatureSlot();
    if (signature !== undefined) {
      signature[0] = this.#models.length;
      let n = this.#mesh.signatureInto(signature, 1);
      n = this.#deployments.signatureInto(signature, n);
      if (signature.length !== n) signature.length = n;
    }
    const state = replay.stateSlot();
    state[0] = this.#step.poolPods;
    this.#deployments.stateInto(state, this.#mesh.stateInto(state, 1));
    if (!replay.boundary(this.#accounts)) return;
    // the pool's objects stay in the state they are in now, the start (and end) of the cycle
    this.#cycle = replay.cycle;
    this.#offset = 0;
    this.#anchor = 0;
  }

  /** Totals over the run so far (requests, misses, cold loads, pod-hours, steps, peak pool pods). */
  get totals(): Readonly<ServingTotals> {
    this.catchUp();
    return this.#accounts.totals;
  }

  /** Pool pods at each step so far, when the pool was created with `keepTrace`. */
  get podsTrace(): readonly number[] | undefined {
    this.catchUp();
    return this.#accounts.podsTrace;
  }

  /** Memory a pod offers to models, GB. */
  get modelMemoryGb(): number {
    return this.options.podMemoryGb - this.options.podOverheadGb;
  }

  /** Pool pods now. */
  get pods(): number {
    this.catchUp();
    this.#materialise(true);
    return this.#mesh.podCount;
  }

  /** Models being served. */
  get modelCount(): number {
    return this.#models.length;
  }

  /** Start serving a model from now on (memory is capped at a pod's model memory). */
  add(model: ServedModel, rankKey: number): void {
    this.catchUp();
    this.#materialise(false);
    const dedicated = this.options.mode === "dedicated" || model.dedicated;
    const m = { ...model, memoryGb: Math.min(model.memoryGb, this.modelMemoryGb), dedicated };
    let tenantIndex = this.#tenantIndex.get(m.tenant);
    if (tenantIndex === undefined) {
      tenantIndex = this.#tenants.length;
      this.#tenants.push(m.tenant);
      this.#tenantIndex.set(m.tenant, tenantIndex);
    }
    const state: ModelState = {
      model: m,
      tenantIndex,
      rankKey,
      weight: 0,
      replicas: dedicated ? Math.max(1, m.minReplicas) : 0,
      // only a dedicated deployment scales on its own (a pool model is scaled with the pool, by its stabiliser)
      stabiliser:
        this.#useStabiliser && dedicated
          ? new ScaleDownStabiliser(this.options.stabilisationWindowSeconds)
          : undefined,
      hot: false,
      fixedReplicas: false,
    };
    this.#rankOf.push(insertRank(this.#rankKeys, this.#rankOf, rankKey));
    this.#minReplicas.push(Math.max(1, m.minReplicas));
    this.#podStepCost.push(m.regions * this.options.dedicatedPodCostPerHour * this.options.stepHours);
    this.#memoryGb.push(m.memoryGb);
    this.#dedicated.push(dedicated);
    this.#models.push(state);
    this.#mesh.register(state);
    this.#dirty = true;
  }

  /**
   * Stop serving model `id` from now on (it retired): it leaves the pool's caches, the Zipf ranks and the load,
   * and the models are classified again. Returns whether it was served.
   */
  remove(id: number): boolean {
    this.catchUp();
    const models = this.#models;
    let at = 0;
    while (at < models.length && models[at]!.model.id !== id) at++;
    if (at === models.length) return false;
    this.#materialise(false);
    const state = models[at]!;
    removeRank(this.#rankKeys, this.#rankOf, at);
    models.splice(at, 1);
    this.#minReplicas.splice(at, 1);
    this.#podStepCost.splice(at, 1);
    this.#memoryGb.splice(at, 1);
    this.#dedicated.splice(at, 1);
    this.#mesh.unregister(state);
    this.#dirty = true;
    return true;
  }

  /** Load growth factor at `hours` since the start (compounded monthly). */
  #growth(hours: number): number {
    const g = this.options.growthPerMonth;
    return g === 0 ? 1 : (1 + g) ** (hours / HOURS_PER_DAY / DAYS_PER_MONTH);
  }

  /** Ranks, weights and the per-model classification for the month starting at `hours`. */
  #classify(hours: number): void {
    const o = this.options;
    const n = this.#models.length;
    const raw = this.#zipfRaw;
    const s = o.zipfExponent;
    while (raw.length < n) {
      const r = raw.length;
      raw.push(1 / (r + 1) ** s);
      this.#zipfSums.push((this.#zipfSums[r - 1] ?? 0) + raw[r]!);
    }
    const sum = this.#zipfSums[n - 1] ?? 1;
    // growth is evaluated at the end of the month the classification covers
    const growthHigh = this.#growth(hours + DAYS_PER_MONTH * HOURS_PER_DAY);
    const growthLow = this.#growth(hours);
    const peakRate =
      o.requestsPerSecondPerModel * n * (1 + o.diurnalAmplitude) * Math.max(growthHigh, growthLow);
    const troughRate =
      o.requestsPerSecondPerModel * n * (1 - o.diurnalAmplitude) * Math.min(growthHigh, growthLow);
    const serviceSeconds = o.serviceMs / 1000;
    const perPodAtTarget = o.concurrencyPerPod * o.targetUtilisation;
    const tenants = this.#tenants.length;
    this.#mesh.beginClassify(tenants, troughRate);
    this.#deployments.beginClassify(tenants);
    this.#comparison.beginClassify();
    const sizing = this.#sizing;
    const models = this.#models;
    const minReplicas = this.#minReplicas;
    const podStepCost = this.#podStepCost;
    const memoryGb = this.#memoryGb;
    const dedicated = this.#dedicated;
    const rankOf = this.#rankOf;
    // one pass in model order: the weight (1 / rank^s normalised) is set and used at once
    for (let i = 0; i < models.length; i++) {
      const state = models[i]!;
      const weight = raw[rankOf[i]!]! / sum;
      state.weight = weight;
      const peakPods = (peakRate * weight * serviceSeconds) / perPodAtTarget;
      sizing.minReplicas = minReplicas[i]!;
      sizing.staticReplicas = peakPods <= sizing.minReplicas;
      sizing.podStepCost = podStepCost[i]!;
      if (dedicated[i]) this.#deployments.classify(state, sizing);
      else this.#mesh.classify(state, memoryGb[i]!);
      this.#comparison.classify(state, sizing);
    }
    this.#deployments.endClassify();
    this.#mesh.endClassify(this.#models);
    // tenants only arrive with models, so the per-tenant accounts grow here, before any step needs them
    this.#accounts.growTenants(tenants);
    this.#dirty = false;
  }

  /** The step ending at `#nextStepAt` (days; read from the field, not passed: see serving-step.ts). */
  #stepAt(): void {
    const o = this.options;
    const now = this.#nextStepAt;
    const startHours = now * HOURS_PER_DAY - o.stepHours;
    if (this.#dirty || o.growthPerMonth !== 0) {
      const month = monthOfDay(startHours / HOURS_PER_DAY);
      if (this.#dirty || month !== this.#classifiedMonth) {
        this.#classify(month * DAYS_PER_MONTH * HOURS_PER_DAY);
        this.#classifiedMonth = month;
      }
    }
    const midHours = startHours + o.stepHours / 2;
    const n = this.#models.length;
    // the diurnal factor (see the file header) is computed here, and growth only when there is some: a double
    // returned by a method V8 does not inline is boxed, at every step
    const diurnal =
      1 + o.diurnalAmplitude * Math.cos((2 * Math.PI * (midHours - o.peakHour)) / HOURS_PER_DAY);
    const growth = o.growthPerMonth === 0 ? 1 : this.#growth(midHours);
    const totalRate = o.requestsPerSecondPerModel * n * diurnal * growth;
    const step = this.#step;
    const accounts = this.#accounts;
    const tenants = this.#tenants.length;
    step.endDays = now;
    step.totalRate = totalRate;
    step.requests = totalRate * (o.stepHours * SECONDS_PER_HOUR);
    this.#deployments.step(step, accounts.dedicatedByTenant);
    step.allDedicatedCost = this.#comparison.stepCost(totalRate);
    this.#mesh.step(step, accounts.usedByTenant, tenants);
    accounts.add(step, o.stepHours);
  }

  /** Hand over the totals since the previous call (the month's) and start a new month. */
  takeMonth(): ServingMonth {
    this.catchUp();
    return this.#accounts.takeMonth(this.#tenants);
  }
}

/**
 * Insert `key` into the ascending `keys` after any equal keys and return its position (the Zipf rank of the
 * model arriving with it); the rank in `rankOf` of every model ranked at or after it moves down by one.
 */
export function insertRank(keys: number[], rankOf: number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  keys.splice(lo, 0, key);
  for (let i = 0; i < rankOf.length; i++) if (rankOf[i]! >= lo) rankOf[i]!++;
  return lo;
}

/**
 * Remove the model at index `at` of `rankOf` from the ranks: its key leaves `keys`, its entry leaves `rankOf`
 * (the models after it shift down, as they do in the model list) and the ranks after its own move up by one.
 */
export function removeRank(keys: number[], rankOf: number[], at: number): void {
  const rank = rankOf[at]!;
  keys.splice(rank, 1);
  rankOf.splice(at, 1);
  for (let i = 0; i < rankOf.length; i++) if (rankOf[i]! > rank) rankOf[i]!--;
}
