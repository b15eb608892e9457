/**
 * evaluateClaims: every claim of a loaded claims file gets a verdict.
 *
 *   1. not-modelled: no run; the reason says which mechanism is missing;
 *   2. tested (and input claims that name a metric, for display): the first batch of paired replications on common
 *      random numbers (claim-sampler.ts), the quantity and its 95% CI (claim-quantity.ts), the interval verdict
 *      (verdict.ts);
 *   3. undecided: more batches on the next replication indices (sequential sampling on the same streams) until the
 *      interval decides or the budget is spent. Repeated looks at a growing sample make the nominal 95% optimistic
 *      (A. Wald, "Sequential Analysis", 1947; Law, "Simulation Modeling and Analysis", 5th ed., section 9.4.1 on
 *      sequential procedures): the budget bounds how many looks a claim gets, and the replications used are reported;
 *   4. fails or undecided with conditions: holds-only-if search (discover-region.ts); a box found turns the verdict
 *      into holds-only-if;
 *   5. input claims are never reported as holding: their verdict is `input` whatever the run shows.
 *
 * Claims run concurrently on one pool; each claim's figures depend only on the seed and its own replication counts,
 * never on the worker count or on the other claims.
 */
import { canonicalJson } from "../montecarlo/canonical-json.ts";
import { type DescribeMetric, defaultDescribeMetric } from "../montecarlo/describe-metric.ts";
import { type ModelRef, resolveModel } from "../montecarlo/model-ref.ts";
import type { ProgressCallback } from "../montecarlo/progress.ts";
import { ReplicationPool } from "../montecarlo/replication-pool.ts";
import { DEFAULT_SEED } from "../montecarlo/run-options.ts";
import { toolInfo } from "../montecarlo/tool-info.ts";
import type { Scenario } from "../scenario/schema.ts";
import { claimQuantity, claimQuantityValues } from "./claim-quantity.ts";
import { type ClaimMetric, type PairedValues, samplePairs } from "./claim-sampler.ts";
import { discoverRegion } from "./discover-region.ts";
import type { LoadedClaims, ResolvedClaim, ResolvedClaimScenario } from "./load-claims.ts";
import { type CachedReplication, ReplicationCache } from "./replication-cache.ts";
import {
  type ClaimResult,
  type ClaimScenarioInfo,
  type ClaimsSummary,
  VERDICTS,
  type Verdict,
} from "./types.ts";
import { claimBand, intervalVerdict } from "./verdict.ts";

/** Replications of a claim's first batch when neither the claim, the file nor the caller sets them. */
export const DEFAULT_CLAIM_REPLICATIONS = 50;

/** Budget of sequential sampling, as a multiple of the first batch, when none is set. */
export const DEFAULT_BUDGET_FACTOR = 4;

/** Per-replication values kept for the distribution chart. */
const MAX_DISTRIBUTION = 2000;

/** Options of {@link evaluateClaims}. */
export interface EvaluateClaimsOptions {
  /** First batch per claim, unless the claim or file sets it ({@link DEFAULT_CLAIM_REPLICATIONS}). */
  replications?: number;
  /** Overrides every claim's and the file's first batch (the command line's -n). */
  forceReplications?: number;
  /** Replication budget per claim unless set in the file ({@link DEFAULT_BUDGET_FACTOR} x the first batch). */
  maxReplications?: number;
  /** Overrides every claim's and the file's budget (the command line's -n sets it to 4 x n). */
  forceMaxReplications?: number;
  /** Overrides the file's holds-only-if design (points and replications per point), e.g. for quick checks. */
  forceDiscovery?: { points: number; replicationsPerPoint: number };
  seed?: number;
  workers?: number;
  /** Replication function by module (default: the model's simulate). */
  model?: ModelRef;
  /** An existing pool (not destroyed); by default one is created and destroyed. */
  pool?: ReplicationPool;
  signal?: AbortSignal;
  /** Called after every replication; `total` grows when a claim adds replications. */
  onProgress?: ProgressCallback;
  describe?: DescribeMetric;
  /**
   * False skips the holds-only-if search (a run's claims panel reports the interval verdict at the run's
   * replications); default true.
   */
  discover?: boolean;
  /** Replications that already ran on this seed (replications 0..n - 1 of the scenario), reused, not rerun. */
  known?: ReadonlyArray<{ scenario: Scenario; replications: readonly CachedReplication[] }>;
}

