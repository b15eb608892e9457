/**
 * What the platform's parts return, typed by the metric catalogue (src/model/metrics.ts): the monthly series of
 * `closeMonth`, the end-of-run KPIs and the pooled samples of `finish`. A name that is not in the catalogue does
 * not compile; the catalogue holds each name's label, unit, meaning and producing part.
 */
import type { KpiName, SampleName, SeriesName } from "../metrics.ts";

/** One month's series values. */
export type PlatformMonthSeries = Partial<Record<SeriesName, number>>;
/** End-of-run KPI values. */
export type PlatformKpis = Partial<Record<KpiName, number>>;
/** End-of-run pooled samples. */
export type PlatformSamples = Partial<Record<SampleName, number[]>>;
