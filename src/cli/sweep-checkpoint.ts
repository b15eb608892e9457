/**
 * The checkpoint of a sweep (or shard) run, so that a run killed part-way resumes from its finished points: a
 * JSON Lines file (one JSON value per line) next to the report directory, named after the sweep's fingerprint,
 * whose first line is `{"fingerprint": ...}` and every further line one finished SweepPoint, appended as soon as
 * the point is done. A killed process leaves at most its last line cut short; that line is ignored. The file
 * is removed once the report is written.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { SweepPoint } from "../montecarlo/types.ts";

/** A checkpoint file and what it held when opened. */
export interface SweepCheckpoint {
  path: string;
  /** Points finished by earlier runs. */
  finished: SweepPoint[];
  /** Appends one finished point. */
  save: (point: SweepPoint) => void;
  /** Removes the file (after the report is written). */
  remove: () => void;
}

/**
 * The checkpoint for `fingerprint` (and shard `suffix`, e.g. "-shard-1-of-4") beside `outDir`: the same sweep,
 * seed, replications and shard find the same file whatever the report directory's timestamp.
 */
export function checkpointPath(outDir: string, fingerprint: string, suffix: string): string {
  const label = basename(outDir).replace(/-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?$/, "");
  return join(dirname(outDir), `.${label}${suffix}-${fingerprint.slice(0, 16)}.checkpoint.jsonl`);
}

/** Opens (or starts) the checkpoint at `path` for `fingerprint`; lines of another fingerprint are not used. */
export function openCheckpoint(path: string, fingerprint: string): SweepCheckpoint {
  const finished: SweepPoint[] = [];
  let valid = false;
  if (existsSync(path)) {
    const lines = readFileSync(path, "utf8").split("\n");
    for (const [i, line] of lines.entries()) {
      if (line.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // the last line of a killed run may be cut short
        continue;
      }
      if (i === 0) {
        valid = (value as { fingerprint?: unknown }).fingerprint === fingerprint;
        if (!valid) break;
      } else {
        finished.push(value as SweepPoint);
      }
    }
  }
  if (!valid) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify({ fingerprint })}\n`);
  } else if (!readFileSync(path, "utf8").endsWith("\n")) {
    // start the next point on a line of its own after a cut-short line
    appendFileSync(path, "\n");
  }
  return {
    path,
    finished: valid ? finished : [],
    save: (point) => appendFileSync(path, `${JSON.stringify(point)}\n`),
    remove: () => rmSync(path, { force: true }),
  };
}
