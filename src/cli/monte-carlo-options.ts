/**
 * Translates parsed command-line options into the Monte Carlo layer's run options: replication count, seed,
 * workers (default: all CPUs), the `--until-ci` stopping rule, the abort signal and the progress callback.
 */
import { availableParallelism } from "node:os";
import type { CliContext } from "./context.ts";
import {
  DEFAULT_MAX_REPLICATIONS,
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  type ParsedOptions,
} from "./options.ts";
import type { ProgressUpdate } from "./progress.ts";

/** KPIs whose precision `--until-ci` waits for (positive quantities, so a relative half-width is meaningful). */
export const UNTIL_CI_KPIS = ["delivered", "timeToMarketDays", "costPerDelivered", "roi"] as const;

/** The options object every Monte Carlo entry point accepts (src/montecarlo contract). */
export interface MonteCarloOptions {
  replications: number;
  seed: number;
  workers: number;
  signal: AbortSignal;
  onProgress: (progress: ProgressUpdate) => void;
  untilCi?: { relativeHalfWidth: number; kpis: string[]; maxReplications: number };
}

/** Builds the Monte Carlo options from `options`, filling in the documented defaults. */
export function monteCarloOptions(
  options: ParsedOptions,
  context: CliContext,
  onProgress: (progress: ProgressUpdate) => void,
  replicationsDefault: number = DEFAULT_REPLICATIONS,
): MonteCarloOptions {
  const result: MonteCarloOptions = {
    replications: options.replications ?? replicationsDefault,
    seed: options.seed ?? DEFAULT_SEED,
    workers: options.workers ?? availableParallelism(),
    signal: context.signal,
    onProgress,
  };
  if (options.untilCi !== undefined) {
    result.untilCi = {
      relativeHalfWidth: options.untilCi,
      kpis: [...UNTIL_CI_KPIS],
      maxReplications: options.maxReplications ?? DEFAULT_MAX_REPLICATIONS,
    };
  }
  return result;
}
