/**
 * mergeSweeps: combine the summaries of all shards of one sweep (run with `shard: { index, count }`, possibly on
 * different machines) into the summary a single unsharded run gives: the points are united and sorted, and
 * the sensitivity measures are recomputed from them by the same function runSweep uses (assembleSweep).
 */
import { isDeepStrictEqual } from "node:util";
import { assembleSweep } from "./run-sweep.ts";
import type { SweepSummary } from "./types.ts";

/**
 * Merges shard summaries; the order of `parts` does not matter.
 *
 * @throws {RangeError} when the parts belong to different sweeps (fingerprint, name, seed, replications,
 *   sampling, parameters, point count, tool version), a shard is missing or repeated, or a point appears twice.
 * @throws {TypeError} when `parts` is empty or a part is not a sharded summary.
 */
export function mergeSweeps(parts: readonly SweepSummary[]): SweepSummary {
  const first = parts[0];
  if (first === undefined) throw new TypeError("mergeSweeps needs at least one part");
  const count = first.shard?.count;
  const seen = new Set<number>();
  for (const part of parts) {
    if (part.shard === undefined)
      throw new TypeError(`part "${part.name}" is not a shard (it has no shard field)`);
    if (part.fingerprint !== first.fingerprint) {
      throw new RangeError(
        `parts have different fingerprints (${short(first.fingerprint)} and ${short(part.fingerprint)}): the sweep file, its base scenario, the seed, the replications or the scalesim version changed between shards`,
      );
    }
    for (const key of ["name", "seed", "replicationsPerPoint", "sampling", "totalPoints"] as const) {
      if (part[key] !== first[key]) {
        throw new RangeError(
          `parts differ in ${key}: ${JSON.stringify(first[key])} and ${JSON.stringify(part[key])}`,
        );
      }
    }
    if (!isDeepStrictEqual(part.parameters, first.parameters))
      throw new RangeError("parts differ in parameters");
    if (!isDeepStrictEqual(part.design, first.design)) throw new RangeError("parts differ in design size");
    if (!isDeepStrictEqual(questions(part), questions(first))) throw new RangeError("parts differ in boxes");
    if (part.tool.version !== first.tool.version) {
      throw new RangeError(
        `parts come from different scalesim versions: ${first.tool.version} and ${part.tool.version}`,
      );
    }
    if (part.shard.count !== count) {
      throw new RangeError(`parts differ in shard count: ${count} and ${part.shard.count}`);
    }
    if (seen.has(part.shard.index))
      throw new RangeError(`shard ${part.shard.index + 1}/${count} is given twice`);
    seen.add(part.shard.index);
  }
  const missing = Array.from({ length: count! }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new RangeError(`missing shards: ${missing.map((i) => `${i + 1}/${count}`).join(", ")}`);
  }
  const points = parts.flatMap((part) => part.points);
  const indices = new Set<number>();
  for (const point of points) {
    if (indices.has(point.index)) throw new RangeError(`point ${point.index} appears in more than one part`);
    indices.add(point.index);
  }
  return assembleSweep(first, points);
}

// the questions of a part's boxes, without the answers (recomputed from the merged points)
function questions(part: SweepSummary): unknown {
  return part.boxes?.map(({ box: _box, ...question }) => question);
}

function short(fingerprint: string | undefined): string {
  return fingerprint === undefined ? "none" : fingerprint.slice(0, 12);
}
