import { describe, expect, it } from "vitest";
import {
  PLATFORM_KPIS,
  PLATFORM_SAMPLES,
  PLATFORM_SERIES,
} from "../../../src/model/platform/platform-metrics.ts";
import { runPlatform } from "../../../src/model/platform/run-platform.ts";
import { TIER_NAMES } from "../../../src/model/platform/service-tiers.ts";
import { platformSchema } from "../../../src/scenario/platform-schema.ts";

/** A declared name as a pattern: `<tier>` is one of the tiers, `<tenant>` any tenant name. */
function pattern(declared: string): RegExp {
  const escaped = declared.replace(/[.]/g, "\\.");
  return new RegExp(
    `^${escaped.replace("<tier>", `(${TIER_NAMES.join("|")})`).replace("<tenant>", "[^.]+")}$`,
  );
}

function undeclared(emitted: readonly string[], declared: readonly string[]): string[] {
  const patterns = declared.map(pattern);
  return emitted.filter((name) => !patterns.some((p) => p.test(name)));
}

function neverEmitted(emitted: readonly string[], declared: readonly string[]): string[] {
  return declared.filter((d) => !emitted.some((name) => pattern(d).test(name)));
}

// every part on: jobs on an autoscaled cluster with a fixed comparison, served models, tier models, the
// per-tenant comparison
const config = platformSchema.parse({
  tenants: [{ name: "a" }, { name: "b" }],
  clusters: [{ minNodes: 0, maxNodes: 8, fixedComparisonNodes: 4 }],
  workloads: {
    jobStreams: [
      { tenant: "a", ratePerDay: 6 },
      { tenant: "b", ratePerDay: 4 },
    ],
    servedModels: { count: 12, tenants: ["a", "b"] },
    tierModels: { Bronze: 2, Silver: 2, Gold: 2, Platinum: 2, tenants: ["a", "b"] },
  },
  chargeback: { compareDedicated: true },
});

describe("platform-metrics declares exactly what the platform emits", () => {
  const run = runPlatform(config, { seed: 5, replication: 0, horizonMonths: 2 });

  it("KPIs", () => {
    const emitted = Object.keys(run.kpis);
    expect(undeclared(emitted, Object.keys(PLATFORM_KPIS))).toEqual([]);
    expect(neverEmitted(emitted, Object.keys(PLATFORM_KPIS))).toEqual([]);
  });

  it("monthly series", () => {
    expect(Object.keys(run.series)).toEqual(Object.keys(PLATFORM_SERIES));
  });

  it("samples", () => {
    const emitted = Object.keys(run.samples);
    expect(undeclared(emitted, Object.keys(PLATFORM_SAMPLES))).toEqual([]);
    expect(neverEmitted(emitted, Object.keys(PLATFORM_SAMPLES))).toEqual([]);
  });

  it("the observed peak is cluster.peakNodes and never above the configured maxNodes", () => {
    expect(run.kpis["cluster.maxNodes"]).toBeUndefined();
    expect(run.kpis["cluster.peakNodes"]).toBeGreaterThan(0);
    expect(run.kpis["cluster.peakNodes"]).toBeLessThanOrEqual(8);
  });
});
