/**
 * `scalesim claims` as a user runs it (the real binary): the scorecard, the report files, --json, --strict's exit
 * code 3, and bad input as exit 2 with file:line:column.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/spawn-cli.ts";

const TIERS = fileURLToPath(new URL("./fixtures/cli/tiers.yaml", import.meta.url));
const BAD = fileURLToPath(new URL("./fixtures/bad/errors.yaml", import.meta.url));

describe("scalesim claims", () => {
  const root = mkdtempSync(join(tmpdir(), "scalesim-claims-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("prints the scorecard and writes claims.json, claims.csv and claims.html", async () => {
    const out = join(root, "human");
    const result = await runCli(["claims", TIERS, "-n", "5", "-w", "1", "-s", "3", "-o", out], {
      timeoutMs: 120_000,
    });
    expect(result.stderr).not.toMatch(/Error|at /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^tiers: 2 claims \(seed 3\)/);
    expect(result.stdout).toMatch(/platinum-share +5% to 15% +\S+ \[\S+, \S+\] +holds +5/);
    expect(result.stdout).toMatch(/saving-95 +>= 95% +.* +fails +5/);
    expect(result.stdout).toContain("1 holds, 1 fails");
    for (const file of ["claims.json", "claims.csv", "claims.html"])
      expect(existsSync(join(out, file)), file).toBe(true);
    const json = JSON.parse(readFileSync(join(out, "claims.json"), "utf8")) as {
      claims: Array<{ id: string; verdict: string; ci: [number, number]; replications: number }>;
    };
    expect(json.claims.map((c) => [c.id, c.verdict, c.replications])).toEqual([
      ["platinum-share", "holds", 5],
      ["saving-95", "fails", 5],
    ]);
    const csv = readFileSync(join(out, "claims.csv"), "utf8").split("\r\n");
    expect(csv[0]).toMatch(/^id,source,section,status,verdict,metric/);
    expect(csv[1]).toMatch(/^platinum-share,fixture,,test,holds,tiers\.share\.Platinum/);
  }, 150_000);

  it("--json prints only JSON; --strict exits 3 when a claim fails, after writing the report", async () => {
    const out = join(root, "strict");
    const result = await runCli(["claims", TIERS, "-n", "3", "-w", "1", "--json", "--strict", "-o", out], {
      timeoutMs: 120_000,
    });
    expect(result.code).toBe(3);
    const json = JSON.parse(result.stdout) as {
      command: string;
      files: Array<{ counts: Record<string, number> }>;
    };
    expect(json.command).toBe("claims");
    expect(json.files[0]!.counts).toMatchObject({ holds: 1, fails: 1 });
    expect(result.stderr).toContain("--strict: 1 claim(s) fail or stay undecided: saving-95 (fails)");
    expect(existsSync(join(out, "claims.json"))).toBe(true);
  }, 150_000);

  it("a bad claims file exits 2 with file:line:column and no stack trace", async () => {
    const result = await runCli(["claims", BAD, "-o", join(root, "bad")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/errors\.yaml:3:9 +claims\[0\]\.id: id must be lowercase/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, "bad"))).toBe(false);
  });
});
