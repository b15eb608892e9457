import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./run-main.ts";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-compare-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scalesim compare", () => {
  it("--json reports paired differences of every alternative against the baseline", async () => {
    const out = join(work, "json");
    const result = await runCli([
      "compare",
      "level-1",
      "level-2",
      "-n",
      "3",
      "-w",
      "1",
      "--format",
      "json",
      "-o",
      out,
      "--json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      outDir: string;
      replications: number;
      scenarios: { scenario: string }[];
      differences: {
        name: string;
        n: number;
        meanDifference: number;
        meanBaseline: number;
        meanAlternative: number;
      }[];
    };
    expect(parsed.outDir).toBe(out);
    expect(parsed.replications).toBe(3);
    expect(parsed.scenarios.map((scenario) => scenario.scenario)).toEqual(["level-1", "level-2"]);
    const delivered = parsed.differences.find((difference) => difference.name === "delivered");
    expect(delivered?.n).toBe(3);
    expect(delivered!.meanDifference).toBeCloseTo(delivered!.meanAlternative - delivered!.meanBaseline, 9);
    expect(existsSync(join(out, "summary.json"))).toBe(true);
  });

  it("prints a difference table per alternative and the report path", async () => {
    const out = join(work, "human");
    const result = await runCli([
      "compare",
      "level-1",
      "level-2",
      "-n",
      "2",
      "-w",
      "1",
      "--format",
      "html",
      "-o",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/against .*: 2 paired replications/);
    expect(result.stdout).toContain("difference [95% CI]");
    expect(result.stdout).toContain(`report: ${join(out, "report.html")}`);
  });

  it("rejects a bad scenario before running anything (exit 2)", async () => {
    const out = join(work, "never");
    const result = await runMain(["compare", "level-1", "levle-2", "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'scenario "levle-2" is neither a file nor a preset name (did you mean level-2?)',
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
