/**
 * Parameters of a serving platform (serving-pool.ts): prices, pod memory, load profile, latency model and the
 * HPA settings, as the scenario's `platform.serving` section gives them plus what the platform decides (name,
 * minimum pods, random source, shadow).
 */
import type { RandomSource } from "../../../engine/index.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";

/** Parameters of a serving pool. */
export interface ServingOptions {
  name: string;
  mode: "multiModel" | "dedicated";
  stepHours: number;
  podCostPerHour: number;
  /** Price of a pod of a dedicated deployment (the guide compares equal pods). */
  dedicatedPodCostPerHour: number;
  podMemoryGb: number;
  podOverheadGb: number;
  loadSeconds: number;
  /** Mean requests per second per live model, before the diurnal profile and growth. */
  requestsPerSecondPerModel: number;
  zipfExponent: number;
  /** Relative swing of the diurnal profile in [0, 1]: rate x (1 + a cos(2 pi (h - peakHour) / 24)). */
  diurnalAmplitude: number;
  peakHour: number;
  /** Growth of the per-model rate per month (0.02 = +2% a month, compounded). */
  growthPerMonth: number;
  serviceMs: number;
  concurrencyPerPod: number;
  targetUtilisation: number;
  /** HPA target of the pool's memory metric in (0, 1]; 0 = scale on CPU only. */
  memoryTargetUtilisation: number;
  tolerance: number;
  stabilisationWindowSeconds: number;
  minReplicas: number;
  maxReplicas: number;
  /** Uniform source for request arrivals within a step. */
  source: RandomSource;
  /** Only compute pods and cost (for comparisons): no caches, no latency. */
  shadow?: boolean;
  /** Replay a day identical to the previous one instead of stepping through it (default true; exact). */
  replayDays?: boolean;
}

/** The scenario's `platform.serving` section as the options of one pool, with what the platform decides. */
export function servingOptions(
  serving: PlatformConfig["serving"],
  pool: { name: string; shadow: boolean; minReplicas: number; source: RandomSource },
): ServingOptions {
  const s = serving;
  return {
    name: pool.name,
    mode: s.mode,
    stepHours: s.stepHours,
    podCostPerHour: s.podCostPerHour,
    dedicatedPodCostPerHour: s.dedicatedPodCostPerHour,
    podMemoryGb: s.podMemoryGb,
    podOverheadGb: s.podOverheadGb,
    loadSeconds: s.loadSeconds,
    requestsPerSecondPerModel: s.requestsPerSecondPerModel,
    zipfExponent: s.zipfExponent,
    diurnalAmplitude: s.diurnalAmplitude,
    peakHour: s.peakHour,
    growthPerMonth: s.growthPerMonth,
    serviceMs: s.serviceMs,
    concurrencyPerPod: s.concurrencyPerPod,
    targetUtilisation: s.targetUtilisation,
    memoryTargetUtilisation: s.memoryTargetUtilisation,
    tolerance: s.tolerance,
    stabilisationWindowSeconds: s.stabilisationWindowSeconds,
    minReplicas: pool.minReplicas,
    maxReplicas: s.maxReplicas,
    source: pool.source,
    shadow: pool.shadow,
  };
}
