/**
 * Folds replication records, in replication-index order, into a RunSummary. Every accumulator is streaming
 * (scalar-accumulator.ts, series-accumulator.ts, sample-accumulator.ts, reach-counter.ts,
 * cost-accumulator.ts), so memory is bounded by the exact-value limits and the number of distinct metrics,
 * not by the number of replications. Because records are folded strictly in index order, the summary is the
 * same whatever the worker count, batch size or completion order.
 */
import type { ResultMeta } from "../model/result.ts";
import { CostAccumulator } from "./cost-accumulator.ts";
import type { DescribeMetric } from "./describe-metric.ts";
import { ReachCounter } from "./reach-counter.ts";
import type { ReplicationRecord } from "./replication-record.ts";
import { DEFAULT_SAMPLE_EXACT_LIMIT, SampleAccumulator } from "./sample-accumulator.ts";
import { DEFAULT_EXACT_LIMIT, ScalarAccumulator } from "./scalar-accumulator.ts";
import { SeriesAccumulator } from "./series-accumulator.ts";
import { toolInfo } from "./tool-info.ts";
import type { KpiSummary, ReachSummary, RunSummary } from "./types.ts";

/** Values kept exactly per month of a series before the t-digest takes over. */
export const DEFAULT_SERIES_EXACT_LIMIT = 5_000;

/** Limits of the aggregation (defaults in parentheses). */
export interface AggregationOptions {
  /** Values kept exactly per KPI before the t-digest takes over (20 000). */
  exactLimit?: number;
  /**
   * Values kept exactly per month of each series (5 000): a run has about a thousand series-months, so this
   * bounds the exact storage at ~40 MB where 20 000 would take ~170 MB.
   */
  seriesExactLimit?: number;
  /** Pooled sample values kept exactly per sample name (100 000). */
  sampleExactLimit?: number;
  /**
   * Cumulative series for the reach S-curve; without one the summary's reach is empty. runScenario and
   * compareScenarios default to the series the model declares (summary-roles.ts).
   */
  reachSeries?: string;
  /**
   * Whole-number thresholds of the reach S-curve (the user's delivery targets, `--targets`); by default they are
   * chosen from the data (reach-counter.ts).
   */
  reachTargets?: readonly number[];
}

/** How the run went, stamped on the summary. */
export interface RunContext {
  meta: ResultMeta;
  seed: number;
  workers: number;
  elapsedMs: number;
  stoppedBy: RunSummary["stoppedBy"];
  describe: DescribeMetric;
}

/** Accumulates records of one scenario; add them in replication-index order. */
export class RunAggregator {
  readonly #exactLimit: number;
  readonly #sampleExactLimit: number;
  readonly #seriesExactLimit: number;
  readonly #kpis = new Map<string, ScalarAccumulator>();
  readonly #series = new Map<string, SeriesAccumulator>();
  readonly #samples = new Map<string, SampleAccumulator>();
  readonly #reach: ReachCounter | undefined;
  readonly #reachTargets: readonly number[] | undefined;
  readonly #costs = new CostAccumulator();
  #replications = 0;
  #events = 0;

