/**
 * Label, unit and better-direction of every KPI, series and sample the model produces (MODEL.md section 7),
 * including prefixed names: `level.<n>.<kpi>`, `cost.<category>`, `tenantCost.<tenant>`, `tierCost.<tier>`,
 * `effort.<phase>`, and the platform's `cluster.*`, `serving.*`, `tiers.*`, `chargeback.*` names.
 * Money is in the scenario currency, shown as the unit "currency" (ResultMeta.currency names it).
 */
import type { MetricInfo } from "./result.ts";

const MONEY = "currency";

const EXACT: Record<string, MetricInfo> = {
  // portfolio and delivery
  ideas: { label: "Ideas submitted", unit: "ideas" },
  approved: { label: "Projects approved", unit: "projects" },
  started: { label: "Projects started", unit: "projects", better: "higher" },
  delivered: { label: "Projects delivered", unit: "projects", better: "higher" },
  deliveredCumulative: { label: "Projects delivered (cumulative)", unit: "projects", better: "higher" },
  killed: { label: "Projects killed", unit: "projects" },
  failed: { label: "Projects failed", unit: "projects", better: "lower" },
  rejected: { label: "Ideas rejected", unit: "ideas" },
  deliveredPerYear: { label: "Projects delivered per year", unit: "projects/year", better: "higher" },
  activeProjects: { label: "Active projects (time average)", unit: "projects", better: "higher" },
  activeProjectsEnd: { label: "Active projects at the end", unit: "projects", better: "higher" },
  activeProjectsPeak: { label: "Peak active projects", unit: "projects", better: "higher" },
  backlog: { label: "Approved ideas waiting for capacity", unit: "ideas", better: "lower" },
  timeToMarketDays: { label: "Time to market (approval to production)", unit: "days", better: "lower" },
  successRate: { label: "Success rate (delivered / finished)", unit: "ratio", better: "higher" },
  featureEffortPersonWeeks: {
    label: "Feature-engineering effort per project",
    unit: "person-weeks",
    better: "lower",
  },
  months: { label: "Months at this level", unit: "months" },
  // organisation
  hubUtilisation: { label: "Hub expert-support utilisation", unit: "ratio" },
  reviewerUtilisation: { label: "Gate reviewer utilisation", unit: "ratio" },
  spokeUtilisation: { label: "Spoke slot utilisation", unit: "ratio" },
  supportQueue: { label: "Expert-support queue length", unit: "requests", better: "lower" },
  supportWaitDays: { label: "Wait for expert support", unit: "days", better: "lower" },
  gateWaitDays: { label: "Wait for a gate reviewer", unit: "days", better: "lower" },
  // reuse and maturity
  featureFamiliesBuilt: { label: "Feature families built", unit: "families", better: "higher" },
  libraryCompleteness: { label: "Component library completeness", unit: "ratio", better: "higher" },
  maturityLevel: { label: "Maturity level", unit: "level", better: "higher" },
  balanceAlerts: { label: "Portfolio balance alerts", unit: "alerts", better: "lower" },
  mixDeviationPoints: {
    label: "Mean deviation from the target mix",
    unit: "percentage points",
    better: "lower",
  },
  // production
  productionModels: { label: "Models in production", unit: "models", better: "higher" },
  retrainingCompliance: { label: "Retraining compliance", unit: "ratio", better: "higher" },
  // money
  value: { label: "Value realised", unit: MONEY, better: "higher" },
  cumulativeValue: { label: "Value realised (cumulative)", unit: MONEY, better: "higher" },
  costTotal: { label: "Total cost", unit: MONEY, better: "lower" },
  cumulativeCost: { label: "Total cost (cumulative)", unit: MONEY, better: "lower" },
  roi: { label: "ROI (value / cost)", unit: "ratio", better: "higher" },
  npv: { label: "Net present value", unit: MONEY, better: "higher" },
  costPerDelivered: { label: "Cost per delivered project", unit: MONEY, better: "lower" },
  costEfficiencyVsLevel1: { label: "Cost per delivered project vs level 1", unit: "ratio", better: "lower" },
  costPerMonth: { label: "Cost per month", unit: MONEY, better: "lower" },
  valuePerMonth: { label: "Value per month", unit: MONEY, better: "higher" },
  sunkCost: { label: "Sunk cost of killed and failed projects", unit: MONEY, better: "lower" },
  // platform series (src/model/platform)
  clusterNodes: { label: "Cluster nodes", unit: "nodes" },
  clusterUtilisation: { label: "Cluster utilisation", unit: "ratio", better: "higher" },
  clusterBusyNodes: { label: "Busy cluster nodes", unit: "nodes" },
  clusterQueueLength: { label: "Jobs waiting for the cluster", unit: "jobs", better: "lower" },
  servingPods: { label: "Serving pods", unit: "pods", better: "lower" },
  cacheHitRatio: { label: "Model cache hit ratio", unit: "ratio", better: "higher" },
  modelsPerPod: { label: "Models per pod", unit: "models", better: "higher" },
  servingP95LatencyMs: { label: "Serving P95 latency", unit: "ms", better: "lower" },
  slaAttainment: { label: "SLA attainment", unit: "ratio", better: "higher" },
  availability: { label: "Availability", unit: "ratio", better: "higher" },
  platformCost: { label: "Platform cost", unit: MONEY, better: "lower" },
  jobWaitHours: { label: "Job wait", unit: "hours", better: "lower" },
  // platform KPIs
  "cluster.nodeHours": { label: "Cluster node-hours", unit: "node-hours", better: "lower" },
  "cluster.cost": { label: "Cluster cost", unit: MONEY, better: "lower" },
  "cluster.listCost": { label: "Cluster cost at list price", unit: MONEY, better: "lower" },
  "cluster.meanNodes": { label: "Mean cluster nodes", unit: "nodes" },
  "cluster.maxNodes": { label: "Peak cluster nodes", unit: "nodes" },
  "cluster.utilisation": { label: "Cluster utilisation", unit: "ratio", better: "higher" },
  "cluster.meanQueueLength": { label: "Mean job queue length", unit: "jobs", better: "lower" },
  "cluster.jobsCompleted": { label: "Jobs completed", unit: "jobs" },
  "cluster.evictions": { label: "Low-priority evictions", unit: "evictions", better: "lower" },
  "cluster.jobWaitMeanHours": { label: "Mean job wait", unit: "hours", better: "lower" },
  "cluster.jobWaitP50Hours": { label: "Median job wait", unit: "hours", better: "lower" },
  "cluster.jobWaitP95Hours": { label: "P95 job wait", unit: "hours", better: "lower" },
  "cluster.residencyFallbacks": {
    label: "Jobs without a cluster in their region",
    unit: "jobs",
    better: "lower",
  },
  "serving.podHours": { label: "Serving pod-hours", unit: "pod-hours", better: "lower" },
  "serving.meanPods": { label: "Mean serving pods", unit: "pods", better: "lower" },
  "serving.maxPoolPods": { label: "Peak serving pods", unit: "pods" },
  "serving.cost": { label: "Serving cost", unit: MONEY, better: "lower" },
  "serving.dedicatedCost": { label: "Serving cost with one pod per model", unit: MONEY },
  "serving.savingVsDedicated": {
    label: "Serving saving vs one pod per model",
    unit: "ratio",
    better: "higher",
  },
  "serving.cacheHitRatio": { label: "Model cache hit ratio", unit: "ratio", better: "higher" },
  "serving.coldLoads": { label: "Cold model loads", unit: "loads", better: "lower" },
  "serving.modelsPerPod": { label: "Models per pod", unit: "models", better: "higher" },
  "serving.p95LatencyMs": { label: "Serving P95 latency", unit: "ms", better: "lower" },
  "serving.overloadedHours": { label: "Hours with overloaded serving", unit: "hours", better: "lower" },
  "serving.models": { label: "Models served", unit: "models" },
  "tiers.cost": { label: "Service tier fees", unit: MONEY, better: "lower" },
  "tiers.referenceCost": { label: "Tier fees with one tier for all", unit: MONEY },
  "tiers.savingVsSingleTier": { label: "Tier saving vs one tier for all", unit: "ratio", better: "higher" },
  "tiers.breaches": { label: "SLA breaches", unit: "breaches", better: "lower" },
  "chargeback.sharedCost": { label: "Shared cost allocated", unit: MONEY },
  "chargeback.fixedCosts": { label: "Fixed platform costs allocated", unit: MONEY },
  "chargeback.centsMismatches": { label: "Allocation mismatches (cents)", unit: "cents", better: "lower" },
  "chargeback.tenants": { label: "Tenants charged", unit: "tenants" },
};

