/**
 * The metric catalogue: every KPI, monthly series and pooled sample the model emits (MODEL.md section 7), declared
 * once with its label, unit, better-direction, a one-line meaning, the part of the model that produces it and
 * where it appears (KPI, series, sample). Producers write through the {@link MetricName} types, the Monte Carlo
 * layer describes summaries with {@link metricInfo}, reports read labels and units from those summaries and
 * name parts (tenants, tiers, cost categories) with {@link parseMetricName}.
 *
 * A key is a name (`roi`) or a pattern with parameters in angle brackets (`tenantCost.<tenant>`); exact names
 * win over patterns. Every KPI of {@link LEVEL_BREAKDOWN} is also reported per maturity level as
 * `level.<n>.<kpi>` over the months at level n (project-based KPIs by the level at approval).
 * test/model/metric-catalogue.test.ts simulates every scenario and fails when a name emitted is missing here or
 * a name here is never emitted. Money is in the scenario currency, unit "currency" (ResultMeta.currency names it).
 *
 * This module imports nothing of the model but result.ts, so reports may import it.
 */

import type { MetricInfo } from "./result.ts";
import { PHASES, type PhaseName } from "./result.ts";

/** Units of the catalogue. "ratio" is a share in [0, 1] (shown as percent); "multiple" is a factor (shown ×). */
export type Unit =
  | "currency"
  | "ratio"
  | "multiple"
  | "percentage points"
  | "days"
  | "hours"
  | "ms"
  | "months"
  | "person-weeks"
  | "ideas"
  | "projects"
  | "projects/year"
  | "requests"
  | "families"
  | "level"
  | "alerts"
  | "models"
  | "nodes"
  | "node-hours"
  | "jobs"
  | "evictions"
  | "pods"
  | "pod-hours"
  | "loads"
  | "breaches"
  | "outages"
  | "postings"
  | "tenants";

/** The part of the model that emits a metric. */
export type Producer =
  | "delivery"
  | "organisation"
  | "portfolio"
  | "reuse"
  | "maturity"
  | "production"
  | "finance"
  | "cluster"
  | "serving"
  | "tiers"
  | "chargeback";

/** Where a metric appears in a ReplicationResult: `kpis`, `series` (monthly) or `samples` (pooled). */
export type MetricKind = "kpi" | "series" | "sample";

/** One catalogue entry. */
export interface MetricEntry {
  /** Label; `{param}` is replaced by the display form of that parameter of a pattern. */
  label: string;
  unit: Unit;
  better?: "higher" | "lower";
  /** What the number is, in one line. */
  meaning: string;
  producer: Producer;
  /** Where it appears; empty for a KPI that exists only per maturity level (`level.<n>.months`). */
  kinds: readonly MetricKind[];
}

/** Tenant that chargeback charges with the capacity no tenant used (`tenantCost.__idle__`). */
export const IDLE_TENANT = "__idle__";

/** How {@link IDLE_TENANT} is shown. */
export const IDLE_TENANT_LABEL = "Idle capacity";

/**
 * Tenant (sub-account) of cost that is not allocated to a tenant: what the model posts as shared (hub staff,
 * roadmap investments) before the month's shared costs are allocated, and what stays there only when the scenario
 * asks for it (`platform.chargeback.shared: none`) or there is no tenant at all. Reserved: no tenant may use it.
 */
export const SHARED_TENANT = "shared";

/**
 * Cost categories that are transfer prices: what a business unit is billed for a service whose cost the ledger
 * already holds (tier fees fund the serving infrastructure and hub people). They belong to the chargeback view
 * only; the enterprise view (cost.total, ROI, NPV) leaves them out so that no dollar is counted twice.
 */
export const TRANSFER_PRICE_CATEGORIES: readonly string[] = ["tiers"];

