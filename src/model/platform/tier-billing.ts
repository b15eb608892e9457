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

/** A zeroed count per tier. */
function perTier(): Record<TierName, number> {
  return { Bronze: 0, Silver: 0, Gold: 0, Platinum: 0 };
}

/** Bills tier fees and tracks SLA attainment of every production model. */
export class TierBilling {
  readonly #reliability: TierReliability;
  readonly #specs: Readonly<Record<TierName, TierSpec>>;
  /** Reused one-tenant cents map for the fee rows. */
  readonly #singleTenantCents = new Map<string, number>();
  readonly #lines = new Map<TierName, ChargebackLine>();
  #fees = 0;
  #referenceFees = 0;
  readonly #feesByTier = perTier();
  readonly #modelMonths = perTier();
  readonly #breaches = perTier();
  readonly #uptimes: Record<TierName, number[]> = { Bronze: [], Silver: [], Gold: [], Platinum: [] };

  /** Track models on `specs`, comparing fees with every model on `reference`; failures drawn from `source`. */
  constructor(
    env: Environment,
    specs: Readonly<Record<TierName, TierSpec>>,
    reference: TierName,
    source: RandomSource,
  ) {
    this.#specs = specs;
    this.#reliability = new TierReliability(env, specs, reference, source);
  }

  /** The fee line of `tier` (built once per tier: the posting does not keep it). */
  #line(tier: TierName): ChargebackLine {
    let line = this.#lines.get(tier);
    if (line === undefined) {
      line = {
        category: "tiers",
        service: `${tier} tier`,
        serviceCategory: "AI and Machine Learning",
        resourceId: `tier/${tier}`,
        quantity: 1,
        unit: "Model-Months",
        listFactor: 1,
        pricing: "Standard",
      };
      this.#lines.set(tier, line);
    }
    return line;
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
    const single = this.#singleTenantCents;
    for (const { tenant, tier, fee } of t.feesByTenantTierList) {
      single.clear();
      single.set(tenant, toCents(fee));
      close.post(this.#line(tier), single);
    }
    for (const [tier, fee] of t.feesByTier) {
      this.#fees += fee;
      this.#feesByTier[tier] += fee;
    }
    this.#referenceFees += t.referenceFees;
    let withSla = 0;
    let met = 0;
    let uptimeSum = 0;
    for (const u of t.uptimes) {
      this.#uptimes[u.tier].push(u.uptime);
      this.#modelMonths[u.tier]++;
      uptimeSum += u.uptime;
      if (this.#specs[u.tier].slaPercent > 0) {
        withSla++;
        if (!u.breached) met++;
        else this.#breaches[u.tier]++;
      }
    }
    close.series.slaAttainment = withSla > 0 ? met / withSla : 1;
    close.series.availability = t.uptimes.length > 0 ? uptimeSum / t.uptimes.length : 1;
  }

  /** The run's tier KPIs (`tiers.*`, `tierCost.<tier>`) and samples (uptimes, data lost). */
  addKpis(k: PlatformKpis, samples: PlatformSamples): void {
    const r = this.#reliability;
    k["tiers.cost"] = this.#fees;
    k["tiers.referenceCost"] = this.#referenceFees;
    k["tiers.savingVsSingleTier"] = this.#referenceFees > 0 ? 1 - this.#fees / this.#referenceFees : 0;
    let modelMonths = 0;
    for (const tier of TIER_NAMES) modelMonths += this.#modelMonths[tier];
    let breaches = 0;
    for (const tier of TIER_NAMES) {
      const n = this.#modelMonths[tier];
      const tierBreaches = this.#breaches[tier];
      k[`tierCost.${tier}`] = this.#feesByTier[tier];
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
