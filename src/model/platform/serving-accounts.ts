/**
 * The serving pool's books: run-long accumulators in one Float64Array (no boxed numbers on the hourly path)
 * plus per-tenant arrays, read as month differences by `takeMonth` and added again over any range of a recorded
 * cycle's steps by the day replay (as prefix sums). The accumulators are never reset, so a recorded cycle may
 * span a month close.
 */
import type { ServingStep } from "./serving-step.ts";

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

// accumulator layout
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
const FIELDS = 11;

/** Totals over the run so far. */
export interface ServingTotals {
  requests: number;
  misses: number;
  coldLoads: number;
  podHours: number;
  steps: number;
  /** Most pool pods in one step. */
  maxPods: number;
}

/**
 * The accounts at each of the last `steps + 1` step boundaries (a ring: boundary i at slot i mod (steps + 1)),
 * filled by `startHistory` and `recordHistory`. Once a cycle is found (the last `steps` steps, from the slot
 * `cycleStart`), the history stops and the cycle is added again over any range of its steps by `applyCycle`.
 */
export interface AccountsHistory {
  /** Boundaries recorded since the start. */
  boundaries: number;
  steps: number;
  /** Tenants at the start (each boundary keeps this many per-tenant entries; tenants only arrive with a change). */
  tenants: number;
  /** `#sums` at each boundary, FIELDS entries a slot. */
  sums: Float64Array;
  used: number[];
  dedicated: number[];
  /** Pool pods of the step ending at each boundary (kept only when the accounts keep a trace). */
  pods: number[];
  /** Slot of the boundary a found cycle starts at. */
  cycleStart: number;
}

/** Run-long serving accounts with month differences. */
export class ServingAccounts {
  #sums = new Float64Array(FIELDS);
  /** `#sums` and the tenant arrays at the last `takeMonth`. */
  readonly #taken = new Float64Array(FIELDS);
  readonly #takenUsed: number[] = [];
  readonly #takenDedicated: number[] = [];
  /** Pool cost used by each tenant's requests, by tenant index. */
  readonly usedByTenant: number[] = [];
  /** Dedicated-deployment cost by tenant index. */
  readonly dedicatedByTenant: number[] = [];
  #steps = 0;
  #maxPods = 0;
  readonly #podsTrace: number[] | undefined;

  /** With `keepTrace`, the pool pods of every step are kept. */
  constructor(keepTrace: boolean) {
    this.#podsTrace = keepTrace ? [] : undefined;
  }

  /** Make room for `tenants` tenants in the per-tenant arrays. */
  growTenants(tenants: number): void {
    while (this.usedByTenant.length < tenants) this.usedByTenant.push(0);
    while (this.dedicatedByTenant.length < tenants) this.dedicatedByTenant.push(0);
  }

