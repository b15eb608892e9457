/**
 * compareScenarios: two or more scenarios on common random numbers (CRN). Replication i of every scenario runs
 * in the same batch with the same master seed, so it draws from the same named streams; every KPI of every
 * alternative is then compared with the first scenario by the paired difference (paired-difference.ts).
 *
 * CRN evidence (`crnCheck`): the first alternative is run again with an independent master seed (seed + 1;
 * stream seeds are hashes of (seed, replication, name), so any other seed gives unrelated streams) on the same
 * budget of replications, and the CI half-width of the mean difference is reported for both designs
 * (A. M. Law, "Simulation Modeling and Analysis", 5th ed., section 11.2: CRN reduces Var(d) when the
 * responses are positively correlated).
 */
import type { ResultMeta } from "../model/result.ts";
import { defaultDescribeMetric } from "./describe-metric.ts";
import { resolveModel } from "./model-ref.ts";
import { PairedDifference } from "./paired-difference.ts";
import { PairedReach } from "./paired-reach.ts";
import { automaticThresholds } from "./reach-counter.ts";
import { ReplicationPool } from "./replication-pool.ts";
import { RunAggregator } from "./run-aggregator.ts";
import { runBatches } from "./run-batches.ts";
import {
  DEFAULT_SEED,
  defaultBatchSize,
  plannedTotal,
  precisionRule,
  type RunOptions,
} from "./run-options.ts";
import { scenarioName } from "./run-scenario.ts";
import { defaultSummaryRoles } from "./summary-roles.ts";
import { toolInfo } from "./tool-info.ts";
import type { CompareSummary, KpiDifference, ReachDifference } from "./types.ts";

/** Options of a comparison: the run options plus the optional CRN evidence. */
export interface CompareOptions extends RunOptions {
  /**
   * Also run the first alternative on independent seeds and report `crnEffect` (costs one more run), on the
   * KPI named, else the model's declared CRN KPI (summary-roles.ts), else the first KPI.
   */
  crnCheck?: boolean | { kpi: string };
}

/**
 * Runs every scenario on the same seeds and reports each scenario's RunSummary plus, for every KPI, the paired
 * difference of every alternative against the first scenario. With `untilCi`, every scenario's chosen KPIs
 * must reach the precision. Cancellation returns what was folded (stoppedBy "cancelled" in each summary).
 *
 * @throws {RangeError} with fewer than two scenarios or invalid options.
 * @throws {ReplicationError} when a replication of any scenario throws.
 */
