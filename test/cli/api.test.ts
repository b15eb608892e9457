/**
 * The programmatic API (src/index.ts): everything the command line uses is exported, and importing it has no
 * side effects (no output, no signal handlers, nothing keeping the process alive).
 */
import { execFile } from "node:child_process";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "./spawn-cli.ts";

const run = promisify(execFile);

describe("src/index.ts", () => {
  it("exports the loader, simulation, Monte Carlo and report functions", async () => {
    const api = await import("../../src/index.ts");
    for (const name of [
      "loadScenario",
      "parseScenario",
      "formatIssues",
      "presetNames",
      "presetDocument",
      "scenarioJsonSchema",
      "simulate",
      "runScenario",
      "compareScenarios",
      "runSweep",
      "mergeSweeps",
      "replay",
      "writeRunReport",
      "writeCompareReport",
      "writeSweepReport",
    ]) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(api.ReplicationError.prototype).toBeInstanceOf(Error);
  });

  it("can be imported without output, handlers or open handles", async () => {
    const loader = pathToFileURL(`${ROOT}node_modules/tsx/dist/loader.mjs`).href;
    const probe = async (before: string) => {
      const script = [
        before,
        'const handlers = ["SIGINT", "SIGTERM", "exit", "uncaughtException"].map((e) => process.listenerCount(e));',
        "process.stderr.write(JSON.stringify(handlers));",
      ].join("\n");
      const { stdout, stderr } = await run(
        process.execPath,
        ["--import", loader, "--input-type=module", "-e", script],
        {
          cwd: ROOT,
          timeout: 30_000,
        },
      );
      return { stdout, handlers: JSON.parse(stderr) as number[] };
    };
    // tsx registers handlers of its own: compare with a process that imports nothing
    const baseline = await probe("");
    const imported = await probe(
      `await import(${JSON.stringify(pathToFileURL(`${ROOT}src/index.ts`).href)});`,
    );
    expect(imported.stdout).toBe("");
    expect(imported.handlers).toEqual(baseline.handlers);
  });
});
