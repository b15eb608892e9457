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
import type { CostRow, ReplicationResult, SimulateOptions } from "./result.ts";
import { terminalValue } from "./terminal-value.ts";

const TIER_ORDER = ["Bronze", "Silver", "Gold", "Platinum"];

/** Ledger categories the platform posts (chargeback-poster.ts), and its per-tenant KPI family. */
const PLATFORM_CATEGORIES: readonly string[] = ["compute", "serving", "tiers", "platform"];
const PLATFORM_COST_PREFIX = "chargeback.platformCost.";

/**
 * Builds the result of `model` after `model.run()`. Each part is its own function, called once per replication:
 * V8 optimises a function called this often, and the time its escape analysis takes grows faster than the
 * function. As one function of about 3.5 KB of bytecode it took about 0.4 s of optimising-compiler time, twice (a
 * deoptimisation), in every worker thread; docs/benchmarks.md, "Where the time goes", has the measurement.
 */
export function replicationResult(model: DeliveryModel, options: SimulateOptions): ReplicationResult {
  const kpis: Record<string, number> = {};
  const series: Record<string, number[]> = {};
  const costTotal = addCostKpis(model, kpis, series);
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
  // KPIs are added in the order the result lists them
  const projects = addProjectKpis(model, kpis, book);
  addUtilisationKpis(model, kpis);
  addWaitAndProductionKpis(model, kpis, book);
  addValueKpis(model, kpis, book, costTotal, projects.delivered);
  addOperationsKpis(model, kpis, book);
  const platform = addTenantKpis(model, kpis);
  levelBreakdown(model, kpis, series, costTotal);

  const samples: Record<string, number[]> = { ...model.tally.samples };
  addNew(
    samples,
    { leadTimeDays: projects.leadTimeDays, staffingWaitDays: projects.staffingWaitDays },
    "sample",
  );
  addNew(samples, platform.samples, "sample");
  const result: ReplicationResult = {
    replication: options.replication,
    seed: options.seed,
    meta: resultMeta(model),
    kpis,
    series,
    samples,
    costRows: model.ledger.rows,
    projects: options.keepProjects === false ? [] : projectRecords(model),
    events: model.env.eventCount,
  };
  if (options.trace === true) result.trace = model.trace.lines;
  return result;
}

/**
 * Allocates the shared and left-over idle cost to tenants (chargeback-shared.ts), before any total is read, then
 * adds the monthly cost by category from the ledger (`cost.<category>` series and KPIs, `chargeback.billed` over
 * every category) and returns the enterprise view's monthly total (no transfer prices), also stored as the
 * `costTotal` and `cumulativeCost` series.
 */
function addCostKpis(
  model: DeliveryModel,
  kpis: Record<string, number>,
  series: Record<string, number[]>,
): number[] {
  const H = model.horizonMonths;
  const ledger = model.ledger;
  const chargeback = model.scenario.platform.chargeback;
  ledger.allocateShared({
    tenants: model.tenancy.tenantNames,
    shared: chargeback.shared,
    idle: chargeback.idle,
    weights: new Map(model.scenario.platform.tenants.map((t) => [t.name, t.weight])),
  });
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
  return costTotal;
}

/**
 * What the project KPIs leave for the rest of the result: their samples, in project order (initial projects left
 * out), and the number of projects delivered.
 */
interface ProjectTotals {
  leadTimeDays: number[];
  staffingWaitDays: number[];
  delivered: number;
}

/**
 * Adds the project counts and delivery KPIs (ideas to success rate, initial projects) and returns the lead-time
 * and staffing-wait samples and the number delivered.
 */
function addProjectKpis(
  model: DeliveryModel,
  kpis: Record<string, number>,
  book: Record<string, number[]>,
): ProjectTotals {
  const H = model.horizonMonths;
  const params = model.params;
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
  kpis.ideas = model.projects.length;
  kpis.approved = approved;
  kpis.started = started;
  kpis.delivered = delivered;
  kpis.killed = killed;
  kpis.failed = failed;
  kpis.rejected = rejected;
  kpis.deliveredPerYear = delivered / (H / 12);
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
  return { leadTimeDays, staffingWaitDays, delivered };
}

