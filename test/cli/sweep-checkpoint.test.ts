import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkpointPath, openCheckpoint } from "../../src/cli/sweep-checkpoint.ts";
import type { SweepPoint } from "../../src/montecarlo/types.ts";

describe("sweep checkpoints", () => {
  const point = (index: number): SweepPoint => ({ index, parameters: { a: index }, kpis: {} });

  it("names the file after the report directory without its timestamp, the shard and the fingerprint", () => {
    expect(checkpointPath("/w/out/hub-2026-01-31T09-05-00Z-2", "abcdef0123456789ffff", "-shard-1-of-2")).toBe(
      "/w/out/.hub-shard-1-of-2-abcdef0123456789.checkpoint.jsonl",
    );
  });

  it("keeps the points of the same fingerprint, skips a cut-short last line, and restarts for another fingerprint", () => {
    const path = join(mkdtempSync(join(tmpdir(), "scalesim-checkpoint-")), ".x.checkpoint.jsonl");
    const first = openCheckpoint(path, "f1");
    expect(first.finished).toEqual([]);
    first.save(point(0));
    first.save(point(3));
    appendFileSync(path, '{"index": 5, "param');
    const again = openCheckpoint(path, "f1");
    expect(again.finished).toEqual([point(0), point(3)]);
    again.save(point(5));
    expect(openCheckpoint(path, "f1").finished.map((p) => p.index)).toEqual([0, 3, 5]);
    const other = openCheckpoint(path, "f2");
    expect(other.finished).toEqual([]);
    expect(readFileSync(path, "utf8")).toBe('{"fingerprint":"f2"}\n');
    other.remove();
    writeFileSync(path, "not json\n");
    expect(openCheckpoint(path, "f1").finished).toEqual([]);
  });
});
