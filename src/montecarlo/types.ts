/**
 * Summary types across replications: what src/montecarlo produces and reports/ reads.
 * Every summary carries the label and unit of its metric, so reports need nothing else.
 */
import type { CostRow, MetricInfo, ResultMeta } from "../model/result.ts";
import type { MorrisIndex } from "./morris-indices.ts";
import type { PrimBox } from "./prim.ts";
import type { SobolIndex } from "./sobol-indices.ts";

export type { CostRow, MetricInfo, MorrisIndex, PrimBox, ResultMeta, SobolIndex };

/** The percentiles reported for every KPI and every month of every series. */
export interface Percentiles {
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

/** Summary of one scalar across replications. */
export interface KpiSummary extends Percentiles, MetricInfo {
  name: string;
  n: number;
  mean: number;
  sd: number;
  /** 95% confidence interval of the mean (Student t). */
  ciLow: number;
  ciHigh: number;
  min: number;
  max: number;
  /** "exact" when computed from all values, "t-digest" when from the mergeable sketch. */
  method: "exact" | "t-digest";
}

/** Summary of one monthly series: arrays indexed by month. */
export interface SeriesSummary extends MetricInfo {
  name: string;
  months: number;
  n: number;
  mean: number[];
  sd: number[];
  ciLow: number[];
  ciHigh: number[];
  min: number[];
  max: number[];
  p5: number[];
  p10: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p90: number[];
  p95: number[];
}

/** Pooled per-item observations (e.g. every project's time to market in every replication). */
export interface SampleSummary extends Percentiles, MetricInfo {
  name: string;
  n: number;
  mean: number;
  sd: number;
  p80: number;
  min: number;
  max: number;
  /** Histogram for distribution charts: bin edges (length k+1) and counts (length k). */
  histogram: { edges: number[]; counts: number[] };
}

/** P(cumulative series >= threshold) by month: the S-curve of "reaching N delivered projects". */
export interface ReachSummary {
  series: string;
  thresholds: number[];
  /** probability[t][m] = share of replications with series[m] >= thresholds[t]. */
  probability: number[][];
  /**
   * Optional: when each threshold is reached, one entry per threshold in the same order (absent in summaries
   * written before delivery targets existed).
   */
  targets?: ReachTarget[];
  /** Optional: "targets" when the thresholds are the user's (`--targets`), "automatic" when chosen from the data. */
  thresholdSource?: "targets" | "automatic";
}

/**
 * When one delivery target is reached: the first month (0-based, as on the charts' month axis) by which at
 * least 50% and 80% of the replications had reached it, read off the S-curve; null when that share is not
 * reached within the horizon.
 */
export interface ReachTarget {
  threshold: number;
  monthP50: number | null;
  monthP80: number | null;
  /** Share of replications that reached the threshold by the last month. */
  probabilityByEnd: number;
}

/**
 * One delivery target compared between a baseline and an alternative on common random numbers: per replication,
 * the first month each scenario's cumulative series reaches the threshold.
 */
export interface ReachDifference {
  series: string;
  threshold: number;
  baseline: string;
  alternative: string;
  /** Paired replications. */
  n: number;
  /** Replications in which both scenarios reached the threshold within the horizon. */
  nBoth: number;
  /** Replications in which only the baseline, or only the alternative, reached it. */
  onlyBaseline: number;
  onlyAlternative: number;
  /** Mean of (alternative month - baseline month) over the nBoth replications; negative = alternative sooner. */
  meanDifferenceMonths: number;
  /** 95% confidence interval of that mean (paired t). */
  ciLow: number;
  ciHigh: number;
  /**
   * Share of all replications in which the alternative reached it sooner (reaching it at all is sooner than not
   * reaching it; equal months and neither reaching it count half).
   */
  probabilitySooner: number;
}

/** The result of `runScenario`: everything reports need about one scenario. */
export interface RunSummary {
  tool: { name: "scalesim"; version: string };
  meta: ResultMeta;
  seed: number;
  replications: number;
  workers: number;
  elapsedMs: number;
  /** Why the run stopped: all replications done, precision reached (--until-ci), or cancelled. */
  stoppedBy: "count" | "precision" | "cancelled";
  kpis: Record<string, KpiSummary>;
  series: Record<string, SeriesSummary>;
  samples: Record<string, SampleSummary>;
  reach: ReachSummary;
  /** Mean cost rows across replications (FOCUS export), keyed by month, service, resource, sub-account. */
  costRows: CostRow[];
}

/** One KPI compared between a baseline and an alternative on common random numbers. */
export interface KpiDifference extends MetricInfo {
  name: string;
  baseline: string;
  alternative: string;
  n: number;
  meanBaseline: number;
  meanAlternative: number;
  /** alternative - baseline, paired by replication. */
  meanDifference: number;
  ciLow: number;
  ciHigh: number;
  /** Share of replications where the alternative is better (by MetricInfo.better; ties count half). */
  probabilityBetter: number;
}

/** Result of `compareScenarios`. */
export interface CompareSummary {
  tool: { name: "scalesim"; version: string };
  seed: number;
  replications: number;
  scenarios: RunSummary[];
  /** Differences of every scenario after the first against the first. */
  differences: KpiDifference[];
  /**
   * Optional: for every alternative and every delivery target (the scenarios' common reach thresholds), the paired
   * difference of the month it is reached.
   */
  reachDifferences?: ReachDifference[];
  /** Optional evidence that common random numbers shrink the CI (filled by the CRN check). */
  crnEffect?: { kpi: string; halfWidthCommon: number; halfWidthIndependent: number };
}

/** One evaluated point of a sweep. */
export interface SweepPoint {
  index: number;
  /** Parameter path -> value. */
  parameters: Record<string, number | string | boolean>;
  kpis: Record<string, KpiSummary>;
  /**
   * Optional: why the point exists: a point of the design ("design"), or of the one-at-a-time tornado design
   * ("base" = every parameter at its base value, "low"/"high" = parameter `varied` at its low/high value).
   */
  role?: "design" | "base" | "low" | "high";
  /** Optional: the parameter path a "low"/"high" point varies. */
  varied?: string;
}

/** Result of a sweep (or a shard of one, or a merge of shards). */
export interface SweepSummary {
  tool: { name: "scalesim"; version: string };
  name: string;
  seed: number;
  replicationsPerPoint: number;
  sampling: "grid" | "latin-hypercube" | "one-at-a-time" | "sobol" | "morris";
  /**
   * Optional (sampling "sobol" or "morris"): the design's size, Sobol' base samples or Morris trajectories,
   * and the Morris grid levels.
   */
  design?: { samples: number; levels?: number };
  /**
   * Optional: the sweep's fingerprint (SHA-256 of the sweep and base scenario contents, tool version, seed and
   * replications); shards with different fingerprints do not merge.
   */
  fingerprint?: string;
  parameters: { path: string; values?: Array<number | string | boolean>; min?: number; max?: number }[];
  totalPoints: number;
  shard?: { index: number; count: number };
  points: SweepPoint[];
  /** Tornado data: KPI -> parameter -> KPI mean at the low and high value. */
  tornado: Record<string, Record<string, { low: number; high: number; base: number }>>;
  /** Standardised regression and rank correlation coefficients: KPI -> parameter -> coefficient. */
  src: Record<string, Record<string, number>>;
  prcc: Record<string, Record<string, number>>;
  /**
   * Optional (sampling "sobol", every design point present): KPI -> parameter -> first-order (Saltelli 2010)
   * and total-order (Jansen) indices with 95% bootstrap intervals.
   */
  sobol?: Record<string, Record<string, SobolIndex>>;
  /**
   * Optional (sampling "morris", every design point present): KPI -> parameter -> mu, mu* (with 95% bootstrap
   * interval) and sigma of the elementary effects, on the parameter's range scaled to [0, 1].
   */
  morris?: Record<string, Record<string, MorrisIndex>>;
  /** Optional: the PRIM boxes the sweep asked for ("where does KPI x stay below y"). */
  boxes?: SweepBox[];
}

/** A scenario-discovery question of a sweep and PRIM's answer (null: no box reaches the density asked). */
export interface SweepBox {
  kpi: string;
  below?: number;
  above?: number;
  threshold: number;
  box: {
    bounds: Record<string, { low: number; high: number }>;
    restricted: string[];
    coverage: number;
    density: number;
    mass: number;
  } | null;
}