/**
 * Evaluates every claim of `loaded` (see the module comment).
 *
 * @throws {RangeError} when a claim's metric is not reported by the model, or a holds-only-if point is invalid.
 * @throws {ReplicationError} when a replication throws.
 */
export async function evaluateClaims(
  loaded: LoadedClaims,
  options: EvaluateClaimsOptions = {},
): Promise<ClaimsSummary> {
  const startedAt = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const describe = options.describe ?? defaultDescribeMetric();
  const pool = options.pool ?? new ReplicationPool(options.workers);
  const firstBatch = (resolved: ResolvedClaim): number =>
    options.forceReplications ??
    resolved.claim.replications ??
    loaded.settings.replications ??
    options.replications ??
    DEFAULT_CLAIM_REPLICATIONS;
  // progress: replications folded against a total that grows as claims add batches
  let done = 0;
  let total = 0;
  // a scenario several claims share runs once (replication-cache.ts): plan each distinct scenario's largest batch
  const planned = new Map<string, number>();
  for (const resolved of loaded.claims) {
    if (!runs(resolved)) continue;
    for (const scenario of [resolved.baseline, resolved.treatment]) {
      if (scenario === undefined) continue;
      const key = canonicalJson(scenario.scenario);
      planned.set(key, Math.max(planned.get(key) ?? 0, firstBatch(resolved)));
    }
    if (
      resolved.claim.conditions !== undefined &&
      resolved.claim.status === "test" &&
      options.discover !== false
    )
      total +=
        (options.forceDiscovery?.points ?? loaded.settings.points) *
        (options.forceDiscovery?.replicationsPerPoint ?? loaded.settings.pointReplications) *
        (resolved.treatment ? 2 : 1);
  }
  const knownCount = new Map(
    (options.known ?? []).map(({ scenario, replications }) => [canonicalJson(scenario), replications.length]),
  );
  for (const [key, count] of planned) total += Math.max(0, count - (knownCount.get(key) ?? 0));
  const progress = (count: number, grow = 0): void => {
    done += count;
    total += grow;
    if (options.onProgress === undefined) return;
    const seconds = (performance.now() - startedAt) / 1000;
    const perSecond = seconds > 0 ? done / seconds : 0;
    options.onProgress({
      done,
      total: Math.max(total, done),
      perSecond,
      etaSeconds: perSecond > 0 ? Math.max(0, total - done) / perSecond : 0,
    });
  };
  const cache = new ReplicationCache({
    pool,
    model: resolveModel(options.model),
    seed,
    signal: options.signal,
    onReplication: () => progress(1),
  });
  for (const { scenario, replications } of options.known ?? []) cache.add(scenario, 0, replications);
  let cancelled = false;
  try {
    const claims = await Promise.all(
      loaded.claims.map((resolved) =>
        evaluateOne(resolved, {
          cache,
          describe,
          first: firstBatch(resolved),
          budget: (first) =>
            Math.max(
              first,
              options.forceMaxReplications ??
                resolved.claim.maxReplications ??
                loaded.settings.maxReplications ??
                options.maxReplications ??
                DEFAULT_BUDGET_FACTOR * first,
            ),
          settings:
            options.forceDiscovery === undefined
              ? loaded.settings
              : {
                  ...loaded.settings,
                  points: options.forceDiscovery.points,
                  pointReplications: options.forceDiscovery.replicationsPerPoint,
                },
          grow: (count) => progress(0, count),
          seed,
          discover: options.discover ?? true,
        }),
      ),
    );
    cancelled = options.signal?.aborted === true;
    const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
    for (const claim of claims) counts[claim.verdict]++;
    return {
      tool: toolInfo(),
      name: loaded.name,
      file: loaded.file,
      seed,
      replications:
        options.forceReplications ??
        loaded.settings.replications ??
        options.replications ??
        DEFAULT_CLAIM_REPLICATIONS,
      elapsedMs: performance.now() - startedAt,
      counts,
      claims,
    };
  } catch (error) {
    cancelled = true;
    throw error;
  } finally {
    if (options.pool === undefined || cancelled) await pool.destroy();
  }
}

interface ClaimRun {
  cache: ReplicationCache;
  describe: DescribeMetric;
  first: number;
  budget: (first: number) => number;
  settings: LoadedClaims["settings"];
  grow: (count: number) => void;
  seed: number;
  discover: boolean;
}

