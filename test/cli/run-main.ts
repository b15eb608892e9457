/**
 * Runs the command line in-process through `main` with a captured context: for the many small variations of
 * option parsing, where spawning a process per case would only repeat the startup. Not a test file.
 */
import { PassThrough } from "node:stream";
import { main } from "../../src/cli/main.ts";
import { ROOT } from "./spawn-cli.ts";

/** Exit code and captured output of one in-process invocation. */
export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `scalesim <argv>` in this process (stderr is not a terminal, no Ctrl-C). */
export async function runMain(argv: readonly string[], cwd: string = ROOT): Promise<MainResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stderrStream: new PassThrough(),
    stderrIsTTY: false,
    cwd,
    now: () => new Date("2027-01-01T00:00:00Z"),
    version: "0.0.0-test",
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}
