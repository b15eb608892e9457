import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.ts";
import { runMain } from "./run-main.ts";
import { hasStackTrace, ROOT, runCli } from "./spawn-cli.ts";

const version = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { version: string }).version;

describe("scalesim usage", () => {
  it("--help lists every command and exits 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^\\s+${command.name}\\b`, "m"));
    expect(result.stderr).toBe("");
  });

  it("run --help lists the run options and examples", async () => {
    const result = await runCli(["run", "--help"]);
    expect(result.code).toBe(0);
    for (const flag of [
      "--replications",
      "--workers",
      "--seed",
      "--out",
      "--format",
      "--json",
      "--until-ci",
      "--replay",
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout.replace(/\s+/g, " ")).toContain("(default: number of CPUs)");
  });

  it("--version prints the package version", async () => {
    const result = await runCli(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it("an unknown option exits 2 with a readable message and no stack trace", async () => {
    const result = await runCli(["run", "level-3", "--replicashuns", "5"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--replicashuns'");
    expect(result.stderr).toContain("--replications");
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe("");
  });

  it("an unknown command exits 2 and suggests the closest one", async () => {
    const result = await runCli(["rnu"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'rnu'");
    expect(result.stderr).toContain("run");
  });

  it("a bad option value exits 2 with the reason and no stack trace", async () => {
    const result = await runCli(["run", "level-3", "-n", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "option '-n, --replications <count>' argument '0' is invalid. replications must be between 1 and 1000000, got 0",
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it.each([
    [["run", "level-3", "-n", "ten"], 'must be an integer, got "ten"'],
    [["run", "level-3", "--seed", "-1"], "seed must be between 0 and 4294967295"],
    [["run", "level-3", "--format", "html,pdf"], 'unknown format "pdf"'],
    [["run", "level-3", "--until-ci", "2"], "relative half-width must be a fraction in (0, 1)"],
    [["sweep", "x.yaml", "--shard", "3/2"], "shard k/n needs 1 <= k <= n, got 3/2"],
    [["init", "--preset"], "option '-p, --preset <name>' argument missing"],
    [["schema", "--replay", "3"], "unknown option '--replay'"],
    [["run", "level-1", "--ci-kpis", " , "], "KPI list is empty"],
  ])("rejects %j with exit 2 before doing anything (in-process)", async (args, message) => {
    const result = await runMain(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("a missing required argument exits 2", async () => {
    const result = await runCli(["compare", "level-3"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument");
  });
});