/** Adds the support queue and waits, and the production portfolio (live and retired models, retraining compliance). */
function addWaitAndProductionKpis(
  model: DeliveryModel,
  kpis: Record<string, number>,
  book: Record<string, number[]>,
): void {
  kpis.supportQueue = mean(book.supportQueue!);
  const s = model.tally.samples;
  if (s.supportWaitDays.length > 0) kpis.supportWaitDays = mean(s.supportWaitDays);
  if (s.gateWaitDays.length > 0) kpis.gateWaitDays = mean(s.gateWaitDays);
  kpis.productionModels = model.production.liveCount;
  kpis.retiredModels = model.production.retired;
  kpis.retrainingCompliance = model.production.compliance();
}

/** Adds the utilisation of the hub, reviewers and spokes, and the hub's split of work, where there are such staff. */
function addUtilisationKpis(model: DeliveryModel, kpis: Record<string, number>): void {
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
}

/** Adds value, total cost, ROI, NPV (without and with terminal value) and the cost per delivered project. */
function addValueKpis(
  model: DeliveryModel,
  kpis: Record<string, number>,
  book: Record<string, number[]>,
  costTotal: number[],
  delivered: number,
): void {
  const finance = model.params.finance;
  const totalValue = sum(book.value!);
  const totalCost = sum(costTotal);
  kpis.value = totalValue;
  kpis["cost.total"] = totalCost;
  if (totalCost > 0) kpis.roi = totalValue / totalCost;
  kpis.npv = netPresentValue(book.value!, costTotal, finance.discountRatePerYear);
  kpis.terminalValue =
    finance.terminalValueMonths > 0
      ? terminalValue(
          model.production.terminalMonthlyValue(),
          model.horizonMonths * DAYS_PER_MONTH,
          finance.terminalValueMonths,
          finance.discountRatePerYear,
        )
      : 0;
  kpis["npv.withTerminalValue"] = kpis.npv + kpis.terminalValue;
  if (delivered > 0) {
    kpis.costPerDelivered = totalCost / delivered;
    // issue 10 point 6: no constant stands in for a result; the reference is the user's, or the ladder's level-1 rung
    const reference = finance.level1CostPerProject;
    if (reference > 0) kpis.costEfficiencyVsLevel1 = kpis.costPerDelivered / reference;
  }
}

/** Adds sunk cost, portfolio balance, reuse, the final maturity level and the mean effort per phase. */
function addOperationsKpis(
  model: DeliveryModel,
  kpis: Record<string, number>,
  book: Record<string, number[]>,
): void {
  const tally = model.tally;
  kpis.sunkCost = tally.sunkCostKilled + tally.sunkCostFailed;
  kpis["sunkCost.killed"] = tally.sunkCostKilled;
  kpis["sunkCost.failed"] = tally.sunkCostFailed;
  kpis.balanceAlerts = sum(book.balanceAlerts!);
  kpis.mixDeviationPoints = mean(book.mixDeviationPoints!);
  kpis.featureFamiliesBuilt = model.reuse.builtCount;
  kpis.libraryCompleteness = model.reuse.completeness;
  kpis.maturityLevel = book.maturityLevel![model.horizonMonths - 1] ?? 1;
  for (let i = 0; i < PHASE_COUNT; i++)
    if (tally.phaseEffortCount[i]! > 0)
      kpis[`effort.${PHASES[i]}`] = tally.phaseEffortSum[i]! / tally.phaseEffortCount[i]!;
}

/**
 * Adds the cost by tenant from the FOCUS rows (the chargeback view) and the platform's KPIs, and returns what the
 * platform finished with (its samples). The platform's cost per tenant is re-read from the allocated rows, as the
 * platform totals its postings before shared and left-over idle cost are allocated.
 */
function addTenantKpis(model: DeliveryModel, kpis: Record<string, number>) {
  const tenantCosts = costByTenant(model.ledger.rows);
  for (let i = 0; i < tenantCosts.tenants.length; i++)
    kpis[`tenantCost.${tenantCosts.tenants[i]!}`] = tenantCosts.all[i]!;
  const platform = model.platform.finish();
  const platformKpis: Record<string, number | undefined> = {};
  let perTenant = false;
  for (const name in platform.kpis) {
    if (name.startsWith(PLATFORM_COST_PREFIX)) perTenant = true;
    else platformKpis[name] = platform.kpis[name as keyof typeof platform.kpis];
  }
  if (perTenant)
    for (const i of tenantCosts.platformOrder)
      platformKpis[PLATFORM_COST_PREFIX + tenantCosts.tenants[i]!] = tenantCosts.platform[i]!;
  addNew(kpis, platformKpis, "KPI");
  return platform;
}

