/**
 * An estimate of the work one replication of a scenario implies, in "work units" that approximate kernel events
 * (measured on the example scenarios: about 50 events per idea through the lifecycle, 8 per compute job, and a
 * hundredth of one per model and serving step, whose accounting runs over typed arrays; cluster node-days and
 * teams count one each). A dedicated-platform comparison repeats the work once per tenant. Field bounds keep every single number sane; this bounds their products (a
 * thousand business units at the maximum idea rate over 50 years is valid field by field and still runs for
 * days). Commands refuse a scenario above {@link DEFAULT_MAX_WORK_UNITS} unless the user raises the limit
 * (`--max-work`). The estimate is deliberately simple and errs high; it is not a prediction of run time.
 */
import type { Scenario } from "./schema.ts";

/**
 * Work units one replication may imply by default: ten times the largest example scenario (guide-claims, about
 * 1e7 units and a few seconds per replication), so about a minute per replication at most.
 */
export const DEFAULT_MAX_WORK_UNITS = 1e8;

/** Days per month of the model's calendar (365.25 / 12). */
const DAYS_PER_MONTH = 365.25 / 12;

/** Work units per idea, per compute job and per served model and serving step (see the module comment). */
const UNITS_PER_IDEA = 50;
const UNITS_PER_JOB = 8;
const UNITS_PER_MODEL_STEP = 0.01;

/** The estimate and the parts it is made of, largest first, for the message that refuses it. */
export interface WorkEstimate {
  units: number;
  parts: { name: string; units: number }[];
}

/** Estimates the work of one replication of `scenario` (see the module comment). */
export function estimateWork(scenario: Scenario): WorkEstimate {
  const months = scenario.horizonMonths;
  const days = months * DAYS_PER_MONTH;
  const ideas =
    months *
      scenario.demand.businessUnits.reduce(
        (sum, unit) => sum + unit.ratePerMonth * Math.max(1, unit.ramp.startFactor),
        0,
      ) +
    scenario.demand.initialProjects;
  const platform = scenario.platform;
  const comparisons = platform.clusters.some((cluster) => cluster.fixedComparisonNodes > 0) ? 2 : 1;
  const jobs =
    platform.workloads.jobStreams.reduce(
      (sum, stream) => sum + stream.ratePerDay * (1 + stream.diurnalAmplitude),
      0,
    ) *
    days *
    comparisons;
  const tierModels = platform.workloads.tierModels;
  const models =
    platform.workloads.servedModels.count +
    tierModels.Bronze +
    tierModels.Silver +
    tierModels.Gold +
    tierModels.Platinum +
    ideas;
  const steps = (days * 24) / platform.serving.stepHours;
  const teams = scenario.organisation.spokes.count + scenario.organisation.pilotTeams.maxConcurrent;
  const nodes = platform.clusters.reduce((sum, cluster) => sum + cluster.maxNodes, 0) * days;
  const tenants = Math.max(platform.tenants.length, scenario.demand.businessUnits.length, 1);
  const copies = platform.chargeback.compareDedicated ? 1 + tenants : 1;
  const parts = [
    { name: "ideas and projects", units: UNITS_PER_IDEA * ideas * copies },
    { name: "compute jobs", units: UNITS_PER_JOB * jobs * copies },
    { name: "serving steps x models", units: UNITS_PER_MODEL_STEP * steps * (1 + models) * copies },
    { name: "cluster node-days", units: nodes * copies },
    { name: "teams", units: teams },
  ].sort((a, b) => b.units - a.units);
  return { units: parts.reduce((sum, part) => sum + part.units, 0), parts };
}
