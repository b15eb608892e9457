/**
 * Claims files: read and validate one (YAML or JSON) with the scenario loader's machinery (same safe YAML parsing,
 * same size cap, same `file:line:column  path: message` issues), then load every scenario a claim names (a file
 * relative to the claims file, or a preset), apply its `set` values and its conditions' bounds the way sweep points
 * are applied (point-scenario.ts), so a bad path or value is reported before anything runs. Never throws for bad
 * input.
 */
import { basename, dirname, extname, resolve } from "node:path";
import type { ScenarioIssue } from "../scenario/issues.ts";
import { scenarioLoader } from "../scenario/load.ts";
import type { ParameterValue } from "../scenario/parameter-path.ts";
import {
  type BaseResult,
  loadBase,
  pointScenario,
  referencedBaseIssues,
} from "../scenario/point-scenario.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type Claim, type ClaimScenario, type ClaimsFile, claimsFileSchema } from "./claims-schema.ts";

/** A claim's scenario, loaded: the validated scenario and how to describe it. */
export interface ResolvedClaimScenario {
  /** The validated scenario with `set` applied. */
  scenario: Scenario;
  /** The file or preset as written. */
  ref: string;
  /** Parameter values set on it. */
  set: Record<string, ParameterValue>;
}

/** A claim with its scenarios loaded. */
export interface ResolvedClaim {
  claim: Claim;
  baseline?: ResolvedClaimScenario;
  treatment?: ResolvedClaimScenario;
}

/** A validated claims file with every scenario loaded. */
export interface LoadedClaims {
  /** The file's name (default: its file name without extension). */
  name: string;
  /** The claims file as given. */
  file: string;
  settings: Omit<ClaimsFile, "claims">;
  claims: ResolvedClaim[];
}

/** The loaded claims, or every issue found. */
export type LoadClaimsResult = { ok: true; claims: LoadedClaims } | { ok: false; issues: ScenarioIssue[] };

/** Issues of the scenarios reported at most. */
const MAX_SCENARIO_ISSUES = 30;

const loader = scenarioLoader({
  schema: claimsFileSchema,
  presets: { names: () => [], document: () => undefined },
});

/** Loads and checks the claims file at `path` (see the module comment). */
export async function loadClaims(path: string): Promise<LoadClaimsResult> {
  const loaded = await loader.load(path);
  if (!loaded.ok) return loaded;
  const { claims, ...settings } = loaded.scenario;
  const baseDir = dirname(resolve(path));
  const bases = new Map<string, Promise<BaseResult>>();
  const base = (ref: string): Promise<BaseResult> => {
    let promise = bases.get(ref);
    if (promise === undefined) {
      promise = loadBase(ref, baseDir);
      bases.set(ref, promise);
    }
    return promise;
  };
  const issues: ScenarioIssue[] = [];
  const resolved: ResolvedClaim[] = [];
  for (const [index, claim] of claims.entries()) {
    const out: ResolvedClaim = { claim };
    for (const role of ["baseline", "treatment"] as const) {
      const written = claim[role];
      if (written === undefined) continue;
      const ref = typeof written === "string" ? written : written.scenario;
      const loaded = await base(ref);
      if (!loaded.ok) {
        // the scenario file itself: reported at the claim's field, or at the line inside that file
        issues.push(...referencedBaseIssues(loaded.issues, ref, path, `claims[${index}].${role}`));
        continue;
      }
      const result = resolveScenario(written, loaded.scenario, claim, role);
      if (result.ok) out[role] = result.scenario;
      else
        issues.push(
          ...result.issues.map((issue) => ({
            ...issue,
            file: issue.file ?? path,
            message: `claims[${index}] (${claim.id}) ${role}: ${issue.message}`,
          })),
        );
    }
    resolved.push(out);
    if (issues.length >= MAX_SCENARIO_ISSUES) break;
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_SCENARIO_ISSUES) };
  return {
    ok: true,
    claims: { name: settings.name ?? basename(path, extname(path)), file: path, settings, claims: resolved },
  };
}

type ScenarioResult = { ok: true; scenario: ResolvedClaimScenario } | { ok: false; issues: ScenarioIssue[] };

function resolveScenario(written: ClaimScenario, base: Scenario, claim: Claim, role: string): ScenarioResult {
  const ref = typeof written === "string" ? written : written.scenario;
  const set = typeof written === "string" ? {} : (written.set ?? {});
  // nothing set: the base as pointScenario would return it (validation is idempotent), without validating it again,
  // which is most of the load time of a file of many claims on a few scenarios
  const point: BaseResult =
    Object.keys(set).length === 0
      ? { ok: true, scenario: scenarioOfBase(base) }
      : pointScenario(base, set, `set`);
  if (!point.ok) return point;
  // the conditions' bounds must be valid values too, so a bad range fails now rather than mid-discovery
  for (const condition of claim.conditions ?? []) {
    for (const bound of [condition.min, condition.max]) {
      const checked = pointScenario(point.scenario, { [condition.path]: bound }, `condition ${role}`);
      if (!checked.ok) return checked;
    }
  }
  return { ok: true, scenario: { scenario: point.scenario, ref, set } };
}

/**
 * A loaded scenario as a claim uses it: without its `extends` (the presets it was merged from), as pointScenario
 * returns a point; so a run of a file and a claim naming that file see the same scenario.
 */
export function scenarioOfBase(scenario: Scenario): Scenario {
  const { extends: _extends, ...rest } = scenario as Scenario & { extends?: unknown };
  return rest as Scenario;
}