/** What the report needs to know of the scenario: names, horizon, tenants, tiers in catalogue order, targets. */
function resultMeta(model: DeliveryModel): ReplicationResult["meta"] {
  const catalogue = model.scenario.platform.tiers.catalogue as Record<string, { slaPercent: number }>;
  const tierNames = new Set([
    ...Object.keys(catalogue),
    ...model.projects.filter((p) => p.tier !== "").map((p) => p.tier),
  ]);
  const tiers = [...tierNames].sort((a, b) => tierRank(a) - tierRank(b) || a.localeCompare(b));
  const slaTargets: Record<string, number> = {};
  for (const [tier, spec] of Object.entries(catalogue))
    if (spec.slaPercent > 0) slaTargets[tier] = spec.slaPercent;
  const bal = model.params.portfolio.balancing;
  return {
    scenarioName: model.scenario.name,
    description: model.scenario.description,
    currency: model.scenario.currency,
    horizonMonths: model.horizonMonths,
    tenants: [...model.tenancy.tenantNames],
    tiers,
    mixTargets: {
      impact: Object.fromEntries(IMPACTS.map((k) => [k, bal.impact[k]])),
      horizon: Object.fromEntries(HORIZONS.map((k) => [k, bal.horizon[k]])),
      risk: Object.fromEntries(RISKS.map((k) => [k, bal.risk[k]])),
    },
    startDate: model.scenario.startDate,
    slaTargets,
  };
}

/** The record of every project, in project order. */
function projectRecords(model: DeliveryModel): ReplicationResult["projects"] {
  const params = model.params;
  return model.projects.map((p) =>
    p.toRecord(
      model.tenancy.unitNames[p.unit]!,
      model.tenancy.tenantName(p),
      p.status === "killed" || p.status === "failed" ? sunkCost(p, params) : 0,
    ),
  );
}

/** Cost of every tenant (in order of first row) and the platform's part of it, by tenant index. */
interface TenantCosts {
  tenants: string[];
  /** Every row of the tenant. */
  all: number[];
  /** Rows of the platform's categories; tenants with such rows listed in `platformOrder`, in order of first row. */
  platform: number[];
  platformOrder: number[];
}

/** Sum `rows` by tenant, each sum in row order (tenants indexed once, not looked up per sum). */
function costByTenant(rows: readonly CostRow[]): TenantCosts {
  const index = new Map<string, number>();
  const costs: TenantCosts = { tenants: [], all: [], platform: [], platformOrder: [] };
  for (const row of rows) {
    const tenant = row.subAccountId;
    let i = index.get(tenant);
    if (i === undefined) {
      i = costs.tenants.length;
      index.set(tenant, i);
      costs.tenants.push(tenant);
      costs.all.push(0);
      costs.platform.push(Number.NaN);
    }
    costs.all[i]! += row.billedCost;
    if (PLATFORM_CATEGORIES.includes(row.xCostCategory)) {
      if (Number.isNaN(costs.platform[i]!)) {
        costs.platform[i] = 0;
        costs.platformOrder.push(i);
      }
      costs.platform[i]! += row.billedCost;
    }
  }
  return costs;
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
  const outcomes = outcomesByLevel(model.projects);
  for (let level = 1; level <= 5; level++) {
    const n = levelNames(level);
    let months = 0;
    for (let m = 0; m < H; m++) if (maturity[m] === level) months++;
    if (months > 0) {
      kpis[n.months] = months;
      for (let i = 0; i < MEAN_BY_LEVEL.length; i++)
        kpis[n.means[i]!] = sumAtLevel(series[MEAN_BY_LEVEL[i]!]!, maturity, level, H) / months;
      for (let i = 0; i < SUMS_BY_LEVEL.length; i++)
        kpis[n.sums[i]!] = sumAtLevel(series[SUMS_BY_LEVEL[i]!]!, maturity, level, H);
      const cost = sumAtLevel(costTotal, maturity, level, H);
      const delivered = kpis[n.delivered]!;
      const value = kpis[n.value]!;
      kpis[n.costTotal] = cost;
      kpis[n.deliveredPerYear] = (delivered * 12) / months;
      kpis[n.costPerMonth] = cost / months;
      kpis[n.valuePerMonth] = value / months;
      if (cost > 0) kpis[n.roi] = value / cost;
      if (delivered > 0) {
        kpis[n.costPerDelivered] = cost / delivered;
        const reference = model.params.finance.level1CostPerProject;
        if (reference > 0) kpis[n.costEfficiencyVsLevel1] = cost / delivered / reference;
      }
      // issue 10 point 5: investments are charged before their effects; the operating view shows them apart
      const operating = cost - kpis[n.investment]!;
      kpis[n.operatingCost] = operating;
      if (delivered > 0) kpis[n.operatingCostPerDelivered] = operating / delivered;
      if (operating > 0) kpis[n.operatingRoi] = value / operating;
    }
    const approved = outcomes.approved[level]!;
    const ended = outcomes.ended[level]!;
    const ttmCount = outcomes.ttmCount[level]!;
    if (approved > 0) kpis[n.approved] = approved;
    if (ttmCount > 0) kpis[n.timeToMarketDays] = outcomes.ttm[level]! / ttmCount;
    if (ended > 0) kpis[n.successRate] = outcomes.succeeded[level]! / ended;
  }
}

