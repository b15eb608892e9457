/**
 * Scenario builders for the delivery-model tests: a deterministic base (constant efforts, no support requests,
 * no blockers, no gates, certain success, no reuse) that each test overrides with a partial document.
 */
import { type Scenario, scenarioSchema } from "../../src/scenario/schema.ts";

type Doc = Record<string, unknown>;

/** Deep merge of plain objects; arrays, scalars and distributions (`dist:`) of `over` replace those of `base`. */
export function merge(base: Doc, over: Doc): Doc {
  const out: Doc = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] =
      isPlain(value) && isPlain(prev) && !("dist" in (value as Doc))
        ? merge(prev as Doc, value as Doc)
        : (structuredClone(value) as unknown);
  }
  return out;
}

function isPlain(x: unknown): boolean {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const constant = (value: number) => ({ dist: "constant", value });

/**
 * One spoke of 1 FTE running one project at a time; efforts data 2, features 1, modelDev 3, validation 1,
 * deployment 1 person-weeks (8 weeks = 56 days of work); one 1-day training job; no randomness on the path.
 */
export const deterministicBase: Doc = {
  name: "deterministic",
  horizonMonths: 12,
  platform: { enabled: false },
  organisation: {
    hub: { fte: 0 },
    spokes: { count: 1, ftePerSpoke: 1, maxConcurrentProjects: 1 },
    pilotTeams: { maxConcurrent: 0 },
    support: { requestsPerProjectWeek: 0 },
  },
  demand: {
    businessUnits: [{ name: "unit-1", ratePerMonth: 2 }],
    successProbability: { low: 1, medium: 1, high: 1 },
    annualValue: {
      revenue: constant(120_000),
      costReduction: constant(120_000),
      riskMitigation: constant(120_000),
      innovation: constant(120_000),
    },
  },
  portfolio: { tiers: { fastTrack: 0, nextCycle: 0, deferred: 0 } },
  lifecycle: {
    effortPersonWeeks: {
      data: constant(2),
      features: constant(1),
      modelDev: constant(3),
      validation: constant(1),
      deployment: constant(1),
    },
    horizonEffortMultiplier: { quickWin: 1, medium: 1, longBet: 1 },
    library: { initialCompleteness: 0, completenessPerPlatformFteMonth: 0 },
    deploymentTemplates: { enabled: false, manualSuccessRate: 1 },
    training: { jobsPerProject: 1, nodes: 1, runHours: constant(24) },
    blockers: { ratePerProjectWeek: 0 },
    production: { realisation: 1, valueRampMonths: 0, retrainEveryDays: 0 },
  },
  governance: { gates: { afterPhases: [] } },
};

/** Parses `base` merged with `over` into a full scenario. */
export function scenario(over: Doc = {}, base: Doc = deterministicBase): Scenario {
  return scenarioSchema.parse(merge(base, over));
}
