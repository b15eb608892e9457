/**
 * Demand profiles: named demand sections a scenario picks with `extends:` (`extends: [level-5, demand-level-3]`),
 * kept apart from the maturity presets so that a preset sets mechanisms only and the demand a level is run on is
 * a choice the scenario states (issue 10, point 1: with level 3's demand, levels 4 and 5 deliver about what
 * level 3 delivers; the old per-level rates made the demand assumption look like a maturity effect).
 *
 * The five profiles keep the rates the maturity presets used to carry (1, 2, 6, 18 and 32 ideas a month); they
 * are our assumption of how demand grows as AI becomes visible, not a figure of the guide (docs/model.md).
 */

/** A demand profile: one line for `scalesim presets` and the `demand:` section it stands for. */
export interface DemandProfile {
  description: string;
  demand: { businessUnits: { name: string; ratePerMonth: number }[] };
}

/** Prefix of a demand profile's name among the presets: `demand-level-3`. */
export const DEMAND_PROFILE_PREFIX = "demand-";

function units(count: number, ratePerMonth: number): DemandProfile["demand"] {
  const businessUnits: { name: string; ratePerMonth: number }[] = [];
  for (let i = 1; i <= count; i++) businessUnits.push({ name: `unit-${i}`, ratePerMonth });
  return { businessUnits };
}

function profile(count: number, ratePerMonth: number): DemandProfile {
  const total = count * ratePerMonth;
  const what = count === 1 ? "one business unit" : `${count} business units`;
  return {
    description: `demand only: ${what} at ${ratePerMonth} ideas a month each (${total} a month in all)`,
    demand: units(count, ratePerMonth),
  };
}

/** The demand profiles by name (without the prefix): level-1 .. level-5. */
export const demandProfiles: Readonly<Record<string, DemandProfile>> = {
  "level-1": profile(1, 1),
  "level-2": profile(2, 1),
  "level-3": profile(4, 1.5),
  "level-4": profile(6, 3),
  "level-5": profile(8, 4),
};

/** Total ideas a month of the named profile (without the prefix), or undefined for an unknown name. */
export function profileIdeasPerMonth(name: string): number | undefined {
  const found = Object.hasOwn(demandProfiles, name) ? demandProfiles[name] : undefined;
  return found?.demand.businessUnits.reduce((sum, unit) => sum + unit.ratePerMonth, 0);
}
