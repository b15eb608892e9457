/**
 * Assembles the ReplicationResult of one run of the delivery model (MODEL.md section 7): scalar KPIs (the
 * guide's portfolio dashboard, Pattern 10), monthly series, pooled samples, FOCUS cost rows, project records,
 * and every KPI broken down per maturity level as `level.<n>.<kpi>`. Month-based KPIs of a level aggregate the
 * months spent at that level; project-based ones (time to market, success rate) use the level at approval.
 * A KPI undefined in a replication (e.g. time to market with nothing delivered) is omitted, not NaN.
 */
import { PHASES } from "../scenario/phases.ts";
import { DAYS_PER_MONTH } from "./calendar.ts";
import type { DeliveryModel } from "./delivery/delivery-model.ts";
import { HORIZONS, IMPACTS, PHASE_COUNT, RISKS } from "./delivery/project.ts";
import { peopleCost, sunkCost } from "./delivery/project-costs.ts";
import { netPresentValue } from "./finance.ts";
import { COST_CATEGORIES, inCostView } from "./ledger.ts";
import type { ReplicationResult, SimulateOptions } from "./result.ts";
import { terminalValue } from "./terminal-value.ts";

const TIER_ORDER = ["Bronze", "Silver", "Gold", "Platinum"];

/** Ledger categories the platform posts (chargeback-poster.ts), and its per-tenant KPI family. */
const PLATFORM_CATEGORIES: readonly string[] = ["compute", "serving", "tiers", "platform"];
const PLATFORM_COST_PREFIX = "chargeback.platformCost.";

