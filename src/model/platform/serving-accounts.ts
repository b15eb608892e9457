/**
 * The serving pool's books: run-long accumulators in one Float64Array (no boxed numbers on the hourly path)
 * plus per-tenant arrays, read as month differences by `takeMonth` and copied as whole days by the day replay.
 * The accumulators are never reset, so a recorded day may span a month close.
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

/** The accounts at the start of a day being recorded. */
export interface AccountsSnapshot {
  sums: Float64Array;
  used: number[];
  dedicated: number[];
  steps: number;
  traceLength: number;
}

/** The change of the accounts over one recorded day. */
export interface AccountsDelta {
  sums: Float64Array;
  used: number[];
  dedicated: number[];
  steps: number;
  /** The run's peak pool pods at the end of the day. */
  maxPods: number;
  /** Pool pods of each step of the day (empty when not tracing). */
  podsTrace: number[];
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

  /** The accounts now (the start of a day to record). */
  snapshot(): AccountsSnapshot {
    return {
      sums: this.#sums.slice(),
      used: [...this.usedByTenant],
      dedicated: [...this.dedicatedByTenant],
      steps: this.#steps,
      traceLength: this.#podsTrace?.length ?? 0,
    };
  }

  /** The accounts now, copied into `target` (an earlier snapshot, refilled) or into a new snapshot. */
  snapshotInto(target: AccountsSnapshot | undefined): AccountsSnapshot {
    if (target === undefined) return this.snapshot();
    target.sums.set(this.#sums);
    copyInto(target.used, this.usedByTenant);
    copyInto(target.dedicated, this.dedicatedByTenant);
    target.steps = this.#steps;
    target.traceLength = this.#podsTrace?.length ?? 0;
    return target;
  }

  /**
   * What changed since `start` (a snapshot): one recorded day, to be added again by `apply`; written into
   * `reuse` (a delta no longer needed) when given, else into a new delta.
   */
  deltaSince(start: AccountsSnapshot, reuse?: AccountsDelta): AccountsDelta {
    const d: AccountsDelta = reuse ?? {
      sums: new Float64Array(FIELDS),
      used: [],
      dedicated: [],
      steps: 0,
      maxPods: 0,
      podsTrace: [],
    };
    const sums = d.sums;
    for (let k = 0; k < FIELDS; k++) sums[k] = this.#sums[k]! - start.sums[k]!;
    differenceInto(d.used, this.usedByTenant, start.used);
    differenceInto(d.dedicated, this.dedicatedByTenant, start.dedicated);
    d.steps = this.#steps - start.steps;
    d.maxPods = this.#maxPods;
    // without a trace the delta keeps its (empty) array instead of a new one per recorded day
    if (this.#podsTrace !== undefined) d.podsTrace = this.#podsTrace.slice(start.traceLength);
    else if (d.podsTrace.length > 0) d.podsTrace = [];
    return d;
  }

  /** Add a recorded day's change again (the day replays). */
  apply(d: AccountsDelta): void {
    const m = this.#sums;
    for (let k = 0; k < FIELDS; k++) m[k]! += d.sums[k]!;
    const used = this.usedByTenant;
    const dedicated = this.dedicatedByTenant;
    while (used.length < d.used.length) used.push(0);
    while (dedicated.length < d.dedicated.length) dedicated.push(0);
    for (let i = 0; i < d.used.length; i++) used[i]! += d.used[i]!;
    for (let i = 0; i < d.dedicated.length; i++) dedicated[i]! += d.dedicated[i]!;
    this.#steps += d.steps;
    if (d.maxPods > this.#maxPods) this.#maxPods = d.maxPods;
    if (this.#podsTrace !== undefined) this.#podsTrace.push(...d.podsTrace);
  }
}

/** Make `target` an element-for-element copy of `source` (reusing its storage). */
function copyInto(target: number[], source: readonly number[]): void {
  for (let i = 0; i < source.length; i++) target[i] = source[i]!;
  if (target.length !== source.length) target.length = source.length;
}

/** Make `target` the element-wise `to - from` (a missing `from` entry counts as 0), reusing its storage. */
function differenceInto(target: number[], to: readonly number[], from: readonly number[]): void {
  for (let i = 0; i < to.length; i++) target[i] = to[i]! - (from[i] ?? 0);
  if (target.length !== to.length) target.length = to.length;
}
