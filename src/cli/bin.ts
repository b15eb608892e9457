#!/usr/bin/env node
/**
 * Entry point of the `scalesim` command: connects the process (argv, streams, SIGINT and SIGTERM) to `main` and exits with
 * its code. The first Ctrl-C (or SIGTERM) aborts the running command cleanly (exit 130, no partial report; a report
 * already being written is finished first, exit 0); a second one
 * exits at once.
 */
import { ExitCode } from "./exit-codes.ts";
import { main } from "./main.ts";
import { packageInfo } from "./package-info.ts";
import { safeForTerminal } from "./terminal-text.ts";
import { applyV8Settings } from "./v8-settings.ts";

applyV8Settings();

const controller = new AbortController();
// SIGTERM (a batch scheduler or `kill`) gets the same clean stop as Ctrl-C: no partial report is left behind.
function onStopSignal(): void {
  if (controller.signal.aborted) {
    // the progress bar hides the cursor; give it back before leaving without cleanup
    if (process.stderr.isTTY) process.stderr.write("\u001b[?25h\n");
    process.exit(ExitCode.interrupted);
  }
  controller.abort();
}
process.on("SIGINT", onStopSignal);
process.on("SIGTERM", onStopSignal);

const code = await main(process.argv.slice(2), {
  // every line the command prints passes here: control characters from scenario text are shown, not obeyed
  stdout: (text) => process.stdout.write(safeForTerminal(text)),
  stderr: (text) => process.stderr.write(safeForTerminal(text)),
  stderrStream: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
  now: () => new Date(),
  version: packageInfo().version,
  signal: controller.signal,
  env: process.env,
});

// Exit once stdout has been flushed: a large --json summary on a pipe must arrive whole, and worker threads
// must not keep the process alive after the command is done.
process.stdout.write("", () => process.exit(code));
