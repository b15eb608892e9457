/** Serving options for tests of the serving pool and its parts: one pool, hourly steps, a seeded request stream. */
import { StreamFactory } from "../../../engine/index.ts";
import type { ServingOptions } from "../../../src/model/platform/serving-options.ts";

/** Options of a test pool (flat load, CPU-only HPA), with `overrides`. */
export function servingOptionsFixture(overrides: Partial<ServingOptions> = {}): ServingOptions {
  return {
    name: "pool",
    mode: "multiModel",
    stepHours: 1,
    podCostPerHour: 1,
    dedicatedPodCostPerHour: 1,
    podMemoryGb: 16,
    podOverheadGb: 2,
    loadSeconds: 10,
    requestsPerSecondPerModel: 1,
    zipfExponent: 1,
    diurnalAmplitude: 0,
    peakHour: 14,
    growthPerMonth: 0,
    serviceMs: 50,
    concurrencyPerPod: 4,
    targetUtilisation: 0.6,
    memoryTargetUtilisation: 0,
    tolerance: 0.1,
    stabilisationWindowSeconds: 300,
    minReplicas: 1,
    maxReplicas: 20,
    source: new StreamFactory(1, 0).get("requests"),
    ...overrides,
  };
}
