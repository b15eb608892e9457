/**
 * Spawns the real `scalesim` command the way a user of a clone runs it (`node src/cli/from-sources.mjs ...`, what
 * `npm start` runs: the command's sources bundled once and cached), with a timeout, and collects its exit code and
 * output. Not a test file: imported by the CLI tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Absolute path of the project root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Path of the command's entry point (run through tsx's loader by the queue tests' worker processes). */
export const BIN = `${ROOT}src/cli/bin.ts`;

/** Path of the command as `npm start` runs it from the sources (src/cli/from-sources.mjs). */
export const FROM_SOURCES = `${ROOT}src/cli/from-sources.mjs`;

/** What one invocation produced. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  cwd?: string;
  timeoutMs?: number;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Called with the child and its stderr so far on every stderr chunk (to send signals mid-run). */
  onStderr?: (child: ChildProcess, stderrSoFar: string) => void;
  /** Called once with the child right after it started (to send signals on a timer). */
  onSpawn?: (child: ChildProcess) => void;
}

/** Runs `scalesim <args>` to completion (killed after `timeoutMs`, default 60 s). */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [FROM_SOURCES, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 60_000,
    });
    options.onSpawn?.(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(child, stderr);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** True when `text` looks like a JavaScript stack trace (what bad input must never print). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(]\d+:\d+\)?$/m.test(text);
}