/** True when the claim runs replications: a metric, a baseline and a band, and not not-modelled. */
function runs(resolved: ResolvedClaim): boolean {
  const { claim } = resolved;
  return (
    claim.status !== "not-modelled" &&
    resolved.baseline !== undefined &&
    claim.metric !== undefined &&
    claim.expect !== undefined
  );
}

async function evaluateOne(resolved: ResolvedClaim, run: ClaimRun): Promise<ClaimResult> {
  const { claim } = resolved;
  const result: ClaimResult = {
    id: claim.id,
    text: claim.text,
    source: claim.source,
    status: claim.status,
    verdict: claim.status === "test" ? "undecided" : claim.status,
    measure: claim.measure,
    replications: 0,
    scenarios: {},
  };
  if (claim.section !== undefined) result.section = claim.section;
  if (claim.reason !== undefined) result.reason = claim.reason;
  if (resolved.baseline !== undefined) result.scenarios.baseline = scenarioInfo(resolved.baseline);
  if (resolved.treatment !== undefined) result.scenarios.treatment = scenarioInfo(resolved.treatment);
  if (!runs(resolved)) return result;
  const metric: ClaimMetric = { name: claim.metric! };
  if (claim.month !== undefined) metric.month = claim.month;
  const info = run.describe(claim.metric!.startsWith("series.") ? claim.metric!.slice(7) : claim.metric!);
  result.metric = claim.metric!;
  if (claim.month !== undefined) result.month = claim.month;
  result.label = info.label;
  if (claim.measure === "value" || claim.measure === "difference") result.unit = info.unit;
  else result.unit = claim.measure === "ratio" ? "multiple" : "ratio";
  const band = claimBand(claim.expect!);
  result.band = band;
  const scenarios = { baseline: resolved.baseline!.scenario, treatment: resolved.treatment?.scenario };
  const budget = claim.status === "test" ? run.budget(run.first) : run.first;
  result.budget = budget;

  // 2-3: first batch, then more until the interval decides or the budget is spent
  const values: PairedValues = { baseline: [] };
  if (scenarios.treatment !== undefined) values.treatment = [];
  let verdict: Verdict = "undecided";
  while (values.baseline.length < budget) {
    const n = values.baseline.length;
    const count = n === 0 ? run.first : Math.min(run.first, budget - n);
    if (n > 0) run.grow(count * (scenarios.treatment === undefined ? 1 : 2));
    const batch = await samplePairs(run.cache, metric, scenarios, n, count);
    values.baseline.push(...batch.baseline);
    if (batch.treatment !== undefined) values.treatment!.push(...batch.treatment);
    const q = claimQuantity(claim.measure, values.baseline, values.treatment);
    result.estimate = q.estimate;
    result.ci = [q.low, q.high];
    verdict = intervalVerdict(q.low, q.high, band);
    if (verdict !== "undecided" || claim.status !== "test") break;
  }
  result.replications = values.baseline.length;
  result.distribution = claimQuantityValues(claim.measure, values.baseline, values.treatment).slice(
    0,
    MAX_DISTRIBUTION,
  );
  if (claim.status !== "test") return result;
  result.verdict = verdict;

  // 4: holds only if
  if (verdict !== "holds" && claim.conditions !== undefined && run.discover) {
    const settings = run.settings;
    const discovery = await discoverRegion(
      {
        claimId: claim.id,
        conditions: claim.conditions,
        band,
        points: settings.points,
        replicationsPerPoint: settings.pointReplications,
        threshold: settings.threshold,
        seed: run.seed,
        baseline: scenarios.baseline,
        treatment: scenarios.treatment,
      },
      async (point) => {
        const sample = await samplePairs(run.cache, metric, point, 0, settings.pointReplications);
        return claimQuantity(claim.measure, sample.baseline, sample.treatment).estimate;
      },
    );
    result.discovery = discovery;
    if (discovery.region !== undefined) {
      result.verdict = "holds-only-if";
      result.region = discovery.region.map(({ path, min, max }) => ({ path, min, max }));
      result.coverage = discovery.coverage!;
      result.density = discovery.density!;
    }
  }
  return result;
}

function scenarioInfo(resolved: ResolvedClaimScenario): ClaimScenarioInfo {
  return { ref: resolved.ref, name: resolved.scenario.name, set: resolved.set };
}
