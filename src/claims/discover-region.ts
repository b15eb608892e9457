/**
 * "Holds only if": scenario discovery for a claim that fails or stays undecided at its base point (B. P. Bryant and
 * R. J. Lempert, "Thinking inside the box", Technological Forecasting & Social Change 77, 2010; the EMA Workbench's
 * `prim` module, J. H. Kwakkel 2017):
 *
 *   1. sample the claim's conditions on a Latin hypercube (latin-hypercube.ts; McKay, Beckman and Conover 1979),
 *      each point set on baseline and treatment alike;
 *   2. run every point on the same seeds (common random numbers across points too) and classify it: the point's
 *      mean quantity lies in the claimed band, or not;
 *   3. PRIM (prim.ts `findBox`: peeling and pasting, Friedman and Fisher 1999) finds the box of conditions where
 *      the claim holds with at least the threshold density; the restricted bounds read as "holds only if ...".
 */
import { createStream } from "../../engine/random/index.ts";
import { latinHypercube } from "../montecarlo/latin-hypercube.ts";
import { findBox } from "../montecarlo/prim.ts";
import { pointScenario } from "../scenario/point-scenario.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { ClaimCondition } from "./claims-schema.ts";
import type { ClaimBand, ClaimDiscovery, RegionBound } from "./types.ts";
import { inBand } from "./verdict.ts";

/** How the search runs. */
export interface DiscoveryPlan {
  claimId: string;
  conditions: readonly ClaimCondition[];
  band: ClaimBand;
  points: number;
  replicationsPerPoint: number;
  threshold: number;
  seed: number;
  baseline: Scenario;
  treatment?: Scenario | undefined;
}

/** Runs one point's scenarios and returns the mean quantity. */
export type PointEstimator = (scenarios: {
  baseline: Scenario;
  treatment?: Scenario | undefined;
}) => Promise<number>;

/**
 * Samples the conditions, evaluates every point with `estimate` (concurrently) and returns the search and its box.
 *
 * @throws {RangeError} when a sampled value makes a scenario invalid.
 */
export async function discoverRegion(plan: DiscoveryPlan, estimate: PointEstimator): Promise<ClaimDiscovery> {
  const source = createStream(plan.seed, 0, `claims.${plan.claimId}.conditions`);
  const unit = latinHypercube(plan.points, plan.conditions.length, source);
  const values = unit.map((row) =>
    row.map((u, j) => {
      const c = plan.conditions[j]!;
      const x = c.min + u * (c.max - c.min);
      return c.integer ? Math.round(x) : x;
    }),
  );
  const estimates = await Promise.all(
    values.map((row, index) => {
      const set = Object.fromEntries(plan.conditions.map((c, j) => [c.path, row[j]!]));
      const scenarios = { baseline: pointAt(plan.baseline, set, index) } as {
        baseline: Scenario;
        treatment?: Scenario;
      };
      if (plan.treatment !== undefined) scenarios.treatment = pointAt(plan.treatment, set, index);
      return estimate(scenarios);
    }),
  );
  const holds = estimates.map((x) => Number.isFinite(x) && inBand(x, plan.band));
  const discovery: ClaimDiscovery = {
    paths: plan.conditions.map((c) => c.path),
    points: plan.points,
    replicationsPerPoint: plan.replicationsPerPoint,
    threshold: plan.threshold,
    samples: values.map((row, i) => ({ values: row, estimate: estimates[i]!, holds: holds[i]! })),
    text: "",
  };
  const box = findBox(values, holds, { threshold: plan.threshold });
  if (box === undefined) {
    const share = holds.filter(Boolean).length;
    discovery.text =
      share === 0
        ? `holds at none of the ${plan.points} sampled points`
        : `no box of the conditions reaches density ${plan.threshold} (holds at ${share} of ${plan.points} points)`;
    return discovery;
  }
  const region: RegionBound[] = plan.conditions.map((c, j) => ({
    path: c.path,
    min: box.bounds[j]!.low,
    max: box.bounds[j]!.high,
    restricted: box.restricted.includes(j),
  }));
  discovery.region = region;
  discovery.coverage = box.coverage;
  discovery.density = box.density;
  discovery.mass = box.mass;
  discovery.text = regionText(region, values);
  return discovery;
}

/**
 * "holds only if a >= 0.72 and b <= 3": the sides of the box that cut into the sampled values (`values`, one row
 * per point); "holds over the whole sampled range" when none does.
 */
export function regionText(region: readonly RegionBound[], values: readonly (readonly number[])[]): string {
  const parts: string[] = [];
  region.forEach((bound, j) => {
    if (!bound.restricted) return;
    const column = values.map((row) => row[j]!);
    const low = bound.min > Math.min(...column);
    const high = bound.max < Math.max(...column);
    if (low && high)
      parts.push(`${bound.min.toPrecision(3)} <= ${bound.path} <= ${bound.max.toPrecision(3)}`);
    else if (low) parts.push(`${bound.path} >= ${bound.min.toPrecision(3)}`);
    else if (high) parts.push(`${bound.path} <= ${bound.max.toPrecision(3)}`);
  });
  return parts.length === 0 ? "holds over the whole sampled range" : `holds only if ${parts.join(" and ")}`;
}

function pointAt(scenario: Scenario, set: Record<string, number>, index: number): Scenario {
  const result = pointScenario(scenario, set, `condition point ${index}`);
  if (!result.ok)
    throw new RangeError(result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  return result.scenario;
}
