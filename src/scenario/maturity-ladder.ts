/**
 * The maturity ladder (issue 10, point 1): every maturity level run on the same demand and the same organisation
 * budget, so that what differs between the levels is their mechanisms. Each rung is the base scenario (its demand,
 * finance, horizon, dates and currency, with no roadmap) with a level preset merged over it (mechanisms only:
 * organisation, portfolio, lifecycle, governance, platform), then its headcount scaled so that its yearly staff
 * cost at full strength equals the budget: hub FTE, spoke count and pilot-team count are multiplied by one factor
 * (counts rounded, at least 1 where the level has any), so each level keeps its own structure and spends the
 * same money. The list of mechanisms that differ is derived from the rungs themselves (every parameter whose
 * value is not the same on all rungs), never written by hand.
 *
 * Staff cost at full strength = hub FTE x hub rate + spokes x FTE per spoke x spoke rate + pilot teams x FTE per
 * team x pilot rate (finance.loadedCostPerFteYear), a capacity budget as a CFO would set it.
 */
import { deepMerge, fromLayer } from "./merge.ts";
import { LEVEL_PRESETS, presetDocument } from "./presets/index.ts";
import { type Scenario, scenarioSchema } from "./schema.ts";

/** One level of the ladder, ready to run. */
export interface LadderRung {
  /** Maturity level 1-5. */
  level: number;
  /** The preset the rung's mechanisms come from, e.g. `level-3`. */
  preset: string;
  /** The parsed scenario of the rung (named after the preset). */
  scenario: Scenario;
  /** Yearly staff cost at full strength after scaling, currency per year. */
  staffCostPerYear: number;
}

/** A parameter whose value differs between rungs: the mechanisms the ladder compares. */
export interface MechanismDifference {
  /** Dotted path, e.g. `lifecycle.featureStore.enabled`. */
  path: string;
  /** The value on each rung, in rung order, as text. */
  values: string[];
}

/** The ladder: rungs in level order, the common budget and what differs. */
export interface MaturityLadder {
  rungs: LadderRung[];
  /** The common yearly staff budget, currency per year. */
  budgetPerYear: number;
  /** Sections whose parameters may differ between rungs. */
  mechanismSections: readonly string[];
  mechanisms: MechanismDifference[];
}

/** Options of {@link maturityLadder}. */
export interface LadderOptions {
  /** Yearly staff budget; default: the base scenario's own organisation at full strength. */
  budgetPerYear?: number;
}

/** The sections a level preset sets: the mechanisms. */
export const MECHANISM_SECTIONS: readonly string[] = [
  "organisation",
  "portfolio",
  "lifecycle",
  "governance",
  "platform",
];

/**
 * Yearly staff cost of `scenario`'s organisation at full strength, currency per year (see the module comment).
 * @example staffCostPerYear(level3Scenario) === 16 * 200_000 + 6 * 6 * 170_000
 */
export function staffCostPerYear(scenario: Scenario): number {
  const org = scenario.organisation;
  const rate = scenario.finance.loadedCostPerFteYear;
  return (
    org.hub.fte * rate.hub +
    org.spokes.count * org.spokes.ftePerSpoke * rate.spoke +
    org.pilotTeams.maxConcurrent * org.pilotTeams.ftePerTeam * rate.pilot
  );
}

/**
 * Builds the ladder over `base` (see the module comment).
 * @throws RangeError when the budget is not positive (a base with no staff and no `budgetPerYear`)
 */
export function maturityLadder(base: Scenario, options: LadderOptions = {}): MaturityLadder {
  const budgetPerYear = options.budgetPerYear ?? staffCostPerYear(base);
  if (!(budgetPerYear > 0) || !Number.isFinite(budgetPerYear))
    throw new RangeError(
      `the maturity ladder needs a positive staff budget, got ${budgetPerYear} (the base scenario has no staff; give a budget)`,
    );
  const rungs = LEVEL_PRESETS.map((preset, index) => rung(base, preset, index + 1, budgetPerYear));
  return {
    rungs,
    budgetPerYear,
    mechanismSections: MECHANISM_SECTIONS,
    mechanisms: differences(rungs.map((r) => r.scenario)),
  };
}

function rung(base: Scenario, preset: string, level: number, budget: number): LadderRung {
  const { extends: _ignored, ...rest } = structuredClone(base) as Scenario & { extends?: unknown };
  const common: Record<string, unknown> = { ...rest, roadmap: { investments: [] } };
  const merged = deepMerge(fromLayer(common, 0), fromLayer(presetDocument(preset) ?? {}, 1)).value;
  merged.name = preset;
  merged.description = `${preset} mechanisms on ${base.name}'s demand and a common staff budget`;
  const unscaled = scenarioSchema.parse(merged);
  const factor = budget / staffCostPerYear(unscaled);
  const org = merged.organisation as Record<string, Record<string, unknown>>;
  const scaledCount = (count: number) => (count > 0 ? Math.max(1, Math.round(count * factor)) : 0);
  org.hub = { ...org.hub, fte: Math.round(unscaled.organisation.hub.fte * factor * 10) / 10 };
  org.spokes = { ...org.spokes, count: scaledCount(unscaled.organisation.spokes.count) };
  org.pilotTeams = {
    ...org.pilotTeams,
    maxConcurrent: scaledCount(unscaled.organisation.pilotTeams.maxConcurrent),
  };
  const scenario = scenarioSchema.parse(merged);
  return { level, preset, scenario, staffCostPerYear: staffCostPerYear(scenario) };
}

function differences(scenarios: readonly Scenario[]): MechanismDifference[] {
  const flat = scenarios.map((s) => {
    const leaves = new Map<string, string>();
    for (const section of MECHANISM_SECTIONS)
      flatten((s as Record<string, unknown>)[section], section, leaves);
    return leaves;
  });
  const paths = new Set(flat.flatMap((leaves) => [...leaves.keys()]));
  const found: MechanismDifference[] = [];
  for (const path of paths) {
    const values = flat.map((leaves) => leaves.get(path) ?? "(absent)");
    if (values.some((v) => v !== values[0])) found.push({ path, values });
  }
  return found;
}

function flatten(node: unknown, path: string, into: Map<string, string>): void {
  if (Array.isArray(node)) {
    into.set(`${path}.length`, String(node.length));
    for (const [i, item] of node.entries()) flatten(item, `${path}[${i}]`, into);
    return;
  }
  if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) flatten(value, `${path}.${key}`, into);
    return;
  }
  into.set(path, typeof node === "string" ? node : JSON.stringify(node));
}
