import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-ladder-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scalesim run --ladder", () => {
  it("prints the ladder with the mechanisms that differ and writes ladder.md next to the comparison report", async () => {
    const out = join(work, "ladder");
    const scenario = join(work, "short.yaml");
    writeFileSync(scenario, "extends: [level-3, demand-level-3]\nname: short\nhorizonMonths: 12\n");
    const result = await runCli([
      "run",
      scenario,
      "--ladder",
      "-n",
      "2",
      "-w",
      "1",
      "--format",
      "json",
      "-o",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toContain("# Maturity ladder on short's demand");
    expect(result.stdout).toMatch(/\| level-5 \| /);
    expect(result.stdout).toContain("- `lifecycle.featureStore.enabled`: false / false / true / true / true");
    expect(readFileSync(join(out, "ladder.md"), "utf8")).toContain(
      "Mechanisms that differ between the levels",
    );
    expect(existsSync(join(out, "summary.json"))).toBe(true);
  }, 120_000);

  it("refuses a scenario without staff with exit 2 and a message, not a stack trace", async () => {
    const scenario = join(work, "nobody.yaml");
    writeFileSync(scenario, "extends: level-1\norganisation: { pilotTeams: { maxConcurrent: 0 } }\n");
    const result = await runCli(["run", scenario, "--ladder", "-n", "1", "-o", join(work, "nobody")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("positive staff budget");
    expect(hasStackTrace(result.stderr)).toBe(false);
  }, 60_000);
});
