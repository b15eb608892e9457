/**
 * Label, unit and better-direction of a metric, for summaries. The model declares them once, in its metric
 * catalogue (src/model/metrics.ts); the Monte Carlo layer describes with that catalogue unless a run passes its
 * own `describe` (another model's).
 */
import { metricInfo } from "../model/metrics.ts";
import type { MetricInfo } from "./types.ts";

/** Maps a metric name (KPI, series or sample) to its label, unit and better-direction. */
export type DescribeMetric = (name: string) => MetricInfo;

/**
 * The description of the default model's metrics: its catalogue's `metricInfo`. A name outside the catalogue is
 * its own label, without unit or direction.
 */
export function defaultDescribeMetric(): DescribeMetric {
  return metricInfo;
}
