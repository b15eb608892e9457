import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-summary-safety-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runDir = join(work, "run");
const sweepDir = join(work, "sweep");

beforeAll(async () => {
  const run = await runCli(["run", "level-1", "-n", "2", "-w", "1", "--format", "json", "-o", runDir, "-q"]);
  expect(run.code).toBe(0);
  const sweepFile = join(work, "s.yaml");
  writeFileSync(
    sweepFile,
    "base: level-1\nreplications: 2\ntornado: false\nparameters:\n  - path: horizonMonths\n    values: [12, 18]\n",
  );
  const sweep = await runCli(["sweep", sweepFile, "-w", "1", "--format", "json", "-o", sweepDir, "-q"]);
  expect(sweep.code).toBe(0);
}, 60_000);

/** The parts of a saved summary the tests edit. */
interface Editable {
  kpis: Record<string, { mean: unknown }>;
  points: { kpis?: unknown }[];
}

function tampered(name: string, source: string, edit: (summary: Editable) => void): string {
  const summary = JSON.parse(readFileSync(join(source, "summary.json"), "utf8")) as Editable;
  edit(summary);
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(summary));
  return path;
}

describe("saved summaries are checked with a schema (issue 13 item 15)", () => {
  it("an intact summary re-renders (the schema accepts what the tool writes)", async () => {
    for (const [dir, out] of [
      [runDir, "again-run"],
      [sweepDir, "again-sweep"],
    ] as const) {
      const result = await runCli(["report", dir, "--format", "csv", "-o", join(work, out)]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    }
  });

  it("a tampered field: exit 2 naming the file and the path, no internal error", async () => {
    const file = tampered("bad-kpi.json", runDir, (s) => {
      s.kpis.delivered!.mean = "lots";
    });
    const result = await runCli(["report", file, "-o", join(work, "never")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: kpis.delivered.mean: Invalid input: expected number`);
    expect(result.stderr).not.toContain("internal error");
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it("a truncated summary: exit 2", async () => {
    const text = readFileSync(join(runDir, "summary.json"), "utf8");
    const file = join(work, "truncated.json");
    writeFileSync(file, text.slice(0, text.length / 2));
    const result = await runCli(["report", file, "-o", join(work, "never")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot read ${file}: `);
  });

  it("a merge shard without KPIs: exit 2 naming points[0].kpis, no TypeError", async () => {
    const file = tampered("shard.json", sweepDir, (s) => {
      delete s.points[0]!.kpis;
    });
    const result = await runCli(["merge", file, join(sweepDir, "summary.json"), "-o", join(work, "never")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: points[0].kpis: `);
    expect(result.stderr).not.toContain("TypeError");
  });

  it("report and merge refuse /dev/zero and a FIFO at once (issue 13 item 7)", async () => {
    const fifo = join(work, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    for (const args of [
      ["report", "/dev/zero"],
      ["merge", "/dev/zero", "/dev/zero"],
      ["report", fifo],
    ]) {
      const result = await runCli([...args, "-o", join(work, "never")], { timeoutMs: 20_000 });
      expect(result.signal).toBeNull();
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("not a regular file");
    }
  });
});
