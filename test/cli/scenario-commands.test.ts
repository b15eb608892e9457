import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./run-main.ts";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-scenario-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scalesim presets", () => {
  it("lists every maturity level and case study with a description", async () => {
    const result = await runCli(["presets"]);
    expect(result.code).toBe(0);
    for (const name of ["level-1", "level-2", "level-3", "level-4", "level-5", "financial-services"]) {
      expect(result.stdout).toMatch(new RegExp(`^${name}\\s+\\S.{10,}$`, "m"));
    }
  });

  it("--json prints only a JSON document", async () => {
    const result = await runMain(["presets", "--json"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { presets: { name: string; description: string }[] };
    expect(parsed.presets.map((preset) => preset.name)).toContain("level-3");
    expect(parsed.presets.every((preset) => preset.description.length > 0)).toBe(true);
  });
});

describe("scalesim validate", () => {
  it("accepts presets and reports each as ok", async () => {
    const result = await runCli(["validate", "level-3", "financial-services"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("ok level-3\nok financial-services\n");
  });

  it("lists every problem of a bad file as file:line:column with path and value, exit 2, no stack trace", async () => {
    const file = join(work, "bad.yaml");
    writeFileSync(file, "extends: level-3\nhorizonMonths: -4\ncurrency: dollars\n");
    const result = await runCli(["validate", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`${file}:2:16  horizonMonths:`);
    expect(result.stderr).toContain(`${file}:3:11  currency:`);
    expect(result.stderr).toContain("1 of 1 file invalid");
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it("names a missing file and an unknown preset, listing the presets", async () => {
    const result = await runMain(["validate", "missing/file.yaml", "level-9"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("file not found: missing/file.yaml");
    expect(result.stderr).toMatch(
      /scenario "level-9" is neither a file nor a preset name \(did you mean level-1\?\); presets: level-1, /,
    );
  });

  it("--json reports validity and issues as data", async () => {
    const file = join(work, "bad-json.yaml");
    writeFileSync(file, "horizonMonths: 0\n");
    const result = await runMain(["validate", "level-2", file, "--json"]);
    expect(result.code).toBe(2);
    const parsed = JSON.parse(result.stdout) as {
      valid: boolean;
      results: { scenario: string; ok: boolean; issues: { path: string; line?: number }[] }[];
    };
    expect(parsed.valid).toBe(false);
    expect(parsed.results[0]).toMatchObject({ scenario: "level-2", ok: true, issues: [] });
    expect(parsed.results[1]?.ok).toBe(false);
    expect(parsed.results[1]?.issues[0]).toMatchObject({ path: "horizonMonths", line: 1 });
  });

  it("checks sweep and claims files as `sweep` and `claims` load them, told apart by their keys", async () => {
    const result = await runCli([
      "validate",
      "scenarios/sweeps/hub-size.yaml",
      "scenarios/claims/guide.yaml",
      "level-2",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "ok scenarios/sweeps/hub-size.yaml (sweep file)\nok scenarios/claims/guide.yaml (claims file)\nok level-2\n",
    );
  });

  it("reports a sweep's bad parameter path at every point it plans, with the file, exit 2", async () => {
    const file = join(work, "bad.sweep.yaml");
    writeFileSync(
      file,
      "base: level-3\nparameters:\n  - path: organisation.spokes.cont\n    values: [4, 8]\n",
    );
    const result = await runCli(["validate", file]);
    expect(result.code).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain(
      `${file}  organisation.spokes.cont: point 0 (organisation.spokes.cont = 4)`,
    );
    expect(result.stderr).toContain('did you mean "count"?');
    expect(result.stderr).toContain("1 of 1 file invalid");
  });

  it("reports a sweep's missing base in the sweep file at `base`, naming the file it looked for", async () => {
    const file = join(work, "no-base.sweep.yaml");
    writeFileSync(
      file,
      "base: ./gone.yaml\nparameters:\n  - path: organisation.spokes.count\n    values: [4]\n",
    );
    const result = await runMain(["validate", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${file}  base: scenario "./gone.yaml" (${join(work, "gone.yaml")}): file not found`,
    );
  });

  it("reports a claims file's bad scenario reference, and --json names each file's kind", async () => {
    const file = join(work, "bad-claims.yaml");
    writeFileSync(
      file,
      [
        "claims:",
        "  - id: c1",
        "    text: a claim",
        "    source: Pattern 11",
        "    metric: deliveredPerYear",
        "    baseline: ./no-such-scenario.yaml",
        "    expect: { atLeast: 1 }",
        "",
      ].join("\n"),
    );
    const result = await runMain(["validate", file, "scenarios/sweeps/hub-size.yaml", "--json"]);
    expect(result.code).toBe(2);
    const parsed = JSON.parse(result.stdout) as {
      results: { scenario: string; kind: string; ok: boolean; issues: Record<string, unknown>[] }[];
    };
    expect(parsed.results.map((entry) => [entry.kind, entry.ok])).toEqual([
      ["claims", false],
      ["sweep", true],
    ]);
    expect(parsed.results[0]?.issues).toHaveLength(1);
    // a missing scenario file is reported in the claims file, at the claim's field, naming the file looked for
    expect(parsed.results[0]?.issues[0]).toMatchObject({
      file,
      path: "claims[0].baseline",
      value: "./no-such-scenario.yaml",
      message: `scenario "./no-such-scenario.yaml" (${join(work, "no-such-scenario.yaml")}): file not found`,
    });
  });
});

describe("scalesim init", () => {
  it("writes a commented starter that extends the preset and validates as is", async () => {
    const file = join(work, "starter.yaml");
    const result = await runCli(["init", "--preset", "level-2", file]);
    expect(result.code).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^extends: level-2$/m);
    expect(text).toMatch(/^# /m);
    const check = await runCli(["validate", file]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
  });

  it("refuses to overwrite without --force, and overwrites with it", async () => {
    const file = join(work, "existing.yaml");
    writeFileSync(file, "name: mine\n");
    const refused = await runMain(["init", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already exists; pass --force");
    expect(readFileSync(file, "utf8")).toBe("name: mine\n");
    const forced = await runMain(["init", file, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^extends: level-3$/m);
  });

  it("rejects an unknown preset with exit 2", async () => {
    const file = join(work, "never.yaml");
    const result = await runMain(["init", "--preset", "level-7", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown preset "level-7"');
    expect(existsSync(file)).toBe(false);
  });
});

describe("scalesim schema", () => {
  it("prints the JSON Schema of scenario files", async () => {
    const result = await runCli(["schema"]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain("json-schema.org");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["extends", "horizonMonths", "currency"]),
    );
  });

  it("--out writes it to a file and keeps stdout empty", async () => {
    const file = join(work, "scenario.schema.json");
    const result = await runMain(["schema", "--out", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("properties.horizonMonths");
  });
});
