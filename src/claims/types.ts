/**
 * Result types of a claims run (plain data, JSON-serialisable: `claims.json` is this summary). Reports import these
 * types only.
 */
import type { ToolInfo } from "../montecarlo/tool-info.ts";
import type { RunSummary } from "../montecarlo/types.ts";

/**
 * A claim's verdict: `holds` (the 95% CI lies inside the band), `fails` (entirely outside), `undecided` (it straddles
 * a bound when the replication budget ran out), `holds-only-if` (fails or undecided at the base point, but holds in
 * the region of its conditions PRIM found), `input` (the claimed number is a model input: never confirmed),
 * `not-modelled` (the model has no mechanism for it).
 */
export type Verdict = "holds" | "fails" | "undecided" | "holds-only-if" | "input" | "not-modelled";

/** Every verdict, in scorecard order. */
export const VERDICTS: readonly Verdict[] = [
  "holds",
  "holds-only-if",
  "undecided",
  "fails",
  "input",
  "not-modelled",
];

/** The claimed band: low <= quantity <= high; a missing side is unbounded. */
export interface ClaimBand {
  low?: number;
  high?: number;
}

/** A scenario compared, as written in the claims file. */
export interface ClaimScenarioInfo {
  /** File or preset. */
  ref: string;
  /** The scenario's name. */
  name: string;
  /** Parameter values set on it. */
  set: Record<string, number | string | boolean>;
}

/** One condition's range in the holds-only-if region. */
export interface RegionBound {
  path: string;
  min: number;
  max: number;
  /** True when the box narrows this condition's sampled range. */
  restricted: boolean;
}

/** The holds-only-if search of one claim. */
export interface ClaimDiscovery {
  /** Condition paths, in sample column order. */
  paths: string[];
  /** Latin hypercube points and replications per point. */
  points: number;
  replicationsPerPoint: number;
  /** PRIM density threshold. */
  threshold: number;
  /** Each point's condition values, mean quantity, and whether that mean lies in the band. */
  samples: Array<{ values: number[]; estimate: number; holds: boolean }>;
  /** The box, when one reaches the threshold. */
  region?: RegionBound[];
  coverage?: number;
  density?: number;
  mass?: number;
  /** The region in words ("holds only if ... >= 0.72 and ..."), or why none was found. */
  text: string;
}

/** One claim's outcome. */
export interface ClaimResult {
  id: string;
  text: string;
  source: string;
  section?: string;
  status: "test" | "input" | "not-modelled";
  reason?: string;
  verdict: Verdict;
  metric?: string;
  month?: number;
  measure: "value" | "difference" | "ratio" | "reduction";
  /** Label and unit of the metric, from the model's catalogue. */
  label?: string;
  unit?: string;
  band?: ClaimBand;
  /** Mean of the measured quantity (ratio of means for ratio and reduction). */
  estimate?: number;
  /** 95% confidence interval of the quantity (paired on common random numbers). */
  ci?: [number, number];
  /** Replications used (the sequential total). */
  replications: number;
  /** Replication budget. */
  budget?: number;
  /** Per-replication values of the quantity (for the distribution chart; at most 2000). */
  distribution?: number[];
  scenarios: { baseline?: ClaimScenarioInfo; treatment?: ClaimScenarioInfo };
  /** The holds-only-if region (as in the claims.json shape), when found. */
  region?: Array<{ path: string; min: number; max: number }>;
  coverage?: number;
  density?: number;
  discovery?: ClaimDiscovery;
}

/** A claims run. */
export interface ClaimsSummary {
  tool: ToolInfo;
  name: string;
  /** The claims file. */
  file: string;
  seed: number;
  /** First batch of replications per claim (default of claims that set none). */
  replications: number;
  elapsedMs: number;
  counts: Record<Verdict, number>;
  claims: ClaimResult[];
}

/**
 * The claims about one run's scenario with their verdicts at the run's seed and replications (the run report's
 * "against the guide" panel; run-claims.ts). Claims carry no per-replication values and no holds-only-if search.
 * Only results: nothing here depends on how the replications ran (threads, queue, reuse), so summary.json does not.
 */
export interface RunClaims {
  /** The claims file, as named. */
  file: string;
  /** The claims file's name. */
  name: string;
  seed: number;
  /** Replications of every tested claim: the run's, without sequential extension. */
  replications: number;
  counts: Record<Verdict, number>;
  claims: ClaimResult[];
}

/** A run's summary with the verdicts of the claims about its scenario (summary.json carries them). */
export type RunSummaryWithClaims = RunSummary & { claims?: RunClaims };
