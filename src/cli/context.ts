/**
 * What a command may touch of the outside world, passed in explicitly so that `bin.ts` is the only file that
 * reads `process`: output streams, whether stderr is a terminal, the working directory, the clock, the version
 * and the abort signal raised by Ctrl-C.
 */

/** The outside world as seen by one command invocation. */
export interface CliContext {
  /** Writes text to standard output as is (no newline added). */
  stdout: (text: string) => void;
  /** Writes text to standard error as is (no newline added). */
  stderr: (text: string) => void;
  /** Standard error as a stream, for the progress bar. */
  stderrStream: NodeJS.WritableStream;
  /** True when standard error is a terminal (progress bar instead of progress lines). */
  stderrIsTTY: boolean;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Current time, for default output directory names. */
  now: () => Date;
  /** Version of the installed package. */
  version: string;
  /** Aborted when the user presses Ctrl-C (SIGINT). */
  signal: AbortSignal;
  /** Environment variables (for `--shard-from-env`); none when omitted. */
  env?: Readonly<Record<string, string | undefined>>;
}
