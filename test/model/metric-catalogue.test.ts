import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  IDLE_TENANT,
  LEVEL_BREAKDOWN,
  METRICS,
  type MetricEntry,
  type MetricKey,
  type MetricKind,
  parseMetricName,
  SHARED_TENANT,
  SUMMARY_ROLES,
} from "../../src/model/metrics.ts";
import { PHASES } from "../../src/model/result.ts";
import { simulate } from "../../src/model/simulate.ts";
import { loadScenario } from "../../src/scenario/index.ts";

const SCENARIO_DIR = join(import.meta.dirname, "..", "..", "scenarios");
const REPLICATIONS = 2;
const SEED = 20260101;

/** Every name each scenario emits, by kind, over two replications. */
const emitted: Record<MetricKind, Set<string>> = { kpi: new Set(), series: new Set(), sample: new Set() };

beforeAll(async () => {
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith(".yaml"));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const loaded = await loadScenario(join(SCENARIO_DIR, file));
    if (!loaded.ok) throw new Error(`${file} does not load`);
    for (let replication = 0; replication < REPLICATIONS; replication++) {
      const result = simulate(loaded.scenario, { seed: SEED, replication });
      for (const name of Object.keys(result.kpis)) emitted.kpi.add(name);
      for (const name of Object.keys(result.series)) emitted.series.add(name);
      for (const name of Object.keys(result.samples)) emitted.sample.add(name);
    }
  }
}, 60_000);

const KINDS: readonly MetricKind[] = ["kpi", "series", "sample"];
const entries = Object.entries(METRICS) as [MetricKey, MetricEntry][];

describe("metric catalogue against every scenario in scenarios/", () => {
  it("catalogues every KPI, series and sample name the model emits, under the kind it is emitted as", () => {
    const missing: string[] = [];
    for (const kind of KINDS) {
      for (const name of emitted[kind]) {
        const match = parseMetricName(name);
        const ok =
          match !== undefined &&
          (match.level === undefined ? match.entry.kinds.includes(kind as never) : kind === "kpi");
        if (!ok) missing.push(`${kind} ${name}`);
      }
    }
    expect(missing.sort()).toEqual([]);
  });

  it("lists no name or pattern, in no kind, that nothing emits", () => {
    const unused: string[] = [];
    for (const [key, entry] of entries) {
      for (const kind of entry.kinds) {
        const used = [...emitted[kind]].some((name) => {
          const match = parseMetricName(name);
          return match?.key === key && match.level === undefined;
        });
        if (!used) unused.push(`${kind} ${key}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it("lists only per-level KPIs the model breaks down by level, and each of them at some level", () => {
    const levelKeys = new Set<string>();
    for (const name of emitted.kpi) {
      const match = parseMetricName(name);
      if (match?.level !== undefined) levelKeys.add(match.key);
    }
    expect([...levelKeys].sort()).toEqual([...LEVEL_BREAKDOWN].sort());
    const levelOnly = entries.filter(([, e]) => e.kinds.length === 0).map(([key]) => key);
    expect(levelOnly.filter((key) => !levelKeys.has(key))).toEqual([]);
  });

  it("emits per-level KPIs for levels 1 to 5 only, and effort only for the lifecycle phases", () => {
    for (const name of emitted.kpi) {
      const match = parseMetricName(name);
      if (match === undefined) continue;
      if (match.level !== undefined) expect([1, 2, 3, 4, 5]).toContain(match.level);
      if (match.key === "effort.<phase>") expect(PHASES).toContain(match.params.phase);
    }
  });

  it("declares summary roles the model emits", () => {
    expect(emitted.series.has(SUMMARY_ROLES.reachSeries)).toBe(true);
    for (const kpi of SUMMARY_ROLES.precisionKpis) expect(emitted.kpi.has(kpi)).toBe(true);
    expect(emitted.kpi.has(SUMMARY_ROLES.crnKpi)).toBe(true);
  });

  it("names the idle tenant as chargeback does, which no scenario leaves cost with by default", async () => {
    expect(emitted.kpi.has(`tenantCost.${IDLE_TENANT}`)).toBe(false);
    expect(emitted.kpi.has(`tenantCost.${SHARED_TENANT}`)).toBe(false);
    const loaded = await loadScenario(join(SCENARIO_DIR, "multi-tenant-chargeback.yaml"));
    if (!loaded.ok) throw new Error("multi-tenant-chargeback.yaml does not load");
    const s = loaded.scenario;
    const chargeback = { ...s.platform.chargeback, idle: "none" as const, shared: "none" as const };
    const kept = simulate({ ...s, platform: { ...s.platform, chargeback } }, { seed: SEED, replication: 0 });
    expect(kept.kpis[`tenantCost.${IDLE_TENANT}`]).toBeGreaterThan(0);
  });
});
