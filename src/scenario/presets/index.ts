/**
 * The preset catalogue: maturity levels level-1 .. level-5 (MODEL.md section 5, the guide's maturity table)
 * and the three case studies (financial-services, retail, manufacturing). Each preset is the deep merge of
 * its delivery document (`delivery-presets.ts`) and its platform document (`platform-presets.ts`); a
 * scenario names one with `extends:` and states only what differs. The demand profiles (`demand-level-1` ..
 * `demand-level-5`, `../demand-profiles.ts`) are listed here too: a scenario picks its demand the same way,
 * `extends: [level-5, demand-level-3]`.
 */
import { DEMAND_PROFILE_PREFIX, demandProfiles } from "../demand-profiles.ts";
import { deepMerge, fromLayer } from "../merge.ts";
import { deliveryPresets } from "./delivery-presets.ts";
import { platformPresets } from "./platform-presets.ts";

/** Preset entry as the two preset modules export it. */
export interface PresetEntry {
  description: string;
  document: object;
}

const ORDER = [
  "level-1",
  "level-2",
  "level-3",
  "level-4",
  "level-5",
  "financial-services",
  "retail",
  "manufacturing",
  "demand-level-1",
  "demand-level-2",
  "demand-level-3",
  "demand-level-4",
  "demand-level-5",
];

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}

/**
 * Every preset name: the levels in order, then the case studies, the demand profiles, then any others
 * alphabetically.
 * @example presetNames()[0] === "level-1"
 */
export function presetNames(): string[] {
  const names = new Set([
    ...Object.keys(deliveryPresets),
    ...Object.keys(platformPresets),
    ...Object.keys(demandProfiles).map((name) => DEMAND_PROFILE_PREFIX + name),
  ]);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * A fresh copy of the preset's scenario document (delivery sections merged with the `platform:` section;
 * where both set a key, the platform document wins), or `undefined` for an unknown name.
 */
export function presetDocument(name: string): Record<string, unknown> | undefined {
  const profile = demandProfile(name);
  if (profile !== undefined) return structuredClone({ demand: profile.demand });
  const delivery = lookup(deliveryPresets, name);
  const platform = lookup(platformPresets, name);
  if (delivery === undefined && platform === undefined) return undefined;
  const base = fromLayer(structuredClone((delivery?.document ?? {}) as Record<string, unknown>), 0);
  const over = fromLayer(structuredClone((platform?.document ?? {}) as Record<string, unknown>), 1);
  return deepMerge(base, over).value;
}

/** One-line description of the preset (the delivery one, else the platform one), or `undefined`. */
export function presetDescription(name: string): string | undefined {
  return (demandProfile(name) ?? lookup(deliveryPresets, name) ?? lookup(platformPresets, name))?.description;
}

/** The maturity levels' names, level-1 .. level-5 in order: the presets the maturity ladder runs. */
export const LEVEL_PRESETS: readonly string[] = ORDER.filter((name) => /^level-\d$/.test(name));

function demandProfile(name: string) {
  if (!name.startsWith(DEMAND_PROFILE_PREFIX)) return undefined;
  const key = name.slice(DEMAND_PROFILE_PREFIX.length);
  return Object.hasOwn(demandProfiles, key) ? demandProfiles[key] : undefined;
}

function lookup(table: Record<string, PresetEntry>, name: string): PresetEntry | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