  /** Add one step. */
  add(step: ServingStep, stepHours: number): void {
    const m = this.#sums;
    m[REQUESTS]! += step.requests;
    m[COLD_LOADS]! += step.coldLoads;
    m[MISSES]! += step.misses;
    m[MODELS_PER_POD_HOURS]! += step.modelsPerPodHours;
    m[LATENCY_WEIGHTED]! += step.latencyWeighted;
    m[LATENCY_REQUESTS]! += step.latencyRequests;
    m[OVERLOADED_HOURS]! += step.overloadedHours;
    m[POOL_COST]! += step.poolCost;
    m[DEDICATED_COST]! += step.dedicatedCost;
    m[ALL_DEDICATED_COST]! += step.allDedicatedCost;
    m[POD_HOURS]! += (step.poolPods + step.dedicatedPods) * stepHours;
    this.#steps++;
    if (this.#podsTrace !== undefined) this.#podsTrace.push(step.poolPods);
    if (step.poolPods > this.#maxPods) this.#maxPods = step.poolPods;
  }

  /** Run totals so far. */
  get totals(): ServingTotals {
    const m = this.#sums;
    return {
      requests: m[REQUESTS]!,
      misses: m[MISSES]!,
      coldLoads: m[COLD_LOADS]!,
      podHours: m[POD_HOURS]!,
      steps: this.#steps,
      maxPods: this.#maxPods,
    };
  }

  /** Pool pods at each step so far, when kept. */
  get podsTrace(): readonly number[] | undefined {
    return this.#podsTrace;
  }

  /** The totals since the previous call, with tenant maps keyed by `tenants` (index order). */
  takeMonth(tenants: readonly string[]): ServingMonth {
    const to = this.#sums;
    const from = this.#taken;
    const month: ServingMonth = {
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
    for (let i = 0; i < tenants.length; i++) {
      const name = tenants[i]!;
      const used = (this.usedByTenant[i] ?? 0) - (this.#takenUsed[i] ?? 0);
      if (used > 1e-12) month.usedCostByTenant.set(name, used);
      const dedicated = (this.dedicatedByTenant[i] ?? 0) - (this.#takenDedicated[i] ?? 0);
      if (dedicated > 1e-12) month.dedicatedCostByTenant.set(name, dedicated);
    }
    this.#taken.set(this.#sums);
    copyInto(this.#takenUsed, this.usedByTenant);
    copyInto(this.#takenDedicated, this.dedicatedByTenant);
    return month;
  }

  /**
   * Start a history of the accounts at step boundaries (`recordHistory` keeps each), `steps + 1` boundaries at a
   * time, in `reuse` (a history no longer needed, refilled) or a new history.
   */
  startHistory(steps: number, reuse?: AccountsHistory): AccountsHistory {
    const tenants = this.usedByTenant.length;
    const h: AccountsHistory = reuse ?? {
      boundaries: 0,
      steps,
      tenants,
      sums: new Float64Array((steps + 1) * FIELDS),
      used: [],
      dedicated: [],
      pods: [],
      cycleStart: 0,
    };
    h.boundaries = 0;
    h.steps = steps;
    h.tenants = tenants;
    if (h.sums.length < (steps + 1) * FIELDS) h.sums = new Float64Array((steps + 1) * FIELDS);
    const size = (steps + 1) * tenants;
    while (h.used.length < size) h.used.push(0);
    while (h.dedicated.length < size) h.dedicated.push(0);
    while (h.pods.length < steps + 1) h.pods.push(0);
    return h;
  }

  /** Keep the accounts now, at the next boundary of `h` (the oldest kept boundary makes room). */
  recordHistory(h: AccountsHistory): void {
    const slot = h.boundaries % (h.steps + 1);
    const from = this.#sums;
    const sums = h.sums;
    const at = slot * FIELDS;
    // a loop, not TypedArray.set: a runtime call costs more than eleven copies
    for (let k = 0; k < FIELDS; k++) sums[at + k] = from[k]!;
    const tenants = h.tenants;
    const used = h.used;
    const dedicated = h.dedicated;
    const usedByTenant = this.usedByTenant;
    const dedicatedByTenant = this.dedicatedByTenant;
    const base = slot * tenants;
    for (let t = 0; t < tenants; t++) {
      used[base + t] = usedByTenant[t]!;
      dedicated[base + t] = dedicatedByTenant[t]!;
    }
    const trace = this.#podsTrace;
    if (trace !== undefined && trace.length > 0) h.pods[slot] = trace[trace.length - 1]!;
    h.boundaries++;
  }

  /**
   * Add the cycle found in `h` (its `steps` steps from the slot `cycleStart`) again over `count` steps starting
   * at its step `from` (0 <= from < steps), going round it as often as needed: each whole round and each partial
   * one is one difference of the kept accounts, so the additions are grouped differently from stepping
   * (rounding level only). The peak pool pods stay: every step of the cycle was added while it was watched.
   */
  applyCycle(h: AccountsHistory, from: number, count: number): void {
    const n = h.steps;
    let at = from;
    let left = count;
    if (at > 0 && left > 0) {
      const to = Math.min(n, at + left);
      this.#addRange(h, at, to, 1);
      left -= to - at;
      at = to === n ? 0 : to;
    }
    const rounds = Math.floor(left / n);
    if (rounds > 0) this.#addRange(h, 0, n, rounds);
    left -= rounds * n;
    if (left > 0) this.#addRange(h, 0, left, 1);
    this.#steps += count;
    const trace = this.#podsTrace;
    if (trace !== undefined)
      for (let k = 0; k < count; k++) trace.push(h.pods[(h.cycleStart + ((from + k) % n) + 1) % (n + 1)]!);
  }

  /** Add `times` x the change of the accounts from step `from` to step `to` of the cycle in `h`. */
  #addRange(h: AccountsHistory, from: number, to: number, times: number): void {
    const ring = h.steps + 1;
    const a = (h.cycleStart + from) % ring;
    const b = (h.cycleStart + to) % ring;
    const m = this.#sums;
    const sums = h.sums;
    for (let k = 0; k < FIELDS; k++) m[k]! += times * (sums[b * FIELDS + k]! - sums[a * FIELDS + k]!);
    const tenants = h.tenants;
    const used = this.usedByTenant;
    const dedicated = this.dedicatedByTenant;
    for (let t = 0; t < tenants; t++) {
      used[t]! += times * (h.used[b * tenants + t]! - h.used[a * tenants + t]!);
      dedicated[t]! += times * (h.dedicated[b * tenants + t]! - h.dedicated[a * tenants + t]!);
    }
  }
}

/** Make `target` an element-for-element copy of `source` (reusing its storage). */
function copyInto(target: number[], source: readonly number[]): void {
  for (let i = 0; i < source.length; i++) target[i] = source[i]!;
  if (target.length !== source.length) target.length = source.length;
}
