/**
 * Runs one invocation of `scalesim`: parses the arguments, runs the command and turns every outcome into an
 * exit code (see `exit-codes.ts`). Bad input and usage errors are printed as text, never as a stack trace.
 */
import { CommanderError } from "commander";
import type { CliContext } from "./context.ts";
import { CliError, ExitCode } from "./exit-codes.ts";
import { finishedDespiteInterrupt, internalError, interrupted } from "./messages.ts";
import { buildProgram } from "./program.ts";

/** Commander codes that mean "printed what was asked" rather than an error. */
const SUCCESS_CODES = new Set(["commander.helpDisplayed", "commander.version"]);

function isAbort(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "AbortError" || (error as { code?: unknown }).code === "ABORT_ERR")
  );
}

/**
 * Runs the command line `argv` (without the node and script paths) and returns the exit code.
 * Never throws; only `bin.ts` calls `process.exit`.
 */
export async function main(argv: readonly string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: "user" });
    // commands stop by throwing when Ctrl-C comes before their report is written; one that returned normally
    // finished its report (a Ctrl-C during the write waits for it), so the truthful outcome is success
    if (context.signal.aborted) context.stderr(`${finishedDespiteInterrupt()}\n`);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (SUCCESS_CODES.has(error.code)) return ExitCode.ok;
      if (error.code === "commander.help" && error.exitCode === 0) return ExitCode.ok;
      return ExitCode.usage;
    }
    if (isAbort(error) || (context.signal.aborted && !(error instanceof CliError))) {
      context.stderr(`${interrupted()}\n`);
      return ExitCode.interrupted;
    }
    if (error instanceof CliError) {
      context.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    context.stderr(`${internalError(detail)}\n`);
    if (process.env.SCALESIM_DEBUG && error instanceof Error && error.stack)
      context.stderr(`${error.stack}\n`);
    return ExitCode.runFailed;
  }
}