  /** @throws {RangeError} when a limit is not an integer >= 0. */
  constructor(options: AggregationOptions = {}) {
    this.#exactLimit = options.exactLimit ?? DEFAULT_EXACT_LIMIT;
    this.#sampleExactLimit = options.sampleExactLimit ?? DEFAULT_SAMPLE_EXACT_LIMIT;
    this.#seriesExactLimit = options.seriesExactLimit ?? DEFAULT_SERIES_EXACT_LIMIT;
    for (const [key, limit] of [
      ["exactLimit", this.#exactLimit],
      ["sampleExactLimit", this.#sampleExactLimit],
      ["seriesExactLimit", this.#seriesExactLimit],
    ] as const) {
      if (!Number.isInteger(limit) || limit < 0)
        throw new RangeError(`${key} must be an integer >= 0, got ${limit}`);
    }
    this.#reach = options.reachSeries === undefined ? undefined : new ReachCounter(options.reachSeries);
    this.#reachTargets = options.reachTargets;
    for (const target of options.reachTargets ?? []) {
      if (!Number.isInteger(target) || target < 1)
        throw new RangeError(`reachTargets must be integers >= 1, got ${target}`);
    }
  }

  /** Replications folded so far. */
  get replications(): number {
    return this.#replications;
  }

  /** Kernel events of all folded replications. */
  get events(): number {
    return this.#events;
  }

  /** The accumulator of KPI `name`, for precision checks; undefined when never reported. */
  kpi(name: string): ScalarAccumulator | undefined {
    return this.#kpis.get(name);
  }

  /** Names of the KPIs seen, in first-seen order. */
  kpiNames(): string[] {
    return [...this.#kpis.keys()];
  }

  /** Folds one replication (call in replication-index order). */
  add(record: ReplicationRecord): void {
    this.#replications++;
    this.#events += record.events;
    for (const name in record.kpis) {
      let acc = this.#kpis.get(name);
      if (acc === undefined) {
        acc = new ScalarAccumulator(this.#exactLimit);
        this.#kpis.set(name, acc);
      }
      acc.add(record.kpis[name]!);
    }
    for (const name in record.series) {
      let acc = this.#series.get(name);
      if (acc === undefined) {
        acc = new SeriesAccumulator(this.#seriesExactLimit);
        this.#series.set(name, acc);
      }
      const values = record.series[name]!;
      acc.add(values);
      if (name === this.#reach?.series) this.#reach.add(values);
    }
    for (const name in record.samples) {
      let acc = this.#samples.get(name);
      if (acc === undefined) {
        acc = new SampleAccumulator(this.#sampleExactLimit);
        this.#samples.set(name, acc);
      }
      acc.addAll(record.samples[name]!);
    }
    this.#costs.add(record.costRows);
  }

  /** The summary of every KPI (label and unit from `describe`). */
  kpiSummaries(describe: DescribeMetric): Record<string, KpiSummary> {
    const kpis: Record<string, KpiSummary> = {};
    for (const [name, acc] of this.#kpis) kpis[name] = { name, ...describe(name), ...acc.stats() };
    return kpis;
  }

  /** P95 of the reach series in its final month (NaN without a reach series or data). */
  reachFinalP95(): number {
    const reachSeries = this.#reach === undefined ? undefined : this.#series.get(this.#reach.series);
    return reachSeries?.quantile(reachSeries.length - 1, 0.95) ?? Number.NaN;
  }

  /**
   * The reach S-curve: at `thresholds` when given, else at the targets of the options, else at thresholds chosen
   * from the data; empty without a reach series.
   */
  reachSummary(thresholds?: readonly number[]): ReachSummary {
    if (this.#reach === undefined) return { series: "", thresholds: [], probability: [] };
    if (thresholds !== undefined) return this.#reach.summaryFor(thresholds, "automatic");
    if (this.#reachTargets !== undefined) return this.#reach.summaryFor(this.#reachTargets, "targets");
    return this.#reach.summary(this.reachFinalP95());
  }

  /** The RunSummary of everything folded so far. */
  summarize(context: RunContext): RunSummary {
    const { describe } = context;
    const series: RunSummary["series"] = {};
    for (const [name, acc] of this.#series) series[name] = acc.summary(name, describe(name));
    const samples: RunSummary["samples"] = {};
    for (const [name, acc] of this.#samples) samples[name] = acc.summary(name, describe(name));
    return {
      tool: toolInfo(),
      meta: context.meta,
      seed: context.seed,
      replications: this.#replications,
      workers: context.workers,
      elapsedMs: context.elapsedMs,
      stoppedBy: context.stoppedBy,
      kpis: this.kpiSummaries(describe),
      series,
      samples,
      reach: this.reachSummary(),
      costRows: this.#costs.meanRows(),
    };
  }
}