/** Builds the result of `model` after `model.run()`. */
export function replicationResult(model: DeliveryModel, options: SimulateOptions): ReplicationResult {
  const H = model.horizonMonths;
  const ledger = model.ledger;
  const params = model.params;
  const kpis: Record<string, number> = {};
  const series: Record<string, number[]> = {};
  const years = H / 12;

  // shared and left-over idle cost to tenants (chargeback-shared.ts), before any total is read
  const chargeback = model.scenario.platform.chargeback;
  ledger.allocateShared({
    tenants: model.tenancy.tenantNames,
    shared: chargeback.shared,
    idle: chargeback.idle,
    weights: new Map(model.scenario.platform.tenants.map((t) => [t.name, t.weight])),
  });

  // monthly cost by category from the ledger, then every series of the month book; costTotal is the
  // enterprise view (no transfer prices), chargeback.billed every category
  const costTotal = new Array<number>(H).fill(0);
  let billed = 0;
  for (const c of COST_CATEGORIES) {
    const s = new Array<number>(H);
    const enterprise = inCostView(c, "enterprise");
    for (let m = 0; m < H; m++) {
      s[m] = ledger.total(m, c);
      if (enterprise) costTotal[m]! += s[m]!;
    }
    series[`cost.${c}`] = s;
    kpis[`cost.${c}`] = sum(s);
    billed += kpis[`cost.${c}`]!;
  }
  kpis["chargeback.billed"] = billed;
  series.costTotal = costTotal;
  series.cumulativeCost = cumulative(costTotal);
  const book = model.book.toRecord();
  addNew(series, book, "monthly series");
  addNew(
    series,
    {
      cumulativeValue: cumulative(book.value!),
      deliveredCumulative: cumulative(book.delivered!),
    },
    "monthly series",
  );

  // project counts
  let approved = 0;
  let delivered = 0;
  let killed = 0;
  let failed = 0;
  let rejected = 0;
  let started = 0;
  let ttmSum = 0;
  let ttmCount = 0;
  const leadTimeDays: number[] = [];
  const staffingWaitDays: number[] = [];
  let initialCount = 0;
  let initialValue = 0;
  let initialCost = 0;
  const horizonDays = H * DAYS_PER_MONTH;
  for (const p of model.projects) {
    if (p.initial) {
      initialCount++;
      initialValue += p.realisedValue;
      initialCost += peopleCost(p, horizonDays, params);
    }
    if (!Number.isNaN(p.approvalDay)) approved++;
    if (!Number.isNaN(p.startDay)) {
      started++;
      if (!p.initial) staffingWaitDays.push(p.startDay - p.eligibleDay);
    }
    if (p.status === "delivered") {
      delivered++;
      if (!p.initial) {
        ttmSum += p.deliveryDay - p.approvalDay;
        ttmCount++;
        leadTimeDays.push(p.deliveryDay - p.arrivalDay);
      }
    } else if (p.status === "killed") killed++;
    else if (p.status === "failed") failed++;
    else if (p.status === "rejected") rejected++;
  }
  const totalCost = sum(costTotal);
  const totalValue = sum(book.value!);
  kpis.ideas = model.projects.length;
  kpis.approved = approved;
  kpis.started = started;
  kpis.delivered = delivered;
  kpis.killed = killed;
  kpis.failed = failed;
  kpis.rejected = rejected;
  kpis.deliveredPerYear = delivered / years;
  kpis.activeProjects = mean(book.activeProjects!);
  kpis.activeProjectsEnd = model.portfolio.activeCount;
  kpis.activeProjectsPeak = model.portfolio.peakActive;
  if (ttmCount > 0) kpis.timeToMarketDays = ttmSum / ttmCount;
  if (leadTimeDays.length > 0) kpis.leadTimeDays = mean(leadTimeDays);
  if (staffingWaitDays.length > 0) kpis.staffingWaitDays = mean(staffingWaitDays);
  if (initialCount > 0) {
    kpis["initial.value"] = initialValue;
    kpis["initial.cost"] = initialCost;
    if (initialCost > 0) kpis["initial.roi"] = initialValue / initialCost;
  }
  if (delivered + killed + failed > 0) kpis.successRate = delivered / (delivered + killed + failed);
  const utilisation = model.org.runUtilisation();
  if (utilisation.hub !== undefined) kpis.hubUtilisation = utilisation.hub;
  if (utilisation.reviewer !== undefined) kpis.reviewerUtilisation = utilisation.reviewer;
  if (utilisation.spoke !== undefined) kpis.spokeUtilisation = utilisation.spoke;
  if (utilisation.hubWork !== undefined) {
    kpis.hubWorkUtilisation = utilisation.hubWork.all;
    kpis["hubWork.support"] = utilisation.hubWork.support;
    kpis["hubWork.reviews"] = utilisation.hubWork.reviews;
    kpis["hubWork.platform"] = utilisation.hubWork.platform;
  }
  kpis.supportQueue = mean(book.supportQueue!);
  const tally = model.tally;
  const s = tally.samples;
  if (s.supportWaitDays.length > 0) kpis.supportWaitDays = mean(s.supportWaitDays);
  if (s.gateWaitDays.length > 0) kpis.gateWaitDays = mean(s.gateWaitDays);
  kpis.productionModels = model.production.liveCount;
  kpis.retiredModels = model.production.retired;
  kpis.retrainingCompliance = model.production.compliance();
  kpis.value = totalValue;
  kpis["cost.total"] = totalCost;
  if (totalCost > 0) kpis.roi = totalValue / totalCost;
  kpis.npv = netPresentValue(book.value!, costTotal, params.finance.discountRatePerYear);
  kpis.terminalValue =
    params.finance.terminalValueMonths > 0
      ? terminalValue(
          model.production.terminalMonthlyValue(),
          horizonDays,
          params.finance.terminalValueMonths,
          params.finance.discountRatePerYear,
        )
      : 0;
  kpis["npv.withTerminalValue"] = kpis.npv + kpis.terminalValue;
  if (delivered > 0) {
    kpis.costPerDelivered = totalCost / delivered;
    // issue 10 point 6: no constant stands in for a result; the reference is the user's, or the ladder's level-1 rung
    const reference = params.finance.level1CostPerProject;
    if (reference > 0) kpis.costEfficiencyVsLevel1 = kpis.costPerDelivered / reference;
  }
  kpis.sunkCost = tally.sunkCostKilled + tally.sunkCostFailed;
  kpis["sunkCost.killed"] = tally.sunkCostKilled;
  kpis["sunkCost.failed"] = tally.sunkCostFailed;
  kpis.balanceAlerts = sum(book.balanceAlerts!);
  kpis.mixDeviationPoints = mean(book.mixDeviationPoints!);
  kpis.featureFamiliesBuilt = model.reuse.builtCount;
  kpis.libraryCompleteness = model.reuse.completeness;
  kpis.maturityLevel = book.maturityLevel![H - 1] ?? 1;
  for (let i = 0; i < PHASE_COUNT; i++)
    if (tally.phaseEffortCount[i]! > 0)
      kpis[`effort.${PHASES[i]}`] = tally.phaseEffortSum[i]! / tally.phaseEffortCount[i]!;

  // cost by tenant, from the FOCUS rows (the chargeback view)
  const byTenant = new Map<string, number>();
  for (const row of ledger.rows)
    byTenant.set(row.subAccountId, (byTenant.get(row.subAccountId) ?? 0) + row.billedCost);
  for (const [tenant, cost] of byTenant) kpis[`tenantCost.${tenant}`] = cost;

  // platform KPIs and samples; the platform's cost per tenant is re-read from the allocated rows, as the
  // platform totals its postings before shared and left-over idle cost are allocated
  const platform = model.platform.finish();
  const platformKpis: Record<string, number | undefined> = { ...platform.kpis };
  let perTenant = false;
  for (const name of Object.keys(platformKpis))
    if (name.startsWith(PLATFORM_COST_PREFIX)) {
      delete platformKpis[name];
      perTenant = true;
    }
  if (perTenant) {
    // summed by tenant, then named in order of first appearance (one name string per tenant, not per row)
    const platformByTenant = new Map<string, number>();
    for (const row of ledger.rows)
      if (PLATFORM_CATEGORIES.includes(row.xCostCategory))
        platformByTenant.set(
          row.subAccountId,
          (platformByTenant.get(row.subAccountId) ?? 0) + row.billedCost,
        );
    for (const [tenant, cost] of platformByTenant) platformKpis[PLATFORM_COST_PREFIX + tenant] = cost;
  }
  addNew(kpis, platformKpis, "KPI");

  levelBreakdown(model, kpis, series, costTotal);

  const samples: Record<string, number[]> = { ...s };
  addNew(samples, { leadTimeDays, staffingWaitDays }, "sample");
  addNew(samples, platform.samples, "sample");

  const catalogue = model.scenario.platform.tiers.catalogue as Record<string, { slaPercent: number }>;
  const tierNames = new Set([
    ...Object.keys(catalogue),
    ...model.projects.filter((p) => p.tier !== "").map((p) => p.tier),
  ]);
  const tiers = [...tierNames].sort((a, b) => tierRank(a) - tierRank(b) || a.localeCompare(b));
  const slaTargets: Record<string, number> = {};
  for (const [tier, spec] of Object.entries(catalogue))
    if (spec.slaPercent > 0) slaTargets[tier] = spec.slaPercent;
  const bal = params.portfolio.balancing;
  const result: ReplicationResult = {
    replication: options.replication,
    seed: options.seed,
    meta: {
      scenarioName: model.scenario.name,
      description: model.scenario.description,
      currency: model.scenario.currency,
      horizonMonths: H,
      tenants: [...model.tenancy.tenantNames],
      tiers,
      mixTargets: {
        impact: Object.fromEntries(IMPACTS.map((k) => [k, bal.impact[k]])),
        horizon: Object.fromEntries(HORIZONS.map((k) => [k, bal.horizon[k]])),
        risk: Object.fromEntries(RISKS.map((k) => [k, bal.risk[k]])),
      },
      startDate: model.scenario.startDate,
      slaTargets,
    },
    kpis,
    series,
    samples,
    costRows: ledger.rows,
    projects:
      options.keepProjects === false
        ? []
        : model.projects.map((p) =>
            p.toRecord(
              model.tenancy.unitNames[p.unit]!,
              model.tenancy.tenantName(p),
              p.status === "killed" || p.status === "failed" ? sunkCost(p, params) : 0,
            ),
          ),
    events: model.env.eventCount,
  };
  if (options.trace === true) result.trace = model.trace.lines;
  return result;
}

