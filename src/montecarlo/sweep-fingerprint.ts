/**
 * The fingerprint of a sweep run: SHA-256 (FIPS 180-4) of the canonical JSON (canonical-json.ts) of what decides
 * its results: the validated sweep (without the directory it was read from, so the same files give the same
 * fingerprint on every machine), the validated base scenario, the scalesim version, the master seed and the
 * replications per point. Shards, checkpoints and queue jobs carry it, so parts of different sweeps, of an
 * edited base scenario or of another version are never combined.
 */
import { createHash } from "node:crypto";
import type { Scenario } from "../scenario/index.ts";
import { issuesError, loadBase } from "../scenario/point-scenario.ts";
import type { Sweep } from "../scenario/sweep-schema.ts";
import { canonicalJson } from "./canonical-json.ts";
import { DEFAULT_SEED } from "./run-options.ts";
import { toolInfo } from "./tool-info.ts";

/** What a sweep's fingerprint covers. */
export interface SweepFingerprintInput {
  sweep: Sweep;
  base: Scenario;
  version: string;
  seed: number;
  replications: number;
}

/** The fingerprint as 64 lowercase hex digits. */
export function sweepFingerprint(input: SweepFingerprintInput): string {
  const { baseDir: _baseDir, ...sweep } = input.sweep;
  const text = canonicalJson({
    sweep,
    base: input.base,
    version: input.version,
    seed: input.seed,
    replications: input.replications,
  });
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The fingerprint runSweep stamps on `sweep` run with `options` (seed: options.seed, else the sweep's, else the
 * default; replications: options.replications, else the sweep's), for callers that need it before the run
 * (checkpoint names, queue job ids).
 *
 * @throws {RangeError} when the base scenario does not load.
 */
export async function fingerprintOfSweep(
  sweep: Sweep,
  options: { seed?: number; replications?: number } = {},
): Promise<string> {
  const base = await loadBase(sweep.base, sweep.baseDir);
  if (!base.ok) throw issuesError(base.issues);
  return sweepFingerprint({
    sweep,
    base: base.scenario,
    version: toolInfo().version,
    seed: options.seed ?? sweep.seed ?? DEFAULT_SEED,
    replications: options.replications ?? sweep.replications,
  });
}
