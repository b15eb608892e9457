/**
 * runMaturityLadder: the maturity ladder (src/scenario/maturity-ladder.ts) run through compareScenarios, so every
 * level draws from the same named random streams (common random numbers) and every difference is paired against
 * level 1. The level-1 reference cost per delivered project (issue 10, point 6) is computed here from the level-1
 * rung, on the same assumptions and random numbers as the other levels: total cost over total deliveries across
 * the replications (a ratio of means, which stays finite when a level-1 replication delivers one project or none).
 */
import type { LadderOptions, MechanismDifference } from "../scenario/maturity-ladder.ts";
import { maturityLadder } from "../scenario/maturity-ladder.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type CompareOptions, compareScenarios } from "./compare-scenarios.ts";
import type { CompareSummary } from "./types.ts";

/** One level of a ladder run. */
export interface LadderRow {
  level: number;
  preset: string;
  /** Yearly staff cost at full strength after scaling to the budget. */
  staffCostPerYear: number;
  /** Mean of each KPI over the replications. */
  means: Record<string, number>;
  /** Total cost over total deliveries, across replications (currency per project); NaN without deliveries. */
  costPerProject: number;
  /** costPerProject over the level-1 rung's: the ladder's cost efficiency vs level 1. */
  costVsLevel1: number;
}

/** What a ladder run reports. */
export interface LadderSummary {
  /** Name of the base scenario whose demand, finance and horizon every level shares. */
  baseName: string;
  budgetPerYear: number;
  /** Ideas a month over the horizon's end rate, summed over units (the shared demand). */
  ideasPerMonth: number;
  /** Parameters that differ between levels, derived from the rungs. */
  mechanisms: MechanismDifference[];
  /** The level-1 rung's cost per delivered project: the reference of `costVsLevel1`. */
  level1CostPerProject: number;
  rows: LadderRow[];
  /** The comparison itself (level 1 first), for the report writers. */
  compare: CompareSummary;
}

/**
 * Builds the ladder over `base` and runs it on common random numbers.
 * @throws RangeError for a base without staff and no budget, or invalid run options
 * @throws ReplicationError when a replication of any level throws
 */
export async function runMaturityLadder(
  base: Scenario,
  options: CompareOptions & LadderOptions = {},
): Promise<LadderSummary> {
  const { budgetPerYear, ...compareOptions } = options;
  const ladder = maturityLadder(base, budgetPerYear === undefined ? {} : { budgetPerYear });
  const compare = await compareScenarios(
    ladder.rungs.map((rung) => rung.scenario),
    compareOptions,
  );
  const perProject = compare.scenarios.map((summary) => {
    const cost = summary.kpis["cost.total"]?.mean ?? Number.NaN;
    const delivered = summary.kpis.delivered?.mean ?? 0;
    return delivered > 0 ? cost / delivered : Number.NaN;
  });
  const reference = perProject[0]!;
  const rows = ladder.rungs.map((rung, i): LadderRow => {
    const means: Record<string, number> = {};
    for (const [name, kpi] of Object.entries(compare.scenarios[i]!.kpis)) means[name] = kpi.mean;
    return {
      level: rung.level,
      preset: rung.preset,
      staffCostPerYear: rung.staffCostPerYear,
      means,
      costPerProject: perProject[i]!,
      costVsLevel1: perProject[i]! / reference,
    };
  });
  return {
    baseName: base.name,
    budgetPerYear: ladder.budgetPerYear,
    ideasPerMonth: base.demand.businessUnits.reduce((sum, unit) => sum + unit.ratePerMonth, 0),
    mechanisms: ladder.mechanisms,
    level1CostPerProject: reference,
    rows,
    compare,
  };
}
