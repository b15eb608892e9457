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
import type { Environment, RandomSource } from "../../../engine/index.ts";
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

/** One month's tier results. */
export interface TierMonth {
  /** Fees by `${tenant}\u0000${tier}`, in order of the first model of each pair. */
  feesByTenantTier: Map<string, number>;
  /** The same fees as a list in the same order, without string keys. */
  feesByTenantTierList: { tenant: string; tier: TierName; fee: number }[];
  feesByTier: Map<TierName, number>;
  /** Fees if every model of the month had been on the reference tier. */
  referenceFees: number;
  /** Per model: tier, uptime ratio in the month, whether the SLA was breached. */
  uptimes: { tier: TierName; uptime: number; breached: boolean }[];
}

/** Simulates availability of every production model against its tier's SLA. */
export class TierReliability {
  readonly #env: Environment;
  readonly #source: RandomSource;
  readonly #catalogue: Readonly<Record<TierName, TierSpec>>;
  readonly #reference: TierName;
  readonly #models: TrackedModel[] = [];
  /** Fee table slots by tenant, then tier. */
  readonly #slotIndex = new Map<string, Partial<Record<TierName, number>>>();
  readonly #slots: { tenant: string; tier: TierName; key: string }[] = [];
  #slotFees = new Float64Array(8);
  /** Outages (start, end in days) per model id, kept only when tracing. */
  readonly outages: Map<number, [number, number][]> | undefined;
  /** Down intervals of each instance (unit index, start, end in days; unit -1 = common cause) per model id, kept only when tracing. */
  readonly unitDowntime: Map<number, [number, number, number][]> | undefined;
  /** Hours of data lost per outage, by tier. */
  readonly dataLostHours: Record<TierName, number[]> = { Bronze: [], Silver: [], Gold: [], Platinum: [] };
  /** Outage counts by tier. */
  readonly outageCount: Record<TierName, number> = { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 };
  /** Instance failures by tier (an outage or not). */
  readonly failureCount: Record<TierName, number> = { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 };
  /** Downtime and live time over the whole run, days, by tier. */
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
    this.outages = keepOutages ? new Map() : undefined;
    this.unitDowntime = keepOutages ? new Map() : undefined;
  }

  /** Models tracked so far. */
  get count(): number {
    return this.#models.length;
  }

  /** Start tracking a model from now. */
  add(id: number, tenant: string, tier: TierName): void {
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
    for (let u = 0; u < units; u++) this.#scheduleFailure(m, u);
    if (spec.redundancy === "highAvailability" && spec.commonCauseMtbfDays > 0) this.#scheduleCommonCause(m);
  }

  /**
   * Stop tracking model `id` from now on (it retired): an ongoing outage ends, its fees and uptime count up to
   * now in this month, and it draws no more failures. Returns whether it was tracked.
   */
  remove(id: number): boolean {
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
      this.#slots.push({ tenant, tier, key: `${tenant}\u0000${tier}` });
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

  #scheduleFailure(m: TrackedModel, unit: number): void {
    if (!(m.spec.mtbfDays > 0)) return;
    this.#env.schedule(this.#exp(m.spec.mtbfDays), () => {
      if (m.retiredAt <= this.#env.now) return;
      const start = this.#env.now;
      this.failureCount[m.tier]++;
      m.unitsDown++;
      this.#update(m);
      this.#env.schedule(this.#repairDays(m.spec), () => {
        if (m.retiredAt <= this.#env.now) return;
        m.unitsDown--;
        this.#recordUnit(m.id, unit, start);
        this.#update(m);
        this.#scheduleFailure(m, unit);
      });
    });
  }

  #recordUnit(id: number, unit: number, start: number): void {
    if (this.unitDowntime === undefined) return;
    const list = this.unitDowntime.get(id) ?? [];
    list.push([unit, start, this.#env.now]);
    this.unitDowntime.set(id, list);
  }

  #scheduleCommonCause(m: TrackedModel): void {
    this.#env.schedule(this.#exp(m.spec.commonCauseMtbfDays), () => {
      if (m.retiredAt <= this.#env.now) return;
      const start = this.#env.now;
      m.commonDown = true;
      this.#update(m);
      this.#env.schedule(this.#repairDays(m.spec), () => {
        if (m.retiredAt <= this.#env.now) return;
        m.commonDown = false;
        this.#recordUnit(m.id, -1, start);
        this.#update(m);
        this.#scheduleCommonCause(m);
      });
    });
  }

  #isDown(m: TrackedModel): boolean {
    const units = m.spec.redundancy === "highAvailability" || m.spec.redundancy === "multiRegion" ? 2 : 1;
    return m.commonDown || m.unitsDown >= units;
  }

  #update(m: TrackedModel): void {
    const now = this.#env.now;
    const down = this.#isDown(m);
    if (down && m.outageSince === undefined) {
      m.outageSince = now;
      this.outageCount[m.tier]++;
      this.dataLostHours[m.tier].push(this.#dataLost(m, now));
    } else if (!down && m.outageSince !== undefined) {
      const start = Math.max(m.outageSince, m.monthStart);
      m.monthDownDays += now - start;
      if (this.outages !== undefined) {
        const list = this.outages.get(m.id) ?? [];
        list.push([m.outageSince, now]);
        this.outages.set(m.id, list);
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
    const now = this.#env.now;
    const result: TierMonth = {
      feesByTenantTier: new Map(),
      feesByTenantTierList: [],
      feesByTier: new Map(),
      referenceFees: 0,
      uptimes: [],
    };
    const referenceFee = this.#catalogue[this.#reference].feePerMonth;
    // fee slots are numbered in order of first appearance, which is the order of the model list
    const slotFees = this.#slotFees;
    slotFees.fill(0);
    let seen = 0;
    // per-tier sums by tier index (same additions, in the same order, as keyed by name)
    const tiers = TIER_NAMES.length;
    const tierFees = new Float64Array(tiers);
    const tierSeen = new Uint8Array(tiers);
    const tierOrder: number[] = [];
    const down = new Float64Array(tiers);
    const liveDays = new Float64Array(tiers);
    for (let i = 0; i < tiers; i++) {
      down[i] = this.downDays[TIER_NAMES[i]!];
      liveDays[i] = this.liveDays[TIER_NAMES[i]!];
    }
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
        tierOrder.push(ti);
      }
      tierFees[ti]! += fee;
      result.referenceFees += referenceFee * share;
      if (live > 1e-9) {
        const uptime = 1 - downDays / live;
        const breached = m.spec.slaPercent > 0 && uptime * 100 < m.spec.slaPercent - 1e-12;
        result.uptimes.push({ tier: m.tier, uptime, breached });
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
    for (let i = 0; i < seen; i++) {
      if (slotsInUse !== undefined && slotsInUse[i] === 0) continue;
      const slot = this.#slots[i]!;
      const fee = slotFees[i]!;
      result.feesByTenantTier.set(slot.key, fee);
      result.feesByTenantTierList.push({ tenant: slot.tenant, tier: slot.tier, fee });
    }
    for (const ti of tierOrder) result.feesByTier.set(TIER_NAMES[ti]!, tierFees[ti]!);
    return result;
  }
}
