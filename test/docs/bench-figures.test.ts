/**
 * docs/benchmarks.md's measured figures are the rendering of the recorded run in docs/benchmarks.json
 * (scripts/bench-figures.ts), so they cannot be edited by hand or drift from the run they claim to come from.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type BenchRecord, withBenchFigures, withBenchSummary } from "../../scripts/bench-figures.ts";
import { ROOT } from "../cli/spawn-cli.ts";

describe("docs/benchmarks.md figures", () => {
  it("are the rendering of docs/benchmarks.json, with every benchmark in bench/", () => {
    const page = readFileSync(`${ROOT}docs/benchmarks.md`, "utf8");
    const record = JSON.parse(readFileSync(`${ROOT}docs/benchmarks.json`, "utf8")) as BenchRecord;
    expect(withBenchFigures(page, record)).toBe(page);
    // every benchmark bench/run.ts runs (its *.bench.ts files), and only those
    const benches = readdirSync(`${ROOT}bench`).filter((f) => f.endsWith(".bench.ts"));
    expect(benches.length).toBeGreaterThanOrEqual(7);
    expect(record.readable?.map((r) => r.file).sort()).toEqual(benches.sort());
  });

  it("the README's speed lines are the rendering of the same record", () => {
    const readme = readFileSync(`${ROOT}README.md`, "utf8");
    const record = JSON.parse(readFileSync(`${ROOT}docs/benchmarks.json`, "utf8")) as BenchRecord;
    expect(withBenchSummary(readme, record)).toBe(readme);
    expect(readme).toMatch(/<!-- bench-summary -->\n- kernel: /);
  });

  it("a hand edit inside the block is caught", () => {
    const page = readFileSync(`${ROOT}docs/benchmarks.md`, "utf8");
    const record = JSON.parse(readFileSync(`${ROOT}docs/benchmarks.json`, "utf8")) as BenchRecord;
    const edited = page.replace(/```text\n(.)/, "```text\nfaster! $1");
    expect(withBenchFigures(edited, record)).not.toBe(edited);
  });
});