/** Monthly series averaged over the months at a level (`level.<n>.<series>`). */
const MEAN_BY_LEVEL = [
  "activeProjects",
  "backlog",
  "hubUtilisation",
  "supportQueue",
  "reviewerUtilisation",
  "spokeUtilisation",
  "productionModels",
  "libraryCompleteness",
  "featureFamiliesBuilt",
  "balanceAlerts",
  "mixDeviationPoints",
];

/** Monthly series summed over the months at a level (`level.<n>.<series>`), plus the cost categories. */
const SUM_BY_LEVEL = ["started", "delivered", "killed", "failed", "value"];

/**
 * Adds `level.<n>.<kpi>` for every level that occurred (by month) or approved a project. The attribution rule
 * (issue 10 point 5, docs/model.md): flows (cost, value, deliveries) follow the level of the month they
 * happen in; project outcomes (time to market, success rate, approved) follow the level at the project's approval;
 * roadmap investments, charged in the months before their effects, are shown apart (`cost.investment`) and left out
 * of the operating view (`operatingCost`, `operatingCostPerDelivered`, `operatingRoi`).
 */
function levelBreakdown(
  model: DeliveryModel,
  kpis: Record<string, number>,
  series: Record<string, number[]>,
  costTotal: number[],
): void {
  const maturity = series.maturityLevel!;
  const H = model.horizonMonths;
  const sums = [...SUM_BY_LEVEL, ...COST_CATEGORIES.map((c) => `cost.${c}`)];
  for (let level = 1; level <= 5; level++) {
    const prefix = `level.${level}.`;
    let months = 0;
    for (let m = 0; m < H; m++) if (maturity[m] === level) months++;
    if (months > 0) {
      kpis[`${prefix}months`] = months;
      const over = (name: string): number => {
        const values = series[name]!;
        let total = 0;
        for (let m = 0; m < H; m++) if (maturity[m] === level) total += values[m]!;
        return total;
      };
      for (const name of MEAN_BY_LEVEL) kpis[prefix + name] = over(name) / months;
      for (const name of sums) kpis[prefix + name] = over(name);
      let cost = 0;
      for (let m = 0; m < H; m++) if (maturity[m] === level) cost += costTotal[m]!;
      const delivered = kpis[`${prefix}delivered`]!;
      const value = kpis[`${prefix}value`]!;
      kpis[`${prefix}cost.total`] = cost;
      kpis[`${prefix}deliveredPerYear`] = (delivered * 12) / months;
      kpis[`${prefix}costPerMonth`] = cost / months;
      kpis[`${prefix}valuePerMonth`] = value / months;
      if (cost > 0) kpis[`${prefix}roi`] = value / cost;
      if (delivered > 0) {
        kpis[`${prefix}costPerDelivered`] = cost / delivered;
        const reference = model.params.finance.level1CostPerProject;
        if (reference > 0) kpis[`${prefix}costEfficiencyVsLevel1`] = cost / delivered / reference;
      }
      // issue 10 point 5: investments are charged before their effects; the operating view shows them apart
      const operating = cost - kpis[`${prefix}cost.investment`]!;
      kpis[`${prefix}operatingCost`] = operating;
      if (delivered > 0) kpis[`${prefix}operatingCostPerDelivered`] = operating / delivered;
      if (operating > 0) kpis[`${prefix}operatingRoi`] = value / operating;
    }
    let approved = 0;
    let ended = 0;
    let succeeded = 0;
    let ttm = 0;
    let ttmCount = 0;
    for (const p of model.projects) {
      if (Number.isNaN(p.approvalDay) || p.levelAtApproval !== level) continue;
      approved++;
      if (p.status === "delivered") {
        succeeded++;
        ended++;
        if (!p.initial) {
          ttm += p.deliveryDay - p.approvalDay;
          ttmCount++;
        }
      } else if (p.status === "killed" || p.status === "failed") ended++;
    }
    if (approved > 0) kpis[`${prefix}approved`] = approved;
    if (ttmCount > 0) kpis[`${prefix}timeToMarketDays`] = ttm / ttmCount;
    if (ended > 0) kpis[`${prefix}successRate`] = succeeded / ended;
  }
}

/**
 * Copies every entry of `from` into `into`.
 * @throws Error when a name is already there (two producers of one metric): a clash is a bug, not a choice
 */
function addNew<T>(into: Record<string, T>, from: Readonly<Partial<Record<string, T>>>, kind: string): void {
  for (const key in from) {
    const value = from[key];
    if (value === undefined) continue;
    if (key in into) throw new Error(`${kind} "${key}" is produced twice; each name needs one producer`);
    into[key] = value;
  }
}

function tierRank(tier: string): number {
  const i = TIER_ORDER.indexOf(tier);
  return i < 0 ? TIER_ORDER.length : i;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? sum(values) / values.length : 0;
}

function cumulative(values: readonly number[]): number[] {
  let s = 0;
  return values.map((v) => (s += v));
}
