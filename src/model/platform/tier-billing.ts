/**
 * The service tiers' bill and record: each month every (tenant, tier) pays its models' prorated fees, every
 * model-month's uptime is compared with its tier's SLA; the run's tier KPIs and samples follow from them.
 */
import type { Environment, RandomSource } from "../../../engine/index.ts";
import type { ChargebackLine } from "./chargeback-poster.ts";
import { toCents } from "./largest-remainder.ts";
import type { MonthClose } from "./month-close.ts";
import type { PlatformKpis, PlatformSamples } from "./platform-metrics.ts";
import { meanOrZero } from "./sample-statistics.ts";
import { TIER_NAMES, type TierName, type TierSpec } from "./service-tiers.ts";
import { TierReliability } from "./tier-reliability.ts";

/** The fee line of each tier, by index in TIER_NAMES (frozen: every row of a tier shares its strings). */
const TIER_LINES: readonly ChargebackLine[] = TIER_NAMES.map((tier) =>
  Object.freeze({
    category: "tiers",
    service: `${tier} tier`,
    serviceCategory: "AI and Machine Learning",
    resourceId: `tier/${tier}`,
    quantity: 1,
    unit: "Model-Months",
    listFactor: 1,
    pricing: "Standard",
  } as const),
);

/** Bills tier fees and tracks SLA attainment of every production model. */
export class TierBilling {
  readonly #reliability: TierReliability;
  #fees = 0;
  #referenceFees = 0;
  /** Fees, model-months and SLA breaches by tier index (TIER_NAMES order). */
  readonly #feesByTier = new Float64Array(TIER_NAMES.length);
  readonly #modelMonths = new Int32Array(TIER_NAMES.length);
  readonly #breaches = new Int32Array(TIER_NAMES.length);
  readonly #uptimes: Record<TierName, number[]> = { Bronze: [], Silver: [], Gold: [], Platinum: [] };
  /** The same lists by tier index. */
  readonly #uptimesByIndex: number[][] = TIER_NAMES.map((tier) => this.#uptimes[tier]);

  /** Track models on `specs`, comparing fees with every model on `reference`; failures drawn from `source`. */
  constructor(
    env: Environment,
    specs: Readonly<Record<TierName, TierSpec>>,
    reference: TierName,
    source: RandomSource,
  ) {
    this.#reliability = new TierReliability(env, specs, reference, source);
  }

  /** Start billing a model on `tier` and simulating its failures from now on. */
  add(id: number, tenant: string, tier: TierName): void {
    this.#reliability.add(id, tenant, tier);
  }

  /** Stop billing model `id` and simulating its failures from now on (it retired). */
  remove(id: number): void {
    this.#reliability.remove(id);
  }

  /** Post the month's fees by tenant and tier and write the SLA series. */
  closeMonth(close: MonthClose): void {
    const t = this.#reliability.closeMonth();
    for (let i = 0; i < t.feeCount; i++)
      close.postOne(TIER_LINES[t.feeTiers[i]!]!, t.feeTenants[i]!, toCents(t.fees[i]!));
    for (let i = 0; i < t.tierCount; i++) {
      const ti = t.tierOrder[i]!;
      const fee = t.tierFees[ti]!;
      this.#fees += fee;
      this.#feesByTier[ti]! += fee;
    }
    this.#referenceFees += t.referenceFees;
    let withSla = 0;
    let met = 0;
    let uptimeSum = 0;
    for (let i = 0; i < t.uptimeCount; i++) {
      const ti = t.uptimeTiers[i]!;
      const uptime = t.uptimes[i]!;
      this.#uptimesByIndex[ti]!.push(uptime);
      this.#modelMonths[ti]!++;
      uptimeSum += uptime;
      if (t.withSla[i] === 1) {
        withSla++;
        if (t.breached[i] === 0) met++;
        else this.#breaches[ti]!++;
      }
    }
    close.series.slaAttainment = withSla > 0 ? met / withSla : 1;
    close.series.availability = t.uptimeCount > 0 ? uptimeSum / t.uptimeCount : 1;
  }
  /** The run's tier KPIs (`tiers.*`, `tierCost.<tier>`) and samples (uptimes, data lost). */
  addKpis(k: PlatformKpis, samples: PlatformSamples): void {
    const r = this.#reliability;
    k["tiers.cost"] = this.#fees;
    k["tiers.referenceCost"] = this.#referenceFees;
    k["tiers.savingVsSingleTier"] = this.#referenceFees > 0 ? 1 - this.#fees / this.#referenceFees : 0;
    let modelMonths = 0;
    for (const n of this.#modelMonths) modelMonths += n;
    let breaches = 0;
    for (let ti = 0; ti < TIER_NAMES.length; ti++) {
      const tier = TIER_NAMES[ti]!;
      const n = this.#modelMonths[ti]!;
      const tierBreaches = this.#breaches[ti]!;
      k[`tierCost.${tier}`] = this.#feesByTier[ti]!;
      k[`tiers.share.${tier}`] = modelMonths > 0 ? n / modelMonths : 0;
      const live = r.liveDays[tier];
      k[`tiers.availability.${tier}`] = live > 0 ? 1 - r.downDays[tier] / live : 1;
      k[`tiers.breaches.${tier}`] = tierBreaches;
      k[`tiers.breachRate.${tier}`] = n > 0 ? tierBreaches / n : 0;
      k[`tiers.outages.${tier}`] = r.outageCount[tier];
      k[`tiers.dataLostHoursMean.${tier}`] = meanOrZero(r.dataLostHours[tier]);
      breaches += tierBreaches;
      samples[`tierAvailability.${tier}`] = this.#uptimes[tier];
      samples[`dataLostHours.${tier}`] = r.dataLostHours[tier];
    }
    k["tiers.breaches"] = breaches;
  }
}
