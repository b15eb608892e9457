/**
 * Prioritisation scoring (MODEL.md section 1; guide Pattern 8): five dimension scores in [0, 1] derived from
 * the idea's attributes plus Gaussian assessment noise, weighted 30/20/20/15/15 into 0-100 points, and the
 * tier of a score (80+ fast-track, 60-79 next cycle, 40-59 deferred, below 40 rejected).
 *
 * Derivations (assumptions, docs/model.md): business value is the position of ln(annual value) between
 * ln(valueForZeroScore) and ln(valueForFullScore) (value spans orders of magnitude, so a log scale); strategic
 * alignment is the mean alignment of the impact type; technical feasibility is the probability of technical
 * success the assessors can see; resource requirements fall linearly with total effort; risk is the risk
 * profile's score. Noise: normal draws from the caller's stream (Marsaglia polar method in engine/random).
 */
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { IMPACTS, type Project, RISKS } from "./project.ts";

/** Prioritisation tier of a score. */
export type Tier = "fastTrack" | "nextCycle" | "deferred" | "rejected";

/**
 * Score of `project` in points (0-100). `noise` returns standard normal draws (five per call);
 * `feasibility` is the success probability assessors see; `revealedFailure` zeroes feasibility (re-scoring).
 */
export function scoreProject(
  project: Project,
  params: DeliveryConfig,
  feasibility: number,
  noise: () => number,
  revealedFailure = false,
): number {
  const s = params.portfolio.scoring;
  const w = s.weights;
  const sd = s.noiseSd;
  const lo = Math.log(s.valueForZeroScore);
  const value = (Math.log(Math.max(project.annualValue, 1e-9)) - lo) / (Math.log(s.valueForFullScore) - lo);
  let effort = 0;
  for (let i = 0; i < project.effortPersonWeeks.length; i++) effort += project.effortPersonWeeks[i]!;
  const alignment = s.alignmentByImpact[IMPACTS[project.impact]!];
  const resources = 1 - effort / s.effortForZeroScorePersonWeeks;
  const risk = s.riskScore[RISKS[project.risk]!];
  const nValue = noise();
  const nAlign = noise();
  const nFeas = noise();
  const nRes = noise();
  const nRisk = noise();
  return (
    w.businessValue * clamp01(value + sd * nValue) +
    w.strategicAlignment * clamp01(alignment + sd * nAlign) +
    w.technicalFeasibility * (revealedFailure ? 0 : clamp01(feasibility + sd * nFeas)) +
    w.resourceRequirements * clamp01(resources + sd * nRes) +
    w.risk * clamp01(risk + sd * nRisk)
  );
}

/** Tier of `score` under the scenario's thresholds (guide Pattern 8). */
export function tierOf(score: number, params: DeliveryConfig): Tier {
  const t = params.portfolio.tiers;
  if (score >= t.fastTrack) return "fastTrack";
  if (score >= t.nextCycle) return "nextCycle";
  if (score >= t.deferred) return "deferred";
  return "rejected";
}

function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}
