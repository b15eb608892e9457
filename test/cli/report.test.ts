import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPARE_SUMMARY } from "../fixtures/reports/compare-summary.ts";
import { SWEEP_SUMMARY } from "../fixtures/reports/sweep-summary.ts";
import { RUN_SUMMARY } from "../fixtures/run-summary.ts";
import { runMain } from "./run-main.ts";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-report-"));
const saved = { run: RUN_SUMMARY, compare: COMPARE_SUMMARY, sweep: SWEEP_SUMMARY };

beforeAll(() => {
  for (const [kind, summary] of Object.entries(saved)) {
    mkdirSync(join(work, kind));
    writeFileSync(join(work, kind, "summary.json"), JSON.stringify(summary));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scalesim report", () => {
  it.each(Object.keys(saved))("re-renders a saved %s summary without re-running", async (kind) => {
    const out = join(work, `${kind}-again`);
    // the run summary goes through the real command; the other kinds only differ in the writer, run in-process
    const invoke = kind === "run" ? runCli : runMain;
    const result = await invoke([
      "report",
      join(work, kind, "summary.json"),
      "--format",
      "json,csv",
      "-o",
      out,
      "--json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { kind: string; outDir: string; files: string[] };
    expect(parsed).toMatchObject({ kind, outDir: out });
    expect(parsed.files).toContain("summary.json");
    expect(parsed.files.some((file) => file.endsWith(".csv"))).toBe(true);
    const again: unknown = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(again).toEqual(JSON.parse(JSON.stringify(saved[kind as keyof typeof saved])));
  });

  it("accepts a report directory and prints the HTML report's path", async () => {
    const out = join(work, "from-dir");
    const result = await runCli(["report", join(work, "run"), "--format", "html", "-o", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`report: ${join(out, "report.html")}\n`);
  });

  it.each([
    ["not JSON", "{ nope", "cannot read"],
    ["JSON that is not a summary", '{"hello": 1}', "is not a scalesim run, compare or sweep summary"],
  ])("rejects %s with exit 2 and no stack trace", async (_what, content, message) => {
    const file = join(work, `bad-${content.length}.json`);
    writeFileSync(file, content);
    const result = await runMain(["report", file, "-o", join(work, `never-${content.length}`)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it("names a missing file", async () => {
    const result = await runMain(["report", join(work, "missing.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("file not found");
  });
});
