/**
 * Service tiers (guide, Pattern 6): fee, SLA, support response, redundancy and backups per tier, and the rule
 * that assigns a production model to a tier.
 *
 * Source: the guide's tier table (Bronze $500 best effort, Silver $2K 99.5%, Gold $5K 99.9%, Platinum $15K
 * 99.99%; support community / 24 h / 4 h / 24-7; backups none / daily / hourly / real-time replication).
 */
import type { RandomSource } from "../../../engine/index.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";

/** Tier names, cheapest first. */
export const TIER_NAMES = ["Bronze", "Silver", "Gold", "Platinum"] as const;
/** One of the four tier names. */
export type TierName = (typeof TIER_NAMES)[number];

/** How many copies serve a model and whether they share a failure domain. */
export type Redundancy = "single" | "singleMonitored" | "highAvailability" | "multiRegion";
/** What a failure destroys: data written since the last backup point. */
export type Backup = "none" | "daily" | "hourly" | "replication";

/** One tier's terms and reliability parameters. */
export interface TierSpec {
  feePerMonth: number;
  /** Monthly uptime target in percent; 0 = best effort (never breached). */
  slaPercent: number;
  supportResponseHours: number;
  /** Time to notice a failure (monitoring level), hours. */
  detectionHours: number;
  /** Share of failures a restart recovers without support (their repair skips the support response). */
  selfHealingShare: number;
  /** Hands-on repair time once support responds: mean of an exponential, hours. */
  meanFixHours: number;
  /** Mean time between failures of one serving instance, days. */
  mtbfDays: number;
  redundancy: Redundancy;
  /** Failures that take a whole failure domain (zone) down, for highAvailability: mean days between them. */
  commonCauseMtbfDays: number;
  backup: Backup;
  /** Replication lag for `replication` backups, seconds. */
  replicationLagSeconds: number;
  minReplicas: number;
  maxReplicas: number;
  /** Serve this tier on dedicated deployments even when serving is multi-model. */
  dedicatedServing: boolean;
}

/** How a new production model gets its tier. */
export type TierAssignment =
  | { rule: "criticality"; thresholds: readonly [number, number, number] }
  | { rule: "mix"; mix: Record<TierName, number> }
  | { rule: "single"; tier: TierName };

/**
 * Choose a tier: by criticality thresholds (criticality < t[0] Bronze, < t[1] Silver, < t[2] Gold, else
 * Platinum), by a random draw from a percentage mix, or one tier for all.
 */
export function assignTier(assignment: TierAssignment, criticality: number, source: RandomSource): TierName {
  switch (assignment.rule) {
    case "criticality": {
      const [a, b, c] = assignment.thresholds;
      if (criticality < a) return "Bronze";
      if (criticality < b) return "Silver";
      if (criticality < c) return "Gold";
      return "Platinum";
    }
    case "mix": {
      let total = 0;
      for (const t of TIER_NAMES) total += assignment.mix[t];
      let u = source() * total;
      for (const t of TIER_NAMES) {
        u -= assignment.mix[t];
        if (u < 0) return t;
      }
      return "Platinum";
    }
    case "single":
      return assignment.tier;
  }
}

/** Whether a string names a tier. */
export function isTierName(name: string): name is TierName {
  return (TIER_NAMES as readonly string[]).includes(name);
}

/** The scenario's tier catalogue as the reliability model's specs. */
export function tierSpecs(config: PlatformConfig): Record<TierName, TierSpec> {
  const out = {} as Record<TierName, TierSpec>;
  for (const t of TIER_NAMES) out[t] = { ...config.tiers.catalogue[t] };
  return out;
}

/** The scenario's tier assignment rule as a {@link TierAssignment}. */
export function tierAssignment(config: PlatformConfig): TierAssignment {
  const a = config.tiers.assignment;
  if (a.rule === "mix") return { rule: "mix", mix: a.mix };
  if (a.rule === "single") return { rule: "single", tier: a.tier };
  return { rule: "criticality", thresholds: [a.thresholds[0]!, a.thresholds[1]!, a.thresholds[2]!] };
}
