/**
 * The claims about one run, for its report's "against the guide" panel.
 *
 *   1. which claims: those of a claims file (by default the guide's) whose baseline or treatment IS the run's
 *      scenario, value for value: the canonical JSON the replication cache keys replications by, so a claim naming
 *      scenarios/retail.yaml is about a run of that file, of a copy of it, or of anything that loads to the same
 *      scenario, and about nothing else (an edited copy is another scenario: the guide's figures are not claimed
 *      for it). A claim that runs nothing (input or not-modelled without a metric) names its case study as its
 *      baseline to be listed;
 *   2. how: evaluateClaims, the evaluator and statistics of `scalesim claims`, at the run's seed with the run's
 *      replication count as both first batch and budget (no sequential extension) and no holds-only-if search. The
 *      run's own replications are handed to it for the run's scenario (they are replications 0..n - 1 on the same
 *      seed, the very ones `scalesim claims` would compute), so only the other scenario of a comparison runs.
 *
 * So a claim's estimate, CI and verdict in the panel equal those of `scalesim claims -n <n> -s <seed>` on that claim
 * whenever the interval decides at the first batch; an undecided claim there gets more replications, the panel
 * says "undecided at n replications".
 */
import { canonicalJson } from "../montecarlo/canonical-json.ts";
import type { ModelRef } from "../montecarlo/model-ref.ts";
import type { ProgressCallback } from "../montecarlo/progress.ts";
import type { ReplicationPool } from "../montecarlo/replication-pool.ts";
import type { Scenario } from "../scenario/schema.ts";
import { evaluateClaims } from "./evaluate-claims.ts";
import { type LoadedClaims, type ResolvedClaimScenario, scenarioOfBase } from "./load-claims.ts";
import type { CachedReplication } from "./replication-cache.ts";
import type { RunClaims } from "./types.ts";

/** The claims of `loaded` whose baseline or treatment is `scenario` (see the module comment), in file order. */
export function claimsAbout(loaded: LoadedClaims, scenario: Scenario): LoadedClaims {
  const key = canonicalJson(scenarioOfBase(scenario));
  // claims on the same file share its scenario object (load-claims.ts): serialise each object once
  const keys = new Map<Scenario, string>();
  const is = (side: ResolvedClaimScenario | undefined): boolean => {
    if (side === undefined) return false;
    let text = keys.get(side.scenario);
    if (text === undefined) {
      text = canonicalJson(side.scenario);
      keys.set(side.scenario, text);
    }
    return text === key;
  };
  return {
    ...loaded,
    claims: loaded.claims.filter((resolved) => is(resolved.baseline) || is(resolved.treatment)),
  };
}

/** The run the claims are about. */
export interface RunOfClaims {
  scenario: Scenario;
  seed: number;
  /** Replications the run folded (the panel's first batch and budget). */
  replications: number;
  /** The run's own replications 0..replications - 1, when kept (otherwise they run again). */
  records?: readonly CachedReplication[] | undefined;
}

/** Options of {@link evaluateRunClaims}. */
export interface RunClaimsOptions {
  workers?: number;
  /** A pool to run the missing replications on (not destroyed). */
  pool?: ReplicationPool;
  signal?: AbortSignal;
  model?: ModelRef;
  /** Progress of the replications the claims run (the other scenario of comparisons). */
  onProgress?: ProgressCallback;
}

/** The panel's claims, and what computing them cost. */
export interface RunClaimsOutcome {
  claims: RunClaims;
  /** Replications run for the claims (those the run's own replications did not serve). */
  ran: number;
  elapsedMs: number;
}

/**
 * The verdicts of `about` (claims about `run.scenario`, from {@link claimsAbout}) at the run's seed and replications.
 *
 * @throws {RangeError} when a claim's metric is not reported by the model.
 * @throws {ReplicationError} when a replication of another scenario throws.
 */
export async function evaluateRunClaims(
  about: LoadedClaims,
  run: RunOfClaims,
  options: RunClaimsOptions = {},
): Promise<RunClaimsOutcome> {
  let ran = 0;
  const summary = await evaluateClaims(about, {
    seed: run.seed,
    forceReplications: run.replications,
    forceMaxReplications: run.replications,
    discover: false,
    ...(run.records === undefined
      ? {}
      : { known: [{ scenario: scenarioOfBase(run.scenario), replications: run.records }] }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.pool === undefined ? {} : { pool: options.pool }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.model === undefined ? {} : { model: options.model }),
    onProgress: (progress) => {
      ran = progress.done;
      options.onProgress?.(progress);
    },
  });
  return {
    claims: {
      file: summary.file,
      name: summary.name,
      seed: summary.seed,
      replications: run.replications,
      counts: summary.counts,
      claims: summary.claims.map(({ distribution: _values, discovery: _search, ...claim }) => claim),
    },
    ran,
    elapsedMs: summary.elapsedMs,
  };
}