/** Project outcomes by level at approval (index = level 1..5), each sum in project order. */
function outcomesByLevel(projects: DeliveryModel["projects"]) {
  const o = {
    approved: new Float64Array(6),
    ended: new Float64Array(6),
    succeeded: new Float64Array(6),
    ttm: new Float64Array(6),
    ttmCount: new Float64Array(6),
  };
  for (const p of projects) {
    const level = p.levelAtApproval;
    if (Number.isNaN(p.approvalDay) || !(Number.isInteger(level) && level >= 1 && level <= 5)) continue;
    o.approved[level]!++;
    if (p.status === "delivered") {
      o.succeeded[level]!++;
      o.ended[level]!++;
      if (!p.initial) {
        o.ttm[level]! += p.deliveryDay - p.approvalDay;
        o.ttmCount[level]!++;
      }
    } else if (p.status === "killed" || p.status === "failed") o.ended[level]!++;
  }
  return o;
}

/** Sum of `values` over the months at `level` (month order). */
function sumAtLevel(
  values: readonly number[],
  maturity: readonly number[],
  level: number,
  H: number,
): number {
  let total = 0;
  for (let m = 0; m < H; m++) if (maturity[m] === level) total += values[m]!;
  return total;
}

/** Series summed by level: the flows, then the cost categories. */
const SUMS_BY_LEVEL: readonly string[] = [...SUM_BY_LEVEL, ...COST_CATEGORIES.map((c) => `cost.${c}`)];

/** The `level.<n>.*` KPI names of one level. */
interface LevelNames {
  months: string;
  means: readonly string[];
  sums: readonly string[];
  delivered: string;
  value: string;
  investment: string;
  costTotal: string;
  deliveredPerYear: string;
  costPerMonth: string;
  valuePerMonth: string;
  roi: string;
  costPerDelivered: string;
  costEfficiencyVsLevel1: string;
  operatingCost: string;
  operatingCostPerDelivered: string;
  operatingRoi: string;
  approved: string;
  timeToMarketDays: string;
  successRate: string;
}

/** The names of each level, built on first use and shared by every replication (index = level). */
const LEVEL_NAMES: LevelNames[] = [];

function levelNames(level: number): LevelNames {
  let names = LEVEL_NAMES[level];
  if (names === undefined) {
    const prefix = `level.${level}.`;
    const name = (suffix: string) => prefix + suffix;
    names = Object.freeze({
      months: name("months"),
      means: Object.freeze(MEAN_BY_LEVEL.map(name)),
      sums: Object.freeze(SUMS_BY_LEVEL.map(name)),
      delivered: name("delivered"),
      value: name("value"),
      investment: name("cost.investment"),
      costTotal: name("cost.total"),
      deliveredPerYear: name("deliveredPerYear"),
      costPerMonth: name("costPerMonth"),
      valuePerMonth: name("valuePerMonth"),
      roi: name("roi"),
      costPerDelivered: name("costPerDelivered"),
      costEfficiencyVsLevel1: name("costEfficiencyVsLevel1"),
      operatingCost: name("operatingCost"),
      operatingCostPerDelivered: name("operatingCostPerDelivered"),
      operatingRoi: name("operatingRoi"),
      approved: name("approved"),
      timeToMarketDays: name("timeToMarketDays"),
      successRate: name("successRate"),
    });
    LEVEL_NAMES[level] = names;
  }
  return names;
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
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? sum(values) / values.length : 0;
}

function cumulative(values: readonly number[]): number[] {
  let s = 0;
  return values.map((v) => (s += v));
}
