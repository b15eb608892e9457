/**
 * Translates parsed command-line options into the Monte Carlo layer's run options: replication count, seed,
 * workers (default: all CPUs), the `--until-ci` stopping rule, the abort signal and the progress callback.
 */
import { availableParallelism } from "node:os";
import { runScenario } from "../montecarlo/run-scenario.ts";
import { suggest } from "../scenario/index.ts";
import type { CliContext } from "./context.ts";
import { CliError, ExitCode } from "./exit-codes.ts";
import { unknownCiKpi } from "./messages.ts";
import {
  DEFAULT_CI_KPIS,
  DEFAULT_MAX_REPLICATIONS,
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  type ParsedOptions,
} from "./options.ts";
import type { ProgressUpdate } from "./progress.ts";

/**
 * Turns the Monte Carlo layer's RangeError about options into a usage error; an unknown `--ci-kpis` name gets a
 * did-you-mean instead of the full list of KPI names.
 */
export function optionProblem(error: RangeError): CliError {
  const unknown = /no KPI named "([^"]+)"; known KPIs: (.*)$/s.exec(error.message);
  if (!unknown) return new CliError(ExitCode.usage, error.message);
  const known = unknown[2]!.split(", ");
  return new CliError(ExitCode.usage, unknownCiKpi(unknown[1]!, suggest(unknown[1]!, known)));
}

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
      kpis: [...(options.ciKpis ?? DEFAULT_CI_KPIS)],
      maxReplications: options.maxReplications ?? DEFAULT_MAX_REPLICATIONS,
    };
  }
  return result;
}

/**
 * Checks the `--ci-kpis` names before the run: one probe replication (replication 0, on a worker thread, so
 * Ctrl-C still stops it at once) tells which KPIs the model reports for `scenario`. Without the check an unknown
 * name surfaces only once the minimum replications of `--until-ci` are done. Only with `--until-ci`.
 * @throws CliError (exit 2) naming the unknown KPI with a did-you-mean
 */
export async function assertCiKpisKnown(
  scenario: object,
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  if (options.untilCi === undefined || options.ciKpis === undefined) return;
  const probe = await runScenario(scenario, {
    replications: 1,
    seed: options.seed ?? DEFAULT_SEED,
    workers: 1,
    signal: context.signal,
  });
  context.signal.throwIfAborted();
  const known = Object.keys(probe.kpis);
  for (const name of options.ciKpis) {
    if (!known.includes(name)) throw new CliError(ExitCode.usage, unknownCiKpi(name, suggest(name, known)));
  }
}