/** Every metric by name or pattern. */
export const METRICS = {
  // delivery: ideas and projects through the lifecycle
  ideas: {
    label: "Ideas submitted",
    unit: "ideas",
    meaning: "Ideas that arrived over the horizon, including the projects running at month 0.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  approved: {
    label: "Projects approved",
    unit: "projects",
    meaning: "Ideas that passed the approval gate.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  rejected: {
    label: "Ideas rejected",
    unit: "ideas",
    meaning: "Ideas turned down at the approval gate.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  started: {
    label: "Projects started",
    unit: "projects",
    better: "higher",
    meaning: "Approved projects that got a delivery slot and started work (per month as a series).",
    producer: "delivery",
    kinds: ["kpi", "series"],
  },
  delivered: {
    label: "Projects delivered",
    unit: "projects",
    better: "higher",
    meaning: "Projects that reached production (per month as a series).",
    producer: "delivery",
    kinds: ["kpi", "series"],
  },
  deliveredCumulative: {
    label: "Projects delivered (cumulative)",
    unit: "projects",
    better: "higher",
    meaning: "Projects delivered from month 0 to the end of each month; the reach S-curve counts it.",
    producer: "delivery",
    kinds: ["series"],
  },
  deliveredPerYear: {
    label: "Projects delivered per year",
    unit: "projects/year",
    better: "higher",
    meaning: "Delivered projects divided by the horizon in years.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  killed: {
    label: "Projects killed",
    unit: "projects",
    meaning: "Projects stopped at a gate before delivery (per month as a series).",
    producer: "delivery",
    kinds: ["kpi", "series"],
  },
  failed: {
    label: "Projects failed",
    unit: "projects",
    better: "lower",
    meaning: "Projects that failed technically before delivery (per month as a series).",
    producer: "delivery",
    kinds: ["kpi", "series"],
  },
  activeProjects: {
    label: "Active projects (time average)",
    unit: "projects",
    better: "higher",
    meaning: "Projects in work, averaged over the months (at each month's end as a series).",
    producer: "delivery",
    kinds: ["kpi", "series"],
  },
  activeProjectsEnd: {
    label: "Active projects at the end",
    unit: "projects",
    better: "higher",
    meaning: "Projects still in work at the end of the horizon.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  activeProjectsPeak: {
    label: "Peak active projects",
    unit: "projects",
    better: "higher",
    meaning: "Most projects in work at any time.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  backlog: {
    label: "Approved ideas waiting for capacity",
    unit: "ideas",
    better: "lower",
    meaning: "Approved ideas queued for a delivery slot at each month's end.",
    producer: "delivery",
    kinds: ["series"],
  },
  timeToMarketDays: {
    label: "Time to market (approval to production)",
    unit: "days",
    better: "lower",
    meaning: "Days from approval to delivery of projects approved during the run (each one as a sample).",
    producer: "delivery",
    kinds: ["kpi", "sample"],
  },
  leadTimeDays: {
    label: "Lead time (idea arrival to production)",
    unit: "days",
    better: "lower",
    meaning:
      "Days from an idea's arrival to its delivery, for projects delivered during the run (each one as a " +
      "sample): time to market plus the wait for scoring, approval and staffing.",
    producer: "delivery",
    kinds: ["kpi", "sample"],
  },
  staffingWaitDays: {
    label: "Wait for staffing (backlog entry to start)",
    unit: "days",
    better: "lower",
    meaning:
      "Days from an idea's entry into the approved backlog (fast-track or next-cycle tier) until a spoke slot " +
      "or a formed dedicated team starts it (each started project as a sample): the wait for a free slot, " +
      "which time to market (from approval, when a slot is taken) does not see, plus team formation.",
    producer: "delivery",
    kinds: ["kpi", "sample"],
  },
  successRate: {
    label: "Success rate (delivered / finished)",
    unit: "ratio",
    better: "higher",
    meaning: "Delivered projects over delivered, killed and failed ones.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  featureEffortPersonWeeks: {
    label: "Feature-engineering effort per project",
    unit: "person-weeks",
    better: "lower",
    meaning: "Feature-engineering effort of each project after reuse of built feature families.",
    producer: "delivery",
    kinds: ["sample"],
  },
  "effort.<phase>": {
    label: "Mean {phase} effort",
    unit: "person-weeks",
    better: "lower",
    meaning: "Mean effort drawn for one lifecycle phase over the projects that ran it.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  // organisation: hub, reviewers, spokes
  hubUtilisation: {
    label: "Hub expert-support utilisation",
    unit: "ratio",
    meaning: "Busy share of the hub's expert-support capacity (per month as a series).",
    producer: "organisation",
    kinds: ["kpi", "series"],
  },
  reviewerUtilisation: {
    label: "Gate reviewer utilisation",
    unit: "ratio",
    meaning: "Busy share of the gate reviewers' capacity (per month as a series).",
    producer: "organisation",
    kinds: ["kpi", "series"],
  },
  hubWorkUtilisation: {
    label: "Hub utilisation, all work",
    unit: "ratio",
    meaning:
      "The hub's FTE-days at work over its FTE-days: busy support servers, busy gate reviewers and the FTE " +
      "building platform components (hubWork.support + hubWork.reviews + hubWork.platform).",
    producer: "organisation",
    kinds: ["kpi"],
  },
  "hubWork.support": {
    label: "Hub work: expert support",
    unit: "ratio",
    meaning: "Busy support server-days over the hub's FTE-days (one server is one support FTE).",
    producer: "organisation",
    kinds: ["kpi"],
  },
  "hubWork.reviews": {
    label: "Hub work: gate reviews",
    unit: "ratio",
    meaning: "Busy reviewer-days over the hub's FTE-days.",
    producer: "organisation",
    kinds: ["kpi"],
  },
  "hubWork.platform": {
    label: "Hub work: platform components",
    unit: "ratio",
    meaning: "FTE-days of the hub assigned to platform work (neither support nor reviews) over its FTE-days.",
    producer: "organisation",
    kinds: ["kpi"],
  },
  retiredModels: {
    label: "Models retired",
    unit: "models",
    meaning: "Production models that reached their drawn lifetime (lifecycle.production.lifetimeMonths).",
    producer: "delivery",
    kinds: ["kpi"],
  },
  terminalValue: {
    label: "Terminal value at the horizon",
    unit: "currency",
    better: "higher",
    meaning:
      "Present value of what the models live at the horizon yield in the finance.terminalValueMonths after it " +
      "(each at its last month's rate, until its retirement if sooner).",
    producer: "delivery",
    kinds: ["kpi"],
  },
  "npv.withTerminalValue": {
    label: "NPV with terminal value",
    unit: "currency",
    better: "higher",
    meaning:
      "npv + terminalValue: the run's NPV with the value its production models carry past the horizon.",
    producer: "delivery",
    kinds: ["kpi"],
  },
  spokeUtilisation: {
    label: "Spoke slot utilisation",
    unit: "ratio",
    meaning: "Used share of the spokes' delivery slots (per month as a series).",
    producer: "organisation",
    kinds: ["kpi", "series"],
  },
  supportQueue: {
    label: "Expert-support queue length",
    unit: "requests",
    better: "lower",
    meaning:
      "Support requests waiting for a hub expert at each month's end (the mean of the months as a KPI).",
    producer: "organisation",
    kinds: ["kpi", "series"],
  },
  supportWaitDays: {
    label: "Wait for expert support",
    unit: "days",
    better: "lower",
    meaning: "Days a support request waited for a hub expert (the mean as a KPI).",
    producer: "organisation",
    kinds: ["kpi", "sample"],
  },
  gateWaitDays: {
    label: "Wait for a gate reviewer",
    unit: "days",
    better: "lower",
    meaning: "Days a gate review waited for a reviewer (the mean as a KPI).",
    producer: "organisation",
    kinds: ["kpi", "sample"],
  },
  // reuse and maturity
  featureFamiliesBuilt: {
    label: "Feature families built",
    unit: "families",
    better: "higher",
    meaning: "Reusable feature families built so far (at the end as a KPI).",
    producer: "reuse",
    kinds: ["kpi", "series"],
  },
  libraryCompleteness: {
    label: "Component library completeness",
    unit: "ratio",
    better: "higher",
    meaning: "Share of the component library built so far (at the end as a KPI).",
    producer: "reuse",
    kinds: ["kpi", "series"],
  },
  maturityLevel: {
    label: "Maturity level",
    unit: "level",
    better: "higher",
    meaning: "Scaling maturity level (1-5) in each month (in the last month as a KPI).",
    producer: "maturity",
    kinds: ["kpi", "series"],
  },
  months: {
    label: "Months at this level",
    unit: "months",
    meaning: "Months of the horizon spent at the maturity level.",
    producer: "maturity",
    kinds: [],
  },
  // portfolio balance
  balanceAlerts: {
    label: "Portfolio balance alerts",
    unit: "alerts",
    better: "lower",
    meaning: "Months in which the active portfolio strayed from the target mix (summed as a KPI).",
    producer: "portfolio",
    kinds: ["kpi", "series"],
  },
  mixDeviationPoints: {
    label: "Mean deviation from the target mix",
    unit: "percentage points",
    better: "lower",
    meaning: "Distance of the active portfolio from the target mix, summed over dimensions (mean as a KPI).",
    producer: "portfolio",
    kinds: ["kpi", "series"],
  },
  // production
  productionModels: {
    label: "Models in production",
    unit: "models",
    better: "higher",
    meaning: "Delivered models running in production (at the end as a KPI).",
    producer: "production",
    kinds: ["kpi", "series"],
  },
  retrainingCompliance: {
    label: "Retraining compliance",
    unit: "ratio",
    better: "higher",
    meaning: "Share of due retrainings done on time.",
    producer: "production",
    kinds: ["kpi"],
  },
  // finance
  value: {
    label: "Value realised",
    unit: "currency",
    better: "higher",
    meaning: "Business value of delivered projects over the horizon (per month as a series).",
    producer: "finance",
    kinds: ["kpi", "series"],
  },
  cumulativeValue: {
    label: "Value realised (cumulative)",
    unit: "currency",
    better: "higher",
    meaning: "Value realised from month 0 to the end of each month.",
    producer: "finance",
    kinds: ["series"],
  },
  "cost.total": {
    label: "Total cost",
    unit: "currency",
    better: "lower",
    meaning:
      "What the enterprise spends over the horizon (people, infrastructure, vendors, investments): every ledger cost except transfer prices (tier fees).",
    producer: "finance",
    kinds: ["kpi"],
  },
  "cost.<category>": {
    label: "Cost: {category}",
    unit: "currency",
    better: "lower",
    meaning: "Ledger cost of one category (people, compute, serving, tiers, platform, investment).",
    producer: "finance",
    kinds: ["kpi", "series"],
  },
  costTotal: {
    label: "Total cost",
    unit: "currency",
    better: "lower",
    meaning: "What the enterprise spends each month: every ledger cost except transfer prices (tier fees).",
    producer: "finance",
    kinds: ["series"],
  },
  cumulativeCost: {
    label: "Total cost (cumulative)",
    unit: "currency",
    better: "lower",
    meaning: "What the enterprise spends from month 0 to the end of each month (no transfer prices).",
    producer: "finance",
    kinds: ["series"],
  },
  roi: {
    label: "ROI (value / cost)",
    unit: "multiple",
    better: "higher",
    meaning: "Value realised divided by total cost (the enterprise view: tier fees are not counted on top).",
    producer: "finance",
    kinds: ["kpi"],
  },
  npv: {
    label: "Net present value",
    unit: "currency",
    better: "higher",
    meaning: "Monthly value minus cost, discounted at the scenario's yearly rate.",
    producer: "finance",
    kinds: ["kpi"],
  },
  costPerDelivered: {
    label: "Cost per delivered project",
    unit: "currency",
    better: "lower",
    meaning: "Total cost divided by delivered projects.",
    producer: "finance",
    kinds: ["kpi"],
  },
  costEfficiencyVsLevel1: {
    label: "Cost per delivered project vs level 1",
    unit: "ratio",
    better: "lower",
    meaning:
      "Cost per delivered project over finance.level1CostPerProject, only when the scenario sets it; the maturity ladder computes it from its level-1 rung.",
    producer: "finance",
    kinds: ["kpi"],
  },
  costPerMonth: {
    label: "Cost per month",
    unit: "currency",
    better: "lower",
    meaning: "Ledger cost per month spent at the maturity level.",
    producer: "finance",
    kinds: [],
  },
  valuePerMonth: {
    label: "Value per month",
    unit: "currency",
    better: "higher",
    meaning: "Value realised per month spent at the maturity level.",
    producer: "finance",
    kinds: [],
  },
  operatingCost: {
    label: "Operating cost (investments apart)",
    unit: "currency",
    better: "lower",
    meaning:
      "Ledger cost of the months at the maturity level without roadmap investments, which are shown apart as cost.investment (they are charged in the months before their effects).",
    producer: "finance",
    kinds: [],
  },
  operatingCostPerDelivered: {
    label: "Operating cost per delivered project",
    unit: "currency",
    better: "lower",
    meaning:
      "Operating cost (investments apart) of the months at the level over the projects delivered in them.",
    producer: "finance",
    kinds: [],
  },
  operatingRoi: {
    label: "Operating ROI (investments apart)",
    unit: "ratio",
    better: "higher",
    meaning: "Value realised in the months at the level over their operating cost (investments apart).",
    producer: "finance",
    kinds: [],
  },
  sunkCost: {
    label: "Sunk cost of killed and failed projects",
    unit: "currency",
    better: "lower",
    meaning: "People cost spent on projects that were killed or failed (per project as a sample).",
    producer: "finance",
    kinds: ["kpi", "sample"],
  },
  "sunkCost.killed": {
    label: "Sunk cost of killed projects",
    unit: "currency",
    better: "lower",
    meaning: "People cost spent on projects that were killed.",
    producer: "finance",
    kinds: ["kpi"],
  },
  "sunkCost.failed": {
    label: "Sunk cost of failed projects",
    unit: "currency",
    better: "lower",
    meaning: "People cost spent on projects that failed.",
    producer: "finance",
    kinds: ["kpi"],
  },
  "initial.value": {
    label: "Value of the projects running at month 0",
    unit: "currency",
    meaning: "Value realised by the projects already running when the run starts.",
    producer: "finance",
    kinds: ["kpi"],
  },
  "initial.cost": {
    label: "Cost of the projects running at month 0",
    unit: "currency",
    meaning: "People cost of the projects already running when the run starts.",
    producer: "finance",
    kinds: ["kpi"],
  },
  "initial.roi": {
    label: "ROI of the projects running at month 0",
    unit: "multiple",
    better: "higher",
    meaning: "Value of the projects running at month 0 divided by their cost.",
    producer: "finance",
    kinds: ["kpi"],
  },
  "tenantCost.<tenant>": {
    label: "Cost of {tenant}",
    unit: "currency",
    better: "lower",
    meaning: `Ledger cost billed to one tenant (sub-account) in the chargeback view (its share of shared and idle cost and its tier fees included); ${SHARED_TENANT} and ${IDLE_TENANT} appear only when the scenario leaves shared or idle cost unallocated.`,
    producer: "finance",
    kinds: ["kpi"],
  },
  // platform: compute cluster
  "cluster.nodeHours": {
    label: "Cluster node-hours",
    unit: "node-hours",
    better: "lower",
    meaning: "Node-hours allocated by the autoscaled clusters.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.cost": {
    label: "Cluster cost",
    unit: "currency",
    better: "lower",
    meaning: "Cost of the clusters' node-hours after commitment and low-priority discounts.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.listCost": {
    label: "Cluster cost at list price",
    unit: "currency",
    better: "lower",
    meaning: "The clusters' node-hours at list price.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.meanNodes": {
    label: "Mean cluster nodes",
    unit: "nodes",
    meaning: "Allocated nodes averaged over the horizon.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.peakNodes": {
    label: "Peak cluster nodes",
    unit: "nodes",
    meaning: "Most nodes any cluster had allocated at once (observed, not the configured maximum).",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.utilisation": {
    label: "Cluster utilisation",
    unit: "ratio",
    better: "higher",
    meaning: "Busy node-hours over allocated node-hours.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.meanQueueLength": {
    label: "Mean job queue length",
    unit: "jobs",
    better: "lower",
    meaning: "Jobs waiting for nodes, averaged over the horizon.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.jobsCompleted": {
    label: "Jobs completed",
    unit: "jobs",
    meaning: "Training and batch jobs that finished on the clusters.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.evictions": {
    label: "Low-priority evictions",
    unit: "evictions",
    better: "lower",
    meaning: "Low-priority jobs preempted before finishing.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.jobWaitMeanHours": {
    label: "Mean job wait",
    unit: "hours",
    better: "lower",
    meaning: "Mean hours a job waited for nodes.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.jobWaitP50Hours": {
    label: "Median job wait",
    unit: "hours",
    better: "lower",
    meaning: "Median hours a job waited for nodes.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.jobWaitP95Hours": {
    label: "P95 job wait",
    unit: "hours",
    better: "lower",
    meaning: "95th percentile of the hours a job waited for nodes.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.residencyFallbacks": {
    label: "Jobs without a cluster in their region",
    unit: "jobs",
    better: "lower",
    meaning: "Jobs placed outside their data-residency region because no cluster was there.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.jobsNarrowed": {
    label: "Jobs narrowed to fit the cluster",
    unit: "jobs",
    better: "lower",
    meaning:
      "Jobs asking for more nodes than their cluster's maxNodes or their tenant's quota, run on fewer nodes " +
      "(a sign the scenario's job width and cluster size disagree).",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.fixed.cost": {
    label: "Fixed-size cluster cost",
    unit: "currency",
    better: "lower",
    meaning: "Cost of the same jobs on the fixed-size comparison cluster.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.fixed.utilisation": {
    label: "Fixed-size cluster utilisation",
    unit: "ratio",
    better: "higher",
    meaning: "Busy over allocated node-hours of the fixed-size comparison cluster.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.fixed.jobWaitP95Hours": {
    label: "P95 job wait on the fixed-size cluster",
    unit: "hours",
    better: "lower",
    meaning: "95th percentile of job waits on the fixed-size comparison cluster.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.costSavingVsFixed": {
    label: "Cluster saving vs fixed size",
    unit: "ratio",
    better: "higher",
    meaning: "1 - cluster cost / fixed-size cluster cost.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  "cluster.listCostSavingVsFixed": {
    label: "Autoscaling saving vs fixed size at list price",
    unit: "ratio",
    better: "higher",
    meaning: "1 - cluster list cost / fixed-size cluster cost: what autoscaling alone saves.",
    producer: "cluster",
    kinds: ["kpi"],
  },
  clusterNodes: {
    label: "Cluster nodes",
    unit: "nodes",
    meaning: "Nodes allocated, averaged over each month.",
    producer: "cluster",
    kinds: ["series"],
  },
  clusterBusyNodes: {
    label: "Busy cluster nodes",
    unit: "nodes",
    meaning: "Nodes running jobs, averaged over each month.",
    producer: "cluster",
    kinds: ["series"],
  },
  clusterUtilisation: {
    label: "Cluster utilisation",
    unit: "ratio",
    better: "higher",
    meaning: "Busy over allocated node-hours in each month.",
    producer: "cluster",
    kinds: ["series"],
  },
  clusterQueueLength: {
    label: "Jobs waiting for the cluster",
    unit: "jobs",
    better: "lower",
    meaning: "Jobs waiting for nodes, averaged over each month.",
    producer: "cluster",
    kinds: ["series"],
  },
  jobWaitHours: {
    label: "Job wait",
    unit: "hours",
    better: "lower",
    meaning: "Hours each job waited for nodes.",
    producer: "cluster",
    kinds: ["sample"],
  },
  // platform: model serving
  "serving.podHours": {
    label: "Serving pod-hours",
    unit: "pod-hours",
    better: "lower",
    meaning: "Pod-hours of the shared serving pool.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.meanPods": {
    label: "Mean serving pods",
    unit: "pods",
    better: "lower",
    meaning: "Serving pods averaged over the horizon.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.maxPoolPods": {
    label: "Peak serving pods",
    unit: "pods",
    meaning: "Most pods the shared serving pool had at once.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.cost": {
    label: "Serving cost",
    unit: "currency",
    better: "lower",
    meaning: "Cost of the shared serving pool.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.dedicatedCost": {
    label: "Serving cost with one pod per model",
    unit: "currency",
    meaning: "Cost of serving the same models with dedicated pods, for comparison.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.savingVsDedicated": {
    label: "Serving saving vs one pod per model",
    unit: "ratio",
    better: "higher",
    meaning: "1 - serving cost / cost with one pod per model.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.cacheHitRatio": {
    label: "Model cache hit ratio",
    unit: "ratio",
    better: "higher",
    meaning: "Requests served by a model already loaded in a pod.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.coldLoads": {
    label: "Cold model loads",
    unit: "loads",
    better: "lower",
    meaning: "Model loads caused by a request for a model not in any pod.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.modelsPerPod": {
    label: "Models per pod",
    unit: "models",
    better: "higher",
    meaning: "Models loaded per pod, averaged over the horizon.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.p95LatencyMs": {
    label: "Serving P95 latency",
    unit: "ms",
    better: "lower",
    meaning: "P95 request latency of each hour, weighted by the hour's requests.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.overloadedHours": {
    label: "Hours with overloaded serving",
    unit: "hours",
    better: "lower",
    meaning: "Hours in which the pool could not keep up with the requests.",
    producer: "serving",
    kinds: ["kpi"],
  },
  "serving.models": {
    label: "Models served",
    unit: "models",
    meaning: "Models deployed on the serving pool by the end.",
    producer: "serving",
    kinds: ["kpi"],
  },
  servingPods: {
    label: "Serving pods",
    unit: "pods",
    better: "lower",
    meaning: "Serving pods, averaged over each month.",
    producer: "serving",
    kinds: ["series"],
  },
  cacheHitRatio: {
    label: "Model cache hit ratio",
    unit: "ratio",
    better: "higher",
    meaning: "Requests served by a loaded model in each month.",
    producer: "serving",
    kinds: ["series"],
  },
  modelsPerPod: {
    label: "Models per pod",
    unit: "models",
    better: "higher",
    meaning: "Models loaded per pod, averaged over each month.",
    producer: "serving",
    kinds: ["series"],
  },
  servingP95LatencyMs: {
    label: "Serving P95 latency",
    unit: "ms",
    better: "lower",
    meaning: "Request-weighted P95 latency of each month.",
    producer: "serving",
    kinds: ["series"],
  },
  // platform: service tiers
  "tiers.cost": {
    label: "Service tier fees",
    unit: "currency",
    better: "lower",
    meaning: "Tier fees of every model in production.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.referenceCost": {
    label: "Tier fees with one tier for all",
    unit: "currency",
    meaning: "Fees if every model were on the reference tier, for comparison.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.savingVsSingleTier": {
    label: "Tier saving vs one tier for all",
    unit: "ratio",
    better: "higher",
    meaning: "1 - tier fees / fees with one tier for all.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.breaches": {
    label: "SLA breaches",
    unit: "breaches",
    better: "lower",
    meaning: "Model-months below their tier's SLA target, over every tier.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tierCost.<tier>": {
    label: "Tier fees: {tier}",
    unit: "currency",
    better: "lower",
    meaning: "Fees of the models on one tier.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.share.<tier>": {
    label: "Share of models on tier {tier}",
    unit: "ratio",
    meaning: "Model-months on one tier over all model-months.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.availability.<tier>": {
    label: "Availability on tier {tier}",
    unit: "ratio",
    better: "higher",
    meaning: "Share of the live time the tier's models were up.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.breaches.<tier>": {
    label: "SLA breaches on tier {tier}",
    unit: "breaches",
    better: "lower",
    meaning: "Model-months below the tier's SLA target.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.breachRate.<tier>": {
    label: "SLA breach rate on tier {tier}",
    unit: "ratio",
    better: "lower",
    meaning: "SLA breaches over model-months on the tier.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.outages.<tier>": {
    label: "Outages on tier {tier}",
    unit: "outages",
    better: "lower",
    meaning: "Outages of models on the tier.",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tiers.dataLostHoursMean.<tier>": {
    label: "Mean data lost per incident on tier {tier}",
    unit: "hours",
    better: "lower",
    meaning: "Mean hours of data lost per outage on the tier (recovery point).",
    producer: "tiers",
    kinds: ["kpi"],
  },
  "tierAvailability.<tier>": {
    label: "Availability on tier {tier}",
    unit: "ratio",
    better: "higher",
    meaning: "Uptime of each model-month on the tier.",
    producer: "tiers",
    kinds: ["sample"],
  },
  "dataLostHours.<tier>": {
    label: "Data lost per incident on tier {tier}",
    unit: "hours",
    better: "lower",
    meaning: "Hours of data lost by each outage on the tier.",
    producer: "tiers",
    kinds: ["sample"],
  },
  slaAttainment: {
    label: "SLA attainment",
    unit: "ratio",
    better: "higher",
    meaning: "Share of the month's models with an SLA that met it.",
    producer: "tiers",
    kinds: ["series"],
  },
  availability: {
    label: "Availability",
    unit: "ratio",
    better: "higher",
    meaning: "Mean uptime of the models in production in each month.",
    producer: "tiers",
    kinds: ["series"],
  },
  // platform: chargeback
  "chargeback.sharedCost": {
    label: "Shared cost allocated",
    unit: "currency",
    meaning: "Shared platform cost allocated to tenants (compute, serving and fixed costs).",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.fixedCosts": {
    label: "Fixed platform costs allocated",
    unit: "currency",
    meaning: "Fixed platform costs allocated to tenants by weight.",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.centsMismatches": {
    label: "Allocation postings off by a cent",
    unit: "postings",
    better: "lower",
    meaning: "Monthly postings whose allocated cents do not add up to the cost (should be 0).",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.platformCost.<tenant>": {
    label: "Platform cost charged to {tenant}",
    unit: "currency",
    better: "lower",
    meaning:
      "Platform cost (compute, serving, tier fees, fixed costs) charged back to one tenant; tenantCost.<tenant> adds the tenant's people and other ledger costs.",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.billed": {
    label: "Billed to tenants (chargeback view)",
    unit: "currency",
    better: "lower",
    meaning:
      "Every ledger cost billed to tenants over the horizon, tier fees included as transfer prices: cost.total plus cost.tiers.",
    producer: "finance",
    kinds: ["kpi"],
  },
  "chargeback.tenants": {
    label: "Tenants charged",
    unit: "tenants",
    meaning: "Tenants sharing the platform.",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.dedicatedCost": {
    label: "Platform cost with one platform per tenant",
    unit: "currency",
    meaning: "What the tenants would pay for dedicated platforms, for comparison.",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.dedicatedComputeCost": {
    label: "Compute cost with one cluster per tenant",
    unit: "currency",
    meaning: "Compute part of the dedicated-platform comparison.",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.dedicatedServingCost": {
    label: "Serving cost with one pool per tenant",
    unit: "currency",
    meaning: "Serving part of the dedicated-platform comparison.",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.dedicatedJobWaitP95Hours": {
    label: "P95 job wait with one cluster per tenant",
    unit: "hours",
    better: "lower",
    meaning: "95th percentile of job waits on the dedicated clusters of the comparison.",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.savingVsDedicated": {
    label: "Platform saving vs one platform per tenant",
    unit: "ratio",
    better: "higher",
    meaning: "1 - shared platform cost / dedicated platform cost.",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  "chargeback.infraSavingVsDedicated": {
    label: "Infrastructure saving vs one platform per tenant",
    unit: "ratio",
    better: "higher",
    meaning: "1 - shared compute and serving cost / dedicated compute and serving cost (no fixed costs).",
    producer: "chargeback",
    kinds: ["kpi"],
  },
  platformCost: {
    label: "Platform cost",
    unit: "currency",
    better: "lower",
    meaning: "Shared platform cost allocated to tenants in each month.",
    producer: "chargeback",
    kinds: ["series"],
  },
} as const satisfies Record<string, MetricEntry>;

/** A key of {@link METRICS}: a name or a pattern. */
export type MetricKey = keyof typeof METRICS;

/** KPIs also reported per maturity level as `level.<n>.<kpi>`, in the order the model computes them. */
export const LEVEL_BREAKDOWN = [
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
  "started",
  "delivered",
  "killed",
  "failed",
  "value",
  "cost.<category>",
  "cost.total",
  "months",
  "deliveredPerYear",
  "costPerMonth",
  "valuePerMonth",
  "roi",
  "costPerDelivered",
  "costEfficiencyVsLevel1",
  "approved",
  "timeToMarketDays",
  "successRate",
  "operatingCost",
  "operatingCostPerDelivered",
  "operatingRoi",
] as const satisfies readonly MetricKey[];

/** The pattern of per-level KPIs. */
export const LEVEL_PATTERN = "level.<n>.<kpi>";

/** Type of a pattern parameter's value: level numbers are digits, phases are {@link PhaseName}s. */
type ParamValue<P extends string> = P extends "n" ? `${number}` : P extends "phase" ? PhaseName : string;

/** The names a key stands for: `tierCost.<tier>` -> `tierCost.${string}`. */
export type NameOf<K extends string> = K extends `${infer Head}<${infer Param}>${infer Tail}`
  ? `${Head}${ParamValue<Param>}${NameOf<Tail>}`
  : K;

type KeysOfKind<Kind extends MetricKind> = {
  [K in MetricKey]: Kind extends (typeof METRICS)[K]["kinds"][number] ? K : never;
}[MetricKey];

/** A per-level KPI name, `level.3.roi`. */
export type LevelKpiName = `level.${number}.${NameOf<(typeof LEVEL_BREAKDOWN)[number]>}`;

/** A scalar KPI name the model may emit. */
export type KpiName = NameOf<KeysOfKind<"kpi">> | LevelKpiName;

/** A monthly series name the model may emit. */
export type SeriesName = NameOf<KeysOfKind<"series">>;

/** A pooled sample name the model may emit. */
export type SampleName = NameOf<KeysOfKind<"sample">>;

/** Any metric name the model may emit. */
export type MetricName = KpiName | SeriesName | SampleName;

/** A name resolved against the catalogue. */
export interface MetricMatch {
  /** The key of the entry (for `level.<n>.<kpi>`, the key of the inner KPI). */
  key: MetricKey;
  entry: MetricEntry;
  /** Pattern parameters by name (`{ tenant: "retail" }`); `n` holds the level of a per-level KPI. */
  params: Readonly<Record<string, string>>;
  /** Maturity level of a `level.<n>.<kpi>` name. */
  level?: number;
}

const CATALOGUE: Readonly<Record<string, MetricEntry>> = METRICS;

interface CompiledPattern {
  key: MetricKey;
  regex: RegExp;
  params: string[];
}

const PATTERNS: CompiledPattern[] = (Object.keys(METRICS) as MetricKey[])
  .filter((key) => key.includes("<"))
  .map((key) => {
    const params: string[] = [];
    const source = key
      .split(/(<[a-z]+>)/i)
      .map((part) => {
        const param = /^<([a-z]+)>$/i.exec(part);
        if (param === null) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        params.push(param[1]!);
        return "(.+)";
      })
      .join("");
    return { key, regex: new RegExp(`^${source}$`), params };
  });

const LEVEL_KEYS: ReadonlySet<string> = new Set(LEVEL_BREAKDOWN);
const LEVEL_NAME = /^level\.(\d+)\.(.+)$/;

/**
 * The catalogue entry and parameters of `name`, or undefined when the name is not in the catalogue.
 * @example parseMetricName("tenantCost.retail") // { key: "tenantCost.<tenant>", params: { tenant: "retail" }, ... }
 */
export function parseMetricName(name: string): MetricMatch | undefined {
  const level = LEVEL_NAME.exec(name);
  if (level !== null) {
    const inner = parseMetricName(level[2]!);
    if (inner === undefined || inner.level !== undefined || !LEVEL_KEYS.has(inner.key)) return undefined;
    return { ...inner, params: { ...inner.params, n: level[1]! }, level: Number(level[1]) };
  }
  const exact = CATALOGUE[name];
  if (exact !== undefined) return { key: name as MetricKey, entry: exact, params: {} };
  for (const pattern of PATTERNS) {
    const match = pattern.regex.exec(name);
    if (match === null) continue;
    const params: Record<string, string> = {};
    pattern.params.forEach((param, i) => {
      params[param] = match[i + 1]!;
    });
    return { key: pattern.key, entry: CATALOGUE[pattern.key]!, params };
  }
  return undefined;
}

const PHASE_LABELS: Readonly<Record<PhaseName, string>> = {
  data: "data pipeline",
  features: "feature engineering",
  modelDev: "model development",
  validation: "validation and governance",
  deployment: "deployment",
};

/** Display form of a parameter value in labels. */
function paramLabel(param: string, value: string): string {
  if (param === "phase" && (PHASES as readonly string[]).includes(value))
    return PHASE_LABELS[value as PhaseName];
  if (param === "tenant" && value === IDLE_TENANT) return IDLE_TENANT_LABEL.toLowerCase();
  if (param === "tenant") return `tenant ${value}`;
  return value;
}

/** The label of a match, with its parameters filled in and `Level n: ` before a per-level KPI. */
function matchLabel(match: MetricMatch): string {
  const label = match.entry.label.replace(/\{([a-z]+)\}/gi, (_, param: string) =>
    paramLabel(param, match.params[param] ?? ""),
  );
  return match.level === undefined ? label : `Level ${match.level}: ${label}`;
}

/**
 * Label, unit and better-direction of `name` from the catalogue. A name outside the catalogue (another model's,
 * or a producer not yet catalogued, which test/model/metric-catalogue.test.ts reports) is its own label, without
 * unit or direction: nothing is inferred from its spelling.
 * @example metricInfo("level.3.timeToMarketDays") // { label: "Level 3: Time to market ...", unit: "days", better: "lower" }
 */
export function metricInfo(name: string): MetricInfo {
  const match = parseMetricName(name);
  if (match === undefined) return { label: name, unit: "" };
  const { unit, better } = match.entry;
  return better === undefined
    ? { label: matchLabel(match), unit }
    : { label: matchLabel(match), unit, better };
}

/**
 * The names of a pattern's family in `names`, keyed by the pattern's last parameter, in the order given:
 * `metricFamily(Object.keys(kpis), "tenantCost.<tenant>")` -> Map { "retail" => "tenantCost.retail", ... }.
 * Per-level names (`level.2.tenantCost.x`) are not part of a family.
 */
export function metricFamily(names: Iterable<string>, key: MetricKey): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of names) {
    const match = parseMetricName(name);
    if (match === undefined || match.key !== key || match.level !== undefined) continue;
    const values = Object.values(match.params);
    found.set(values[values.length - 1] ?? name, name);
  }
  return found;
}

/**
 * Metrics with a role in Monte Carlo summaries, declared by the model so that the shared Monte Carlo code names
 * no domain metric: the cumulative series of the reach S-curve, the KPIs precision stopping waits for by default
 * (positive quantities, so a relative half-width is meaningful) and the KPI of the common-random-numbers check.
 */
export const SUMMARY_ROLES = {
  reachSeries: "deliveredCumulative",
  precisionKpis: ["delivered", "timeToMarketDays", "costPerDelivered", "roi"],
  crnKpi: "delivered",
} as const satisfies { reachSeries: SeriesName; precisionKpis: readonly KpiName[]; crnKpi: KpiName };
