/**
 * Label, unit and better-direction of a metric, for summaries. The model owns the metadata
 * (src/model/metrics.ts, `metricInfo`); this module loads it on demand so that the Monte Carlo layer also
 * works with fixture models, and falls back to the bare name when the model's table is not available.
 */
import type { MetricInfo } from "./types.ts";

/** Maps a metric name (KPI, series or sample) to its label, unit and better-direction. */
export type DescribeMetric = (name: string) => MetricInfo;

/** Fallback description: the name as label, no unit, no direction. */
export const describeByName: DescribeMetric = (name) => ({ label: name, unit: "" });

let loaded: Promise<DescribeMetric> | undefined;

/**
 * The model's `metricInfo` from src/model/metrics.ts (or dist's .js), or {@link describeByName} when that
 * module cannot be loaded.
 */
export function defaultDescribeMetric(): Promise<DescribeMetric> {
  loaded ??= (async () => {
    const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
    try {
      const module = (await import(new URL(`../model/metrics${extension}`, import.meta.url).href)) as {
        metricInfo?: unknown;
      };
      if (typeof module.metricInfo === "function") {
        const metricInfo = module.metricInfo as (name: string) => MetricInfo;
        return (name: string) => {
          const info = metricInfo(name);
          return info.better === undefined
            ? { label: info.label, unit: info.unit }
            : { label: info.label, unit: info.unit, better: info.better };
        };
      }
    } catch {
      // the model's metadata is not there (fixture models, partial builds): names are still useful labels
    }
    return describeByName;
  })();
  return loaded;
}
