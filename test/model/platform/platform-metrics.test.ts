import { describe, expect, it } from "vitest";
import { METRICS, type MetricKind, type Producer, parseMetricName } from "../../../src/model/metrics.ts";
import { runPlatform } from "../../../src/model/platform/run-platform.ts";
import { platformSchema } from "../../../src/scenario/platform-schema.ts";

const PLATFORM_PARTS: readonly Producer[] = ["cluster", "serving", "tiers", "chargeback"];

/** Emitted names that are not a platform part's metric of this kind in the catalogue. */
function outsideCatalogue(names: readonly string[], kind: MetricKind): string[] {
  return names.filter((name) => {
    const match = parseMetricName(name);
    return (
      match === undefined ||
      !PLATFORM_PARTS.includes(match.entry.producer) ||
      !(match.entry.kinds as readonly MetricKind[]).includes(kind)
    );
  });
}

/** Catalogue keys of a platform part and this kind that no emitted name matches. */
function neverEmitted(names: readonly string[], kind: MetricKind): string[] {
  const emittedKeys = new Set(names.map((name) => parseMetricName(name)?.key));
  return Object.entries(METRICS)
    .filter(
      ([, entry]) =>
        PLATFORM_PARTS.includes(entry.producer) && (entry.kinds as readonly MetricKind[]).includes(kind),
    )
    .map(([key]) => key)
    .filter((key) => !emittedKeys.has(key as never));
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

describe("the platform emits exactly its parts' names of the metric catalogue", () => {
  const run = runPlatform(config, { seed: 5, replication: 0, horizonMonths: 2 });

  for (const [kind, names] of [
    ["kpi", Object.keys(run.kpis)],
    ["series", Object.keys(run.series)],
    ["sample", Object.keys(run.samples)],
  ] as const) {
    it(`${kind} names`, () => {
      expect(outsideCatalogue(names, kind)).toEqual([]);
      expect(neverEmitted(names, kind)).toEqual([]);
    });
  }

  it("the observed peak is cluster.peakNodes and never above the configured maxNodes", () => {
    expect((run.kpis as Record<string, number>)["cluster.maxNodes"]).toBeUndefined();
    expect(run.kpis["cluster.peakNodes"]).toBeGreaterThan(0);
    expect(run.kpis["cluster.peakNodes"]).toBeLessThanOrEqual(8);
  });

  it("charges each tenant's platform cost under chargeback.platformCost.<tenant>", () => {
    expect(
      Object.keys(run.kpis)
        .filter((k) => k.startsWith("chargeback.platformCost."))
        .sort(),
    ).toEqual(["chargeback.platformCost.a", "chargeback.platformCost.b"]);
  });
});