const PHASE_LABELS: Record<string, string> = {
  data: "data pipeline",
  features: "feature engineering",
  modelDev: "model development",
  validation: "validation and governance",
  deployment: "deployment",
};

const TIER_METRICS: Record<string, MetricInfo> = {
  share: { label: "Share of models on tier", unit: "ratio" },
  availability: { label: "Availability on tier", unit: "ratio", better: "higher" },
  breaches: { label: "SLA breaches on tier", unit: "breaches", better: "lower" },
  breachRate: { label: "SLA breach rate on tier", unit: "ratio", better: "lower" },
  outages: { label: "Outages on tier", unit: "outages", better: "lower" },
  dataLostHoursMean: { label: "Mean data lost per incident on tier", unit: "hours", better: "lower" },
};

/**
 * Label, unit and better-direction of the metric `name`; unknown names get the name as label and no unit.
 * @example metricInfo("level.3.timeToMarketDays") // { label: "Level 3: Time to market ...", unit: "days", better: "lower" }
 */
export function metricInfo(name: string): MetricInfo {
  const exact = EXACT[name];
  if (exact !== undefined) return { ...exact };
  const level = /^level\.(\d+)\.(.+)$/.exec(name);
  if (level !== null) {
    const inner = metricInfo(level[2]!);
    return { ...inner, label: `Level ${level[1]}: ${inner.label}` };
  }
  const dot = name.indexOf(".");
  if (dot > 0) {
    const head = name.slice(0, dot);
    const rest = name.slice(dot + 1);
    switch (head) {
      case "cost":
        return { label: rest === "total" ? "Total cost" : `Cost: ${rest}`, unit: MONEY, better: "lower" };
      case "tenantCost":
        return { label: `Cost of tenant ${rest}`, unit: MONEY, better: "lower" };
      case "tierCost":
        return { label: `Tier fees: ${rest}`, unit: MONEY, better: "lower" };
      case "initial":
        if (rest === "roi")
          return { label: "ROI of the projects running at month 0", unit: "ratio", better: "higher" };
        return {
          label: `${rest === "cost" ? "Cost" : "Value"} of the projects running at month 0`,
          unit: MONEY,
        };
      case "sunkCost":
        return { label: `Sunk cost of ${rest} projects`, unit: MONEY, better: "lower" };
      case "effort":
        return { label: `Mean ${PHASE_LABELS[rest] ?? rest} effort`, unit: "person-weeks", better: "lower" };
      case "tierAvailability":
        return { label: `Availability on ${rest}`, unit: "ratio", better: "higher" };
      case "dataLostHours":
        return { label: `Data lost per incident on ${rest}`, unit: "hours", better: "lower" };
      case "chargeback":
        if (rest.startsWith("tenantCost."))
          return { label: `Charged to tenant ${rest.slice(11)}`, unit: MONEY, better: "lower" };
        break;
      case "tiers": {
        const sub = /^([A-Za-z]+)\.(.+)$/.exec(rest);
        const info = sub === null ? undefined : TIER_METRICS[sub[1]!];
        if (info !== undefined && sub !== null) return { ...info, label: `${info.label} ${sub[2]}` };
        break;
      }
      default:
        break;
    }
  }
  return { label: name, unit: "" };
}
