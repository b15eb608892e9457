/**
 * Starts `scalesim worker` as a real process for the queue tests and lets them wait for its log lines. Not a
 * test file.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { BIN, ROOT } from "../cli/spawn-cli.ts";

/** A worker process and its stderr so far. */
export interface WorkerProcess {
  child: ChildProcess;
  log: () => string;
  /** Resolves when the log matches `pattern`. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  /** Sends `signal` and resolves with the exit code once the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `scalesim worker --queue <url> ...extra`. */
export function startWorker(url: string, extra: readonly string[] = []): WorkerProcess {
  const loader = pathToFileURL(`${ROOT}node_modules/tsx/dist/loader.mjs`).href;
  const child = spawn(process.execPath, ["--import", loader, BIN, "worker", "--queue", url, ...extra], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    for (const listener of [...listeners]) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    log: () => stderr,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (!pattern.test(stderr)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`worker log never matched ${pattern}:\n${stderr}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
