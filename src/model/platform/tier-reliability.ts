/**
 * Failures, repairs and outages of production models by service tier: each serving instance fails after an
 * exponential time (MTBF) and is repaired after detection + support response (skipped for the self-healing
 * share) + fix; redundancy decides when a
 * failure is an outage; backups decide how much data an outage loses. Monthly uptime is compared with the SLA.
 *
 * Sources: the guide's Pattern 6 (tiers, support response, redundancy, backups); the alternating renewal
 * process of reliability theory, whose long-run availability is MTBF / (MTBF + MTTR) (Barlow & Proschan,
 * "Mathematical Theory of Reliability", 1965); a k-out-of-n structure with n = 2, k = 1 for redundant tiers.
 * Stated rules: highAvailability = two instances in one zone plus zone-wide common-cause failures (both down
 * until the zone is repaired); multiRegion = two instances in different regions, an outage needs both down;
 * data lost per outage = time since the last backup point (none: since go-live or the previous loss; daily:
 * uniform on [0, 24 h); hourly: uniform on [0, 1 h); replication: the replication lag).
 */
import { type Environment, LocalTimeline, type RandomSource } from "../../../engine/index.ts";
import { DAYS_PER_MONTH, HOURS_PER_DAY, SECONDS_PER_HOUR } from "../calendar.ts";
import { TIER_NAMES, type TierName, type TierSpec } from "./service-tiers.ts";

interface TrackedModel {
  id: number;
  /** Index of the model's tenant and tier in the fee table (order of first appearance). */
  feeSlot: number;
  tenant: string;
  tier: TierName;
  /** Position of the tier in TIER_NAMES. */
  tierIndex: number;
  spec: TierSpec;
  liveSince: number;
  lastLoss: number;
  unitsDown: number;
  commonDown: boolean;
  outageSince: number | undefined;
  monthDownDays: number;
  monthLiveDays: number;
  monthStart: number;
  /** Day the model retired (Infinity while it is live): no more fees, failures or uptime after it. */
  retiredAt: number;
}

/**
 * The failure and repair cycle of one instance (or of the zone, unit -1) of a model: an entry of the failure
 * timeline, due at its next failure (while up) or repair (while down).
 */
interface FailureCycle {
  readonly model: TrackedModel;
  /** Instance index; -1 = the zone-wide common cause. */
  readonly unit: number;
  /** Whether the instance is down (the next step is its repair). */
  down: boolean;
  /** Day the current failure started. */
  start: number;
}

/**
 * One month's tier results, as parallel arrays: the object is refilled by every `closeMonth` (read it before
 * the next close), so a month close allocates nothing per model.
 */
export interface TierMonth {
  /** Fee rows by (tenant, tier), in order of the first model of each pair: entries 0 .. feeCount - 1. */
  feeCount: number;
  feeTenants: string[];
  /** Tier of each fee row, as its index in TIER_NAMES. */
  feeTiers: Uint8Array;
  fees: Float64Array;
  /** Tiers (indices in TIER_NAMES) in order of their first model this month: entries 0 .. tierCount - 1. */
  tierCount: number;
  tierOrder: Uint8Array;
  /** Fees by tier index (0 for a tier without models this month). */
  tierFees: Float64Array;
  /** Fees if every model of the month had been on the reference tier. */
  referenceFees: number;
  /** Per model live in the month, in model order: entries 0 .. uptimeCount - 1. */
  uptimeCount: number;
  /** Tier of each model, as its index in TIER_NAMES. */
  uptimeTiers: Uint8Array;
  /** Uptime ratio in the month, over the days the model was live. */
  uptimes: Float64Array;
  /** 1 when the model's tier has an SLA (slaPercent > 0) this month. */
  withSla: Uint8Array;
  /** 1 when the month's uptime breached the tier's SLA. */
  breached: Uint8Array;
}

