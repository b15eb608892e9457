/**
 * Fingerprint of the model's behaviour: a SHA-256 over every KPI, series, sample and cost row of every scenario in
 * scenarios/ (and the presets level-1..5), simulated replication by replication at fixed seeds. A refactor that
 * promises bit-identical results prints the same hash before and after.
 *
 * Usage: npx tsx scripts/result-hash.ts [--replications N] [--verbose]
 *
 * Metric names are canonicalised through RENAMES (today's name -> the name it had) and DUPLICATES (names removed
 * because they duplicated another metric value for value), so that a rename alone does not change the hash; every
 * entry says which change introduced it.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ReplicationResult } from "../src/model/result.ts";
import { simulate } from "../src/model/simulate.ts";
import { loadScenario } from "../src/scenario/index.ts";

/** Renames since the first recorded hash: a pattern of today's name -> the name it had then. */
const RENAMES: [RegExp, string][] = [
  // issue 9 section 1 (platform branch): the observed peak of allocated nodes was emitted as `cluster.maxNodes`,
  // which reads like the configured `platform.clusters[i].maxNodes`; same value, now `cluster.peakNodes`
  [/^cluster\.peakNodes$/, "cluster.maxNodes"],
  // issue 9 section 1: `chargeback.tenantCost.<t>` (platform rows only) read like a copy of `tenantCost.<t>` (every
  // ledger row of the tenant); same values, now named for what it is
  [/^chargeback\.platformCost\./, "chargeback.tenantCost."],
];
/** Duplicates removed since then: a pattern of the name kept -> the name of the removed copy, re-created from it. */
const DUPLICATES: [RegExp, string][] = [
  // none: `chargeback.tenantCost.<t>` (renamed above) is not a copy of `tenantCost.<t>`; they differ in every
  // scenario with delivery demand
];

const args = process.argv.slice(2);
const replications = Number(args[args.indexOf("--replications") + 1] ?? 3) || 3;
const verbose = args.includes("--verbose");

function canonical(name: string): string {
  for (const [pattern, replacement] of RENAMES)
    if (pattern.test(name)) return name.replace(pattern, replacement);
  return name;
}

function numberText(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

function hashResult(hash: ReturnType<typeof createHash>, result: ReplicationResult): void {
  const kpis = Object.entries(result.kpis).map(([k, v]) => [canonical(k), v] as const);
  for (const [pattern, target] of DUPLICATES) {
    for (const [k, v] of Object.entries(result.kpis)) {
      if (pattern.test(k)) kpis.push([k.replace(pattern, target), v]);
    }
  }
  kpis.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [k, v] of kpis) hash.update(`k ${k}=${numberText(v)}\n`);
  const series = Object.entries(result.series).map(([k, v]) => [canonical(k), v] as const);
  series.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [k, v] of series) hash.update(`s ${k}=${v.map(numberText).join(",")}\n`);
  const samples = Object.entries(result.samples).map(([k, v]) => [canonical(k), v] as const);
  samples.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [k, v] of samples) hash.update(`x ${k}=${v.map(numberText).join(",")}\n`);
  for (const row of result.costRows) {
    const fields = Object.keys(row)
      .sort()
      .map((key) => `${key}:${String((row as unknown as Record<string, unknown>)[key])}`);
    hash.update(`c ${fields.join("|")}\n`);
  }
}

const scenarioDir = join(import.meta.dirname, "..", "scenarios");
const files = readdirSync(scenarioDir)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => join(scenarioDir, f));
const total = createHash("sha256");
for (const file of files) {
  const loaded = await loadScenario(file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const perFile = createHash("sha256");
  for (let r = 0; r < replications; r++) {
    const result = simulate(loaded.scenario, { seed: 12345, replication: r });
    hashResult(perFile, result);
  }
  const digest = perFile.digest("hex");
  total.update(digest);
  if (verbose) console.log(`${digest.slice(0, 16)}  ${file.slice(scenarioDir.length + 1)}`);
}
console.log(
  `result hash (${files.length} scenarios x ${replications} replications, seed 12345): ${total.digest("hex")}`,
);
