/**
 * Result types of one replication: the contract between the model (src/model), the Monte Carlo layer
 * (src/montecarlo) and, through the run summary, the reports.
 *
 * Naming convention (flat maps keep aggregation generic):
 * - scalar KPIs: `deliveredPerYear`, `cost.people`, `tenantCost.<tenant>`, `tierCost.<tier>`,
 *   and per maturity level `level.<n>.<kpi>` (n = 1..5).
 * - monthly series: one value per month of the horizon, index 0 = month 0.
 * - samples: per-item observations (one per project, per job, ...) pooled across replications.
 */
import type { PhaseName } from "../scenario/phases.ts";

/** Where a number's meaning and unit are described once, for summaries and reports. */
export interface MetricInfo {
  /** Human label, e.g. "Time to market". */
  label: string;
  /** Unit, e.g. "days", "USD", "projects", "ratio". */
  unit: string;
  /** Which direction is better, for comparisons; omitted when neither. */
  better?: "higher" | "lower";
}

/** Lifecycle phase names, in order (owned by src/scenario/phases.ts, shared with the scenario schema). */
export { PHASES, type PhaseName } from "../scenario/phases.ts";

/** One project's history, in days since the start of the run. */
export interface ProjectRecord {
  id: number;
  businessUnit: string;
  tenant: string;
  category: string;
  impact: string;
  horizon: string;
  risk: string;
  score: number;
  arrivalDay: number;
  approvalDay?: number;
  startDay?: number;
  phaseEndDays: Partial<Record<PhaseName, number>>;
  deliveryDay?: number;
  killedDay?: number;
  outcome: "delivered" | "killed" | "failed" | "rejected" | "active" | "queued" | "deferred";
  timeToMarketDays?: number;
  sunkCost: number;
  annualValue: number;
  tier?: string;
  maturityLevelAtApproval: number;
}

/**
 * One FinOps FOCUS cost row (FOCUS 1.x column names in the CSV; MODEL.md section 6).
 * Amounts are in the scenario currency; month is the index of the charge period.
 */
export interface CostRow {
  month: number;
  billedCost: number;
  effectiveCost: number;
  listCost: number;
  serviceCategory: string;
  serviceName: string;
  resourceId: string;
  subAccountId: string;
  consumedQuantity: number;
  consumedUnit: string;
  pricingCategory: "Standard" | "Committed" | "Dynamic" | "Other";
  /** Our own column: cost category of the ledger (people, compute, serving, tiers, platform, investment). */
  xCostCategory: string;
}

/** Static facts about a scenario that reports need, identical in every replication. */
export interface ResultMeta {
  scenarioName: string;
  description: string;
  currency: string;
  horizonMonths: number;
  tenants: string[];
  tiers: string[];
  /** Portfolio mix targets in percent, by dimension then bucket (Pattern 9). */
  mixTargets: Record<string, Record<string, number>>;
  /** Start date of month 0 (ISO yyyy-mm-dd), for FOCUS ChargePeriodStart. */
  startDate: string;
  /** SLA availability target in percent by tier (e.g. Gold: 99.9); a tier without a target is best effort. */
  slaTargets: Record<string, number>;
}

/** Everything one replication returns. */
export interface ReplicationResult {
  replication: number;
  seed: number;
  meta: ResultMeta;
  kpis: Record<string, number>;
  series: Record<string, number[]>;
  samples: Record<string, number[]>;
  costRows: CostRow[];
  /** Project records; may be empty when the caller asked not to keep them. */
  projects: ProjectRecord[];
  /** Kernel events processed, for benchmarks. */
  events: number;
  /** Optional trace lines (only when requested, for --replay). */
  trace?: string[];
}

/** Options of one replication. */
export interface SimulateOptions {
  seed: number;
  replication: number;
  keepProjects?: boolean;
  trace?: boolean;
}