/** An empty month with room for `capacity` models. */
function emptyMonth(capacity: number): TierMonth {
  return {
    feeCount: 0,
    feeTenants: [],
    feeTiers: new Uint8Array(capacity),
    fees: new Float64Array(capacity),
    tierCount: 0,
    tierOrder: new Uint8Array(TIER_NAMES.length),
    tierFees: new Float64Array(TIER_NAMES.length),
    referenceFees: 0,
    uptimeCount: 0,
    uptimeTiers: new Uint8Array(capacity),
    uptimes: new Float64Array(capacity),
    withSla: new Uint8Array(capacity),
    breached: new Uint8Array(capacity),
  };
}

/** Grow the per-model and per-fee-row arrays of `month` to hold `capacity` entries. */
function reserve(month: TierMonth, capacity: number): void {
  if (month.uptimes.length >= capacity && month.fees.length >= capacity) return;
  const size = Math.max(capacity, 2 * month.uptimes.length);
  month.feeTiers = new Uint8Array(size);
  month.fees = new Float64Array(size);
  month.uptimeTiers = new Uint8Array(size);
  month.uptimes = new Float64Array(size);
  month.withSla = new Uint8Array(size);
  month.breached = new Uint8Array(size);
}

/**
 * Simulates availability of every production model against its tier's SLA.
 *
 * Failures and repairs change only this object's state and draw only from its own random source, and every
 * reader of that state (add, remove, closeMonth and the run totals) first brings it up to the kernel's time, so
 * they run on a private timeline (engine/local-timeline.ts) rather than as kernel events: the same failures at
 * the same times, without two kernel events per failure (they are not counted in the replication's `events`).
 */
