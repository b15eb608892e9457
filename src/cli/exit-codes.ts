/**
 * Exit codes of the `scalesim` command and the one error type the command layer throws to choose one.
 * Conventions: 0 success, 1 a run failed, 2 bad input or usage (BSD sysexits folded into one code, as
 * commander and most CLIs do), 130 = 128 + SIGINT (POSIX shell convention for death by signal 2).
 */

/** The process exit codes `scalesim` uses. */
export const ExitCode = {
  ok: 0,
  runFailed: 1,
  usage: 2,
  claimsNotHolding: 3,
  interrupted: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error whose message is meant for the user as is (no stack trace) and that decides the exit code.
 * Commands throw it for bad input (exit 2) and failed runs (exit 1); `main` prints the message to stderr.
 */
export class CliError extends Error {
  /** Exit code the process ends with. */
  readonly exitCode: ExitCodeValue;

  /**
   * @param exitCode - exit code for the process
   * @param message - complete user-facing text, possibly several lines
   * @param options - standard error options (`cause` keeps the original error for debugging)
   */
  constructor(exitCode: ExitCodeValue, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** What each exit code means, for `--help` and the README reference. */
export const EXIT_CODE_MEANINGS: readonly { code: ExitCodeValue; meaning: string }[] = [
  { code: ExitCode.ok, meaning: "success" },
  {
    code: ExitCode.runFailed,
    meaning:
      "a replication failed; the message names its index and seed and the `--replay` command that reproduces it",
  },
  {
    code: ExitCode.usage,
    meaning:
      "bad input or usage: invalid scenario (listed as file:line:column, path, value, what is allowed), unknown option or command, bad option value",
  },
  {
    code: ExitCode.claimsNotHolding,
    meaning: "`scalesim claims --strict`: a claim fails or stays undecided (the report is written)",
  },
  {
    code: ExitCode.interrupted,
    meaning:
      "interrupted by Ctrl-C (SIGINT) or SIGTERM before the report was written; workers stopped, no partial report left (a Ctrl-C while the report is being written lets it finish, exit 0)",
  },
];
