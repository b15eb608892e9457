import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportDirectories, reportDirectory, slug, timestamp } from "../../src/cli/out-dir.ts";
import { runMain } from "./run-main.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-out-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const now = new Date("2027-03-04T05:06:07.891Z");

describe("report directories", () => {
  it("default to out/<slug>-<UTC timestamp> and step aside from existing ones", () => {
    expect(slug("Bank: Phase 2.yaml")).toBe("bank-phase-2");
    expect(slug("***")).toBe("scenario");
    expect(timestamp(now)).toBe("2027-03-04T05-06-07Z");
    const first = reportDirectory(undefined, "Level 3", work, now);
    expect(first).toBe(join(work, "out", "level-3-2027-03-04T05-06-07Z"));
    mkdirSync(first, { recursive: true });
    expect(reportDirectory(undefined, "Level 3", work, now)).toBe(`${first}-2`);
    expect(reportDirectory("mine", "Level 3", work, now)).toBe(join(work, "mine"));
  });

  it("never give two scenarios of one run the same directory", () => {
    expect(reportDirectories(undefined, ["a", "a"], work, now)).toEqual([
      join(work, "out", "a-2027-03-04T05-06-07Z"),
      join(work, "out", "a-2027-03-04T05-06-07Z-2"),
    ]);
    expect(reportDirectories("runs", ["x", "y", "x"], work, now)).toEqual([
      join(work, "runs", "x"),
      join(work, "runs", "y"),
      join(work, "runs", "x-2"),
    ]);
  });

  it("a run of the same scenario twice writes two reports (in-process, one worker)", async () => {
    const result = await runMain(
      ["run", "level-1", "level-1", "-n", "2", "-w", "1", "--format", "json", "-o", "twice", "--json"],
      work,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const runs = (JSON.parse(result.stdout) as { runs: { outDir: string }[] }).runs;
    expect(runs.map((run) => run.outDir)).toEqual([
      join(work, "twice", "level-1"),
      join(work, "twice", "level-1-2"),
    ]);
  });
});
