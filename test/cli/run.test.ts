import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, ROOT, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-run-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface RunJson {
  command: string;
  runs: {
    scenario: string;
    outDir: string;
    files: string[];
    seed: number;
    replications: number;
    stoppedBy: string;
    keyResults: { name: string; p10: number; p50: number; p90: number }[];
    kpis: Record<string, { mean: number; n: number }>;
    claims?: { file: string; replications: number; claims: { id: string; verdict: string }[] };
  }[];
}

/** The result of the first test, which the worker-count test compares against (saves one simulation). */
let firstRun: RunJson | undefined;

describe("scalesim run", () => {
  it("--json prints one JSON document on stdout and nothing on stderr", async () => {
    const out = join(work, "json");
    const result = await runCli([
      "run",
      "level-1",
      "-n",
      "4",
      "-w",
      "1",
      "-s",
      "7",
      "--format",
      "json,csv",
      "-o",
      out,
      "--json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as RunJson;
    firstRun = parsed;
    expect(parsed.command).toBe("run");
    const run = parsed.runs[0]!;
    expect(run).toMatchObject({
      scenario: "level-1",
      outDir: out,
      seed: 7,
      replications: 4,
      stoppedBy: "count",
    });
    expect(run.files).toEqual(expect.arrayContaining(["summary.json", "kpis.csv"]));
    expect(run.keyResults.length).toBeGreaterThanOrEqual(5);
    for (const kpi of run.keyResults) expect(kpi.p10).toBeLessThanOrEqual(kpi.p90);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { replications: number };
    expect(summary.replications).toBe(4);
  });

  it("gives the same results for the same seed whatever the worker count", async () => {
    const out = join(work, "w2");
    const args = [
      "run",
      "level-1",
      "-n",
      "4",
      "-w",
      "2",
      "-s",
      "7",
      "--format",
      "json,csv",
      "-o",
      out,
      "--json",
    ];
    const two = await runCli(args);
    expect(two.code).toBe(0);
    expect(firstRun).toBeDefined();
    expect((JSON.parse(two.stdout) as RunJson).runs[0]!.kpis).toEqual(firstRun!.runs[0]!.kpis);
  });

  it("prints the key results table, the report path and plain progress lines when stderr is not a terminal", async () => {
    const out = join(work, "human");
    const result = await runCli(["run", "level-1", "-n", "3", "-w", "1", "--format", "html,json", "-o", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 replications, seed \d+/);
    expect(result.stdout).toMatch(/P10 - P90/);
    expect(result.stdout).toContain(`report: ${join(out, "report.html")}`);
    expect(result.stderr).toMatch(/^level-1: 3\/3 replications \(100%\), [\d.]+\/s, ETA/m);
    expect(existsSync(join(out, "report.html"))).toBe(true);
  });

  it("writes to out/<scenario>-<timestamp>/ under the working directory by default; --quiet prints nothing", async () => {
    const cwd = mkdtempSync(join(work, "cwd-"));
    const result = await runCli(["run", "level-1", "-n", "2", "-w", "1", "--format", "json", "-q"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("");
    const [dir, ...others] = readdirSync(join(cwd, "out"));
    expect(others).toEqual([]);
    expect(dir).toMatch(/^level-1-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(existsSync(join(cwd, "out", dir!, "summary.json"))).toBe(true);
  });

  it("refuses an existing output directory before running (exit 2)", async () => {
    const out = mkdtempSync(join(work, "exists-"));
    const result = await runCli(["run", "level-1", "-n", "2", "-w", "1", "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("already exists");
  });

  it("--until-ci stops at the precision reached or at the cap", async () => {
    const result = await runCli([
      "run",
      "level-1",
      "--until-ci",
      "50%",
      "--max-replications",
      "40",
      "-w",
      "1",
      "--format",
      "json",
      "-o",
      join(work, "ci"),
      "--json",
    ]);
    expect(result.code).toBe(0);
    const run = (JSON.parse(result.stdout) as RunJson).runs[0]!;
    expect(["precision", "count"]).toContain(run.stoppedBy);
    expect(run.replications).toBeGreaterThanOrEqual(30);
    expect(run.replications).toBeLessThanOrEqual(40);
  });

  it("--ci-kpis naming a KPI the model does not report exits 2 with a did-you-mean", async () => {
    const out = join(work, "ci-typo");
    const result = await runCli([
      "run",
      "level-1",
      "--until-ci",
      "5%",
      "--ci-kpis",
      "delivered,timeToMarketDay",
      "-w",
      "1",
      "-o",
      out,
      "-q",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no KPI named "timeToMarketDay" (did you mean timeToMarketDays?)');
    expect(existsSync(out)).toBe(false);
  });

  it("--replay reruns one replication alone and prints its trace", async () => {
    const result = await runCli(["run", "level-1", "-s", "7", "--replay", "3"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("level-1: replication 3, seed 7");
    expect(result.stdout.split("\n").length).toBeGreaterThan(20);
    const json = await runCli(["run", "level-1", "-s", "7", "--replay", "3", "--json"]);
    const parsed = JSON.parse(json.stdout) as {
      result: { replication: number; seed: number; trace: string[] };
    };
    expect(parsed.result).toMatchObject({ replication: 3, seed: 7 });
    expect(parsed.result.trace.length).toBeGreaterThan(0);
  });

  it("rejects an invalid scenario file with file:line:column, exit 2, no stack trace and no output directory", async () => {
    const file = join(work, "bad.yaml");
    const out = join(work, "never");
    writeFileSync(file, "extends: level-3\nhorizonMonths: -4\n");
    const result = await runCli(["run", file, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:2:16  horizonMonths:`);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "stops on %s with exit 130 and leaves no partial output",
    async (signal) => {
      const parent = mkdtempSync(join(work, `${signal}-`));
      const out = join(parent, "report");
      let sent = false;
      const result = await runCli(["run", "level-2", "-n", "64", "-w", "2", "-o", out], {
        onStderr: (child, stderr) => {
          if (!sent && /replications \(/.test(stderr)) {
            sent = true;
            child.kill(signal);
          }
        },
      });
      expect(sent).toBe(true);
      expect(result.code).toBe(130);
      expect(result.stderr).toContain("interrupted");
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(readdirSync(parent)).toEqual([]);
    },
  );

  it("runs the default scenario when none is given (npm start)", async () => {
    const result = await runCli([
      "run",
      "-n",
      "4",
      "--format",
      "json",
      "-o",
      join(work, "default"),
      "--json",
    ]);
    expect(result.code).toBe(0);
    const run = (JSON.parse(result.stdout) as RunJson).runs[0]!;
    // the case study's file, the scenario the guide's claims about the case name: its report carries their verdicts
    expect(run.scenario).toBe("scenarios/financial-services.yaml");
    expect(run.claims!.file).toBe("scenarios/claims/guide.yaml");
    expect(run.claims!.claims.map((claim) => claim.id)).toContain("cs1-active-projects-50");
    expect(run.claims!.replications).toBe(4);
  });

  it("prints the against-the-guide block, and none with --claims none", async () => {
    const shown = await runCli(
      [
        "run",
        "scenarios/manufacturing.yaml",
        "-n",
        "3",
        "-w",
        "1",
        "--format",
        "json",
        "-o",
        join(work, "guide"),
      ],
      { cwd: ROOT },
    );
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      /^Against the guide: 3 claims of scenarios\/claims\/guide\.yaml about this scenario/m,
    );
    expect(shown.stdout).toMatch(/^ {2}cs3-reset-gain +>= 2\.9× +\S/m);
    const none = await runCli(
      [
        "run",
        "scenarios/manufacturing.yaml",
        "-n",
        "3",
        "-w",
        "1",
        "--format",
        "json",
        "-o",
        join(work, "no-guide"),
        "--claims",
        "none",
      ],
      { cwd: ROOT },
    );
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain("Against the guide");
  });

  it("refuses a --claims file with issues before running, exit 2 without a stack trace", async () => {
    const bad = join(work, "bad-claims.yaml");
    writeFileSync(bad, "claims:\n  - id: Bad Id\n    text: x\n    source: y\n    status: input\n");
    const result = await runCli(["run", "level-1", "-n", "2", "-o", join(work, "bad"), "--claims", bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bad-claims.yaml:2:");
    expect(result.stderr).toContain("id must be lowercase");
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(work, "bad"))).toBe(false);
  });
});
