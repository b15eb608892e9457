import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./run-main.ts";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-bounds-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function scenario(yaml: string): string {
  const path = join(work, `s${counter++}.yaml`);
  writeFileSync(path, `extends: level-1\n${yaml}\n`);
  return path;
}

describe("every count, rate, size and step is bounded at load, exit 2 (issue 13 item 9)", () => {
  it.each([
    ["demand:\n  businessUnits:\n    - name: a\n      ratePerMonth: 1e308", "ratePerMonth", "<= 10000"],
    ["platform:\n  clusters:\n    - minNodes: 9e15\n      maxNodes: 9e15", "maxNodes", "<= 100000"],
    ["demand:\n  initialProjects: 1e8", "initialProjects", "<= 100000"],
    ["platform:\n  workloads:\n    jobStreams:\n      - ratePerDay: 1e9", "ratePerDay", "<= 100000"],
    ["organisation:\n  spokes:\n    count: 9e15", "spokes.count", "<= 100000"],
    ["platform:\n  workloads:\n    servedModels:\n      count: 1e8", "servedModels.count", "<= 100000"],
    ["platform:\n  serving:\n    stepHours: 1e-7", "stepHours", ">= 0.0166"],
    ["portfolio:\n  reviewEveryMonths: 1e-9", "reviewEveryMonths", ">= 0.1"],
    ["organisation:\n  hub:\n    fte: 1e308", "hub.fte", "<= 1000000000000"],
    [
      "roadmap:\n  investments:\n    - name: grow\n      effects:\n        - path: organisation.spokes.count\n          value: 1e15",
      "effects[0].value",
      "after this effect, organisation.spokes.count",
    ],
  ])("%s", async (yaml, path, allowed) => {
    const result = await runMain(["validate", scenario(yaml)], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(path);
    expect(result.stderr).toContain(allowed);
  });
});

describe("the work a scenario implies is bounded unless raised with --max-work (issue 13 item 9)", () => {
  const heavy = () =>
    scenario("platform:\n  workloads:\n    jobStreams:\n      - ratePerDay: 100000\nhorizonMonths: 120");

  it("validate and run refuse it with the estimate, its largest parts and the flag that raises the limit", async () => {
    const file = heavy();
    for (const args of [
      ["validate", file],
      ["run", file, "-o", join(work, "never")],
    ]) {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /implies about 2\.9e\+9 work units per replication \(compute jobs 2\.9e\+9/,
      );
      expect(result.stderr).toContain("above the limit of 1.0e+8");
      expect(result.stderr).toContain("--max-work <units>");
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  it("--max-work raises the limit explicitly", async () => {
    const result = await runMain(["validate", heavy(), "--max-work", "1e10"], work);
    expect(result.code).toBe(0);
  });
});

describe("option values beyond their range name the range (issue 13 item 17)", () => {
  it.each([
    ["-n", "99999999999999999999", "replications must be between 1 and 1000000, got 99999999999999999999"],
    ["-n", "1000001", "replications must be between 1 and 1000000, got 1000001"],
    ["-w", "99999999999999999999", "value must be between 1 and 9007199254740991"],
  ])("%s %s", async (flag, value, message) => {
    const result = await runMain(["run", "level-1", flag, value], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe("tenant names are checked at load (issue 13 item 14)", () => {
  it("duplicate tenant names are rejected like duplicate business units", async () => {
    const file = scenario("platform:\n  tenants:\n    - name: a\n    - name: a");
    const result = await runMain(["validate", file], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'platform.tenants[1].name: tenant name "a" is used twice; names must be unique',
    );
  });

  it.each([
    "platform:\n  tenants:\n    - name: __idle__",
    "platform:\n  workloads:\n    jobStreams:\n      - tenant: __idle__",
    "demand:\n  businessUnits:\n    - name: x\n      tenant: __idle__",
    "demand:\n  businessUnits:\n    - name: __idle__",
  ])("a tenant named __idle__ is rejected: %s", async (yaml) => {
    const result = await runMain(["validate", scenario(yaml)], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"__idle__" is reserved for the chargeback\'s idle capacity');
  });
});

describe("an unknown --ci-kpis name is reported before the replications (issue 13 item 17)", () => {
  it("exit 2 with a did-you-mean and no progress line", async () => {
    const result = await runCli([
      "run",
      "level-1",
      "--until-ci",
      "0.05",
      "--ci-kpis",
      "deliverd",
      "-w",
      "1",
      "-o",
      join(work, "never-ci"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--ci-kpis: the model reports no KPI named "deliverd" (did you mean delivered?)',
    );
    expect(result.stderr).not.toContain("replications (");
  });
});