export async function compareScenarios(
  scenarios: readonly object[],
  options: CompareOptions = {},
): Promise<CompareSummary> {
  if (scenarios.length < 2)
    throw new RangeError(`compareScenarios needs at least 2 scenarios, got ${scenarios.length}`);
  const total = plannedTotal(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const startedAt = performance.now();
  const describe = options.describe ?? defaultDescribeMetric();
  const roles = defaultSummaryRoles();
  const aggregation = { ...options, reachSeries: options.reachSeries ?? roles.reachSeries };
  const aggregators = scenarios.map(() => new RunAggregator(aggregation));
  const pairs = scenarios.map(() => new Map<string, PairedDifference>());
  const reachPairs = scenarios.map(() => new PairedReach());
  const reachSeries = aggregation.reachSeries;
  const crnKpi = typeof options.crnCheck === "object" ? options.crnCheck.kpi : undefined;
  const baselineValues: number[] = [];
  const pool = options.pool ?? new ReplicationPool(options.workers);
  const model = resolveModel(options.model);
  const batchSize = options.batchSize ?? defaultBatchSize(total);
  let metas: ResultMeta[] = [];
  let crnName: string | undefined;
  let cancelled = false;
  try {
    const outcome = await runBatches(pool, {
      model,
      scenarios: [...scenarios],
      seeds: scenarios.map(() => seed),
      names: scenarios.map(scenarioName),
      total,
      batchSize,
      onReplication: (records, batchMetas) => {
        if (metas.length === 0) metas = batchMetas;
        const base = records[0]!;
        records.forEach((record, s) => {
          aggregators[s]!.add(record);
          if (s === 0) return;
          const baseReach = base.series[reachSeries];
          const altReach = record.series[reachSeries];
          if (baseReach !== undefined && altReach !== undefined) reachPairs[s]!.add(baseReach, altReach);
          for (const name in base.kpis) {
            if (!(name in record.kpis)) continue;
            let pair = pairs[s]!.get(name);
            if (pair === undefined) {
              pair = new PairedDifference();
              pairs[s]!.set(name, pair);
            }
            pair.add(base.kpis[name]!, record.kpis[name]!);
          }
        });
        if (options.crnCheck !== undefined && options.crnCheck !== false) {
          crnName ??= crnKpi ?? (roles.crnKpi in base.kpis ? roles.crnKpi : Object.keys(base.kpis)[0]);
          baselineValues.push(crnName === undefined ? Number.NaN : (base.kpis[crnName] ?? Number.NaN));
        }
      },
      // the aggregators and pairs copy what they keep
      recycleRecords: true,
      shouldStop: combinedRule(options, aggregators),
      signal: options.signal,
      onProgress: options.onProgress,
    });
    cancelled = outcome.stoppedBy === "cancelled";
    if (metas.length === 0) throw options.signal?.reason ?? new Error("no replication finished");
    const names = metas.map((meta) => meta.scenarioName);
    const differences: KpiDifference[] = [];
    pairs.forEach((byKpi, s) => {
      for (const [name, pair] of byKpi)
        differences.push(pair.summary(name, names[0]!, names[s]!, describe(name)));
    });
    const elapsedMs = performance.now() - startedAt;
    const summary: CompareSummary = {
      tool: toolInfo(),
      seed,
      replications: aggregators[0]!.replications,
      scenarios: aggregators.map((aggregator, s) =>
        aggregator.summarize({
          meta: metas[s]!,
          seed,
          workers: pool.workers,
          elapsedMs,
          stoppedBy: outcome.stoppedBy,
          describe,
        }),
      ),
      differences,
    };
    shareReachThresholds(summary, aggregators, options.reachTargets);
    const reachDifferences = reachPairs
      .slice(1)
      .flatMap((pair, i) =>
        pair.replications === 0
          ? []
          : summary.scenarios[0]!.reach.thresholds.map(
              (threshold): ReachDifference => pair.summary(reachSeries, threshold, names[0]!, names[i + 1]!),
            ),
      );
    if (reachDifferences.length > 0) summary.reachDifferences = reachDifferences;
    if (!cancelled && crnName !== undefined && baselineValues.length > 1) {
      const independent = await independentHalfWidth(pool, {
        model,
        scenario: scenarios[1]!,
        seed: seed === Number.MAX_SAFE_INTEGER ? seed - 1 : seed + 1,
        kpi: crnName,
        baselineValues,
        batchSize,
        signal: options.signal,
      });
      cancelled = independent === undefined;
      if (independent !== undefined) {
        summary.crnEffect = {
          kpi: crnName,
          halfWidthCommon: pairs[1]!.get(crnName)?.halfWidth95 ?? Number.NaN,
          halfWidthIndependent: independent,
        };
      }
    }
    return summary;
  } finally {
    if (options.pool === undefined || cancelled) await pool.destroy();
  }
}

/**
 * Gives every scenario the same reach thresholds, so their S-curves can be drawn on one chart and compared: the
 * user's targets, else the thresholds chosen from the smallest final-month P95 of the scenarios together with
 * those chosen from the largest (so the slower scenario's range is covered too).
 */
function shareReachThresholds(
  summary: CompareSummary,
  aggregators: readonly RunAggregator[],
  targets: readonly number[] | undefined,
): void {
  if (targets !== undefined) return;
  const finals = aggregators.map((aggregator) => aggregator.reachFinalP95()).filter(Number.isFinite);
  if (finals.length === 0) return;
  const thresholds = [
    ...new Set([...automaticThresholds(Math.min(...finals)), ...automaticThresholds(Math.max(...finals))]),
  ].sort((x, y) => x - y);
  aggregators.forEach((aggregator, s) => {
    summary.scenarios[s]!.reach = aggregator.reachSummary(thresholds);
  });
}

function combinedRule(
  options: RunOptions,
  aggregators: RunAggregator[],
): ((done: number) => boolean) | undefined {
  const rules = aggregators.map((aggregator) =>
    precisionRule(
      options.untilCi,
      (name) => aggregator.kpi(name),
      () => aggregator.kpiNames(),
      defaultSummaryRoles().precisionKpis,
    ),
  );
  if (rules[0] === undefined) return undefined;
  return (done) => rules.every((rule) => rule!(done));
}

interface IndependentRun {
  model: ReturnType<typeof resolveModel>;
  scenario: object;
  seed: number;
  kpi: string;
  baselineValues: number[];
  batchSize: number;
  signal: AbortSignal | undefined;
}

// The alternative on its own seed, paired by index with the baseline values of the CRN run.
async function independentHalfWidth(pool: ReplicationPool, run: IndependentRun): Promise<number | undefined> {
  const pair = new PairedDifference();
  let index = 0;
  const outcome = await runBatches(pool, {
    model: run.model,
    scenarios: [run.scenario],
    seeds: [run.seed],
    names: [scenarioName(run.scenario)],
    total: run.baselineValues.length,
    batchSize: run.batchSize,
    onReplication: (records) => {
      pair.add(run.baselineValues[index++]!, records[0]!.kpis[run.kpi] ?? Number.NaN);
    },
    signal: run.signal,
  });
  return outcome.stoppedBy === "cancelled" ? undefined : pair.halfWidth95;
}
