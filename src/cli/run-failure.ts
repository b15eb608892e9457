/**
 * Turns a failed replication (the Monte Carlo layer's `ReplicationError`, carrying replication index and seed)
 * into exit code 1 with a message that says how to rerun that one replication alone with its trace.
 */
import { ReplicationError } from "../montecarlo/replication-error.ts";
import { CliError, ExitCode } from "./exit-codes.ts";
import { replicationFailed } from "./messages.ts";

/** Quotes one shell word when it needs it (POSIX single quotes). */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that reruns replication `replication` of `scenarioArgument` with master seed `seed`. */
export function replayCommand(scenarioArgument: string, seed: number, replication: number): string {
  return [
    "scalesim",
    "run",
    shellWord(scenarioArgument),
    "--seed",
    String(seed),
    "--replay",
    String(replication),
  ].join(" ");
}

/**
 * Converts `error` into a `CliError` with exit code 1 when it is a failed replication (its seed is the run's master
 * seed); other errors are returned unchanged. `argumentFor` picks the scenario argument to replay (by the scenario name the error names, if any).
 */
export function explainFailure(
  error: unknown,
  argumentFor: (scenarioName: string | undefined) => string,
): unknown {
  if (!(error instanceof ReplicationError)) return error;
  const cause = error.cause instanceof Error ? error.cause.message : error.message;
  const message = replicationFailed(
    cause,
    error.replication,
    error.seed,
    replayCommand(argumentFor(error.scenario), error.seed, error.replication),
  );
  return new CliError(ExitCode.runFailed, message, { cause: error });
}