export class TierReliability {
  readonly #env: Environment;
  /** Failures and repairs due, run when the state is next read. */
  readonly #timeline: LocalTimeline<FailureCycle>;
  /** Runs a cycle's due step (bound once). */
  readonly #runStep = (cycle: FailureCycle): void => {
    if (cycle.down) this.#repaired(cycle);
    else this.#failed(cycle);
  };
  readonly #source: RandomSource;
  readonly #catalogue: Readonly<Record<TierName, TierSpec>>;
  readonly #reference: TierName;
  readonly #models: TrackedModel[] = [];
  /** Fee table slots by tenant, then tier. */
  readonly #slotIndex = new Map<string, Partial<Record<TierName, number>>>();
  readonly #slots: { tenant: string; tierIndex: number }[] = [];
  #slotFees = new Float64Array(8);
  /** The month result every close refills, and its per-tier scratch sums. */
  readonly #month = emptyMonth(8);
  readonly #tierSeen = new Uint8Array(TIER_NAMES.length);
  readonly #tierDown = new Float64Array(TIER_NAMES.length);
  readonly #tierLive = new Float64Array(TIER_NAMES.length);
  readonly #outages: Map<number, [number, number][]> | undefined;
  readonly #unitDowntime: Map<number, [number, number, number][]> | undefined;
  readonly #dataLostHours: Record<TierName, number[]> = { Bronze: [], Silver: [], Gold: [], Platinum: [] };
  readonly #outageCount: Record<TierName, number> = { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 };
  readonly #failureCount: Record<TierName, number> = { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 };
  /** Downtime and live time over the whole run, days, by tier (up to the last month close). */
  readonly downDays: Record<TierName, number> = { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 };
  readonly liveDays: Record<TierName, number> = { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 };

  constructor(
    env: Environment,
    catalogue: Readonly<Record<TierName, TierSpec>>,
    reference: TierName,
    source: RandomSource,
    keepOutages = false,
  ) {
    this.#env = env;
    this.#catalogue = catalogue;
    this.#reference = reference;
    this.#source = source;
    this.#outages = keepOutages ? new Map() : undefined;
    this.#unitDowntime = keepOutages ? new Map() : undefined;
    this.#timeline = new LocalTimeline(env.now);
  }

  /** Run the failures and repairs due by the kernel's current time. */
  #advance(): void {
    this.#timeline.advanceTo(this.#env.now, this.#runStep);
  }

  /** Outages (start, end in days) per model id up to now, kept only when tracing. */
  get outages(): Map<number, [number, number][]> | undefined {
    this.#advance();
    return this.#outages;
  }

  /** Down intervals of each instance (unit index, start, end in days; unit -1 = common cause) per model id up to now, kept only when tracing. */
  get unitDowntime(): Map<number, [number, number, number][]> | undefined {
    this.#advance();
    return this.#unitDowntime;
  }

  /** Hours of data lost per outage up to now, by tier. */
  get dataLostHours(): Readonly<Record<TierName, number[]>> {
    this.#advance();
    return this.#dataLostHours;
  }

  /** Outage counts up to now, by tier. */
  get outageCount(): Readonly<Record<TierName, number>> {
    this.#advance();
    return this.#outageCount;
  }

  /** Instance failures up to now by tier (an outage or not). */
  get failureCount(): Readonly<Record<TierName, number>> {
    this.#advance();
    return this.#failureCount;
  }

  /** Models tracked so far. */
  get count(): number {
    return this.#models.length;
  }

  /** Start tracking a model from now. */
  add(id: number, tenant: string, tier: TierName): void {
    this.#advance();
    const now = this.#env.now;
    const spec = this.#catalogue[tier];
    const m: TrackedModel = {
      id,
      feeSlot: this.#slot(tenant, tier),
      tenant,
      tier,
      tierIndex: TIER_NAMES.indexOf(tier),
      spec,
      liveSince: now,
      lastLoss: now,
      unitsDown: 0,
      commonDown: false,
      outageSince: undefined,
      monthDownDays: 0,
      monthLiveDays: 0,
      monthStart: now,
      retiredAt: Number.POSITIVE_INFINITY,
    };
    this.#models.push(m);
    const units = spec.redundancy === "highAvailability" || spec.redundancy === "multiRegion" ? 2 : 1;
    for (let u = 0; u < units; u++) this.#scheduleFailure({ model: m, unit: u, down: false, start: 0 });
    if (spec.redundancy === "highAvailability" && spec.commonCauseMtbfDays > 0)
      this.#scheduleCommonCause({ model: m, unit: -1, down: false, start: 0 });
  }

  /**
   * Stop tracking model `id` from now on (it retired): an ongoing outage ends, its fees and uptime count up to
   * now in this month, and it draws no more failures. Returns whether it was tracked.
   */
  remove(id: number): boolean {
    this.#advance();
    const m = this.#models.find((t) => t.id === id && t.retiredAt === Number.POSITIVE_INFINITY);
    if (m === undefined) return false;
    m.unitsDown = 0;
    m.commonDown = false;
    this.#update(m);
    m.retiredAt = this.#env.now;
    return true;
  }

  #slot(tenant: string, tier: TierName): number {
    let byTier = this.#slotIndex.get(tenant);
    if (byTier === undefined) {
      byTier = {};
      this.#slotIndex.set(tenant, byTier);
    }
    let slot = byTier[tier];
    if (slot === undefined) {
      slot = this.#slots.length;
      byTier[tier] = slot;
      this.#slots.push({ tenant, tierIndex: TIER_NAMES.indexOf(tier) });
      if (this.#slotFees.length < this.#slots.length) {
        const grown = new Float64Array(this.#slots.length * 2);
        grown.set(this.#slotFees);
        this.#slotFees = grown;
      }
    }
    return slot;
  }

  /**
   * An exponential time of mean `meanDays` by inversion. Not engine/random's `exponentialGap`: that divides by
   * a rate, and -ln(1 - u) / (1 / mean) is not bit-for-bit -ln(1 - u) * mean, so switching would change every
   * failure time (and the result hash) for no modelling gain.
   */
  #exp(meanDays: number): number {
    return -Math.log(1 - this.#source()) * meanDays;
  }

  #repairDays(spec: TierSpec): number {
    const fixHours = spec.meanFixHours > 0 ? this.#exp(spec.meanFixHours) : 0;
    const response = this.#source() < spec.selfHealingShare ? 0 : spec.supportResponseHours;
    return (spec.detectionHours + response + fixHours) / HOURS_PER_DAY;
  }

  #scheduleFailure(cycle: FailureCycle): void {
    const spec = cycle.model.spec;
    if (!(spec.mtbfDays > 0)) return;
    this.#timeline.schedule(this.#exp(spec.mtbfDays), cycle);
  }

  #scheduleCommonCause(cycle: FailureCycle): void {
    this.#timeline.schedule(this.#exp(cycle.model.spec.commonCauseMtbfDays), cycle);
  }

  /** The instance (or the zone) of `cycle` fails now; its repair is scheduled. */
  #failed(cycle: FailureCycle): void {
    const m = cycle.model;
    const now = this.#timeline.now;
    if (m.retiredAt <= now) return;
    cycle.start = now;
    cycle.down = true;
    if (cycle.unit >= 0) {
      this.#failureCount[m.tier]++;
      m.unitsDown++;
    } else m.commonDown = true;
    this.#update(m);
    this.#timeline.schedule(this.#repairDays(m.spec), cycle);
  }

  /** The instance (or the zone) of `cycle` is repaired now; its next failure is scheduled. */
  #repaired(cycle: FailureCycle): void {
    const m = cycle.model;
    if (m.retiredAt <= this.#timeline.now) return;
    cycle.down = false;
    if (cycle.unit >= 0) m.unitsDown--;
    else m.commonDown = false;
    this.#recordUnit(m.id, cycle.unit, cycle.start);
    this.#update(m);
    if (cycle.unit >= 0) this.#scheduleFailure(cycle);
    else this.#scheduleCommonCause(cycle);
  }

  #recordUnit(id: number, unit: number, start: number): void {
    if (this.#unitDowntime === undefined) return;
    const list = this.#unitDowntime.get(id) ?? [];
    list.push([unit, start, this.#timeline.now]);
    this.#unitDowntime.set(id, list);
  }

  #isDown(m: TrackedModel): boolean {
    const units = m.spec.redundancy === "highAvailability" || m.spec.redundancy === "multiRegion" ? 2 : 1;
    return m.commonDown || m.unitsDown >= units;
  }

  #update(m: TrackedModel): void {
    const now = this.#timeline.now;
    const down = this.#isDown(m);
    if (down && m.outageSince === undefined) {
      m.outageSince = now;
      this.#outageCount[m.tier]++;
      this.#dataLostHours[m.tier].push(this.#dataLost(m, now));
    } else if (!down && m.outageSince !== undefined) {
      const start = Math.max(m.outageSince, m.monthStart);
      m.monthDownDays += now - start;
      if (this.#outages !== undefined) {
        const list = this.#outages.get(m.id) ?? [];
        list.push([m.outageSince, now]);
        this.#outages.set(m.id, list);
      }
      m.outageSince = undefined;
    }
  }

  #dataLost(m: TrackedModel, now: number): number {
    switch (m.spec.backup) {
      case "none": {
        const hours = (now - m.lastLoss) * HOURS_PER_DAY;
        m.lastLoss = now;
        return hours;
      }
      case "daily":
        return Math.min(this.#source() * HOURS_PER_DAY, (now - m.liveSince) * HOURS_PER_DAY);
      case "hourly":
        return Math.min(this.#source(), (now - m.liveSince) * HOURS_PER_DAY);
      case "replication":
        return m.spec.replicationLagSeconds / SECONDS_PER_HOUR;
    }
  }

  /**
   * Close the month ending now: prorated tier fees, each model's uptime in the month (over the days it was
   * live) and SLA breaches. Ongoing outages are split at the month boundary.
   */
  closeMonth(): TierMonth {
    this.#advance();
    const now = this.#env.now;
    const result = this.#month;
    reserve(result, Math.max(this.#models.length, this.#slots.length));
    const referenceFee = this.#catalogue[this.#reference].feePerMonth;
    // fee slots are numbered in order of first appearance, which is the order of the model list
    const slotFees = this.#slotFees;
    slotFees.fill(0);
    let seen = 0;
    // per-tier sums by tier index (same additions, in the same order, as keyed by name)
    const tiers = TIER_NAMES.length;
    const tierFees = result.tierFees;
    tierFees.fill(0);
    const tierSeen = this.#tierSeen;
    tierSeen.fill(0);
    const tierOrder = result.tierOrder;
    let tierCount = 0;
    const down = this.#tierDown;
    const liveDays = this.#tierLive;
    for (let i = 0; i < tiers; i++) {
      down[i] = this.downDays[TIER_NAMES[i]!];
      liveDays[i] = this.liveDays[TIER_NAMES[i]!];
    }
    const uptimes = result.uptimes;
    const uptimeTiers = result.uptimeTiers;
    const withSla = result.withSla;
    const breaches = result.breached;
    let uptimeCount = 0;
    let referenceFees = 0;
    let retired = 0;
    for (const m of this.#models) {
      if (m.retiredAt < Number.POSITIVE_INFINITY) retired++;
      const live = Math.min(now, m.retiredAt) - Math.max(m.monthStart, m.liveSince);
      let downDays = m.monthDownDays;
      if (m.outageSince !== undefined) downDays += now - Math.max(m.outageSince, m.monthStart);
      const share = live / DAYS_PER_MONTH;
      const fee = m.spec.feePerMonth * share;
      const ti = m.tierIndex;
      slotFees[m.feeSlot]! += fee;
      if (m.feeSlot >= seen) seen = m.feeSlot + 1;
      if (tierSeen[ti] === 0) {
        tierSeen[ti] = 1;
        tierOrder[tierCount++] = ti;
      }
      tierFees[ti]! += fee;
      referenceFees += referenceFee * share;
      if (live > 1e-9) {
        const uptime = 1 - downDays / live;
        const sla = m.spec.slaPercent > 0;
        const breached = sla && uptime * 100 < m.spec.slaPercent - 1e-12;
        uptimes[uptimeCount] = uptime;
        uptimeTiers[uptimeCount] = ti;
        withSla[uptimeCount] = sla ? 1 : 0;
        breaches[uptimeCount] = breached ? 1 : 0;
        uptimeCount++;
        down[ti]! += downDays;
        liveDays[ti]! += live;
      }
      m.monthDownDays = 0;
      m.monthStart = now;
    }
    for (let i = 0; i < tiers; i++) {
      this.downDays[TIER_NAMES[i]!] = down[i]!;
      this.liveDays[TIER_NAMES[i]!] = liveDays[i]!;
    }
    // retired models leave after their last month; a fee slot left without models posts nothing
    let slotsInUse: Uint8Array | undefined;
    if (retired > 0) {
      slotsInUse = new Uint8Array(seen);
      for (const m of this.#models) slotsInUse[m.feeSlot] = 1;
      const kept = this.#models.filter((m) => m.retiredAt === Number.POSITIVE_INFINITY);
      this.#models.length = 0;
      this.#models.push(...kept);
    }
    const feeTenants = result.feeTenants;
    let feeCount = 0;
    for (let i = 0; i < seen; i++) {
      if (slotsInUse !== undefined && slotsInUse[i] === 0) continue;
      const slot = this.#slots[i]!;
      if (feeCount < feeTenants.length) feeTenants[feeCount] = slot.tenant;
      else feeTenants.push(slot.tenant);
      result.feeTiers[feeCount] = slot.tierIndex;
      result.fees[feeCount] = slotFees[i]!;
      feeCount++;
    }
    if (feeTenants.length > feeCount) feeTenants.length = feeCount;
    result.feeCount = feeCount;
    result.tierCount = tierCount;
    result.referenceFees = referenceFees;
    result.uptimeCount = uptimeCount;
    return result;
  }
}
