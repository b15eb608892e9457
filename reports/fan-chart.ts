/**
 * Fan chart: for each series the median by month as a line and the P10-P90 band as an area (the usual way to
 * show the spread of Monte Carlo paths; e.g. Bank of England inflation fan charts).
 */
import type { TopLevelSpec } from "vega-lite";
import type { SeriesSummary } from "../src/montecarlo/types.ts";
import { percentFactor, tooltipFormat, type ValueKind } from "./metric-units.ts";
import { frame, type Layer, monthX, type Row, SIZE, valueY } from "./spec-parts.ts";

/** One series to draw, with the legend label under which it appears. */
export interface FanSeries {
  label: string;
  series: SeriesSummary;
  /** Multiplier applied to every value (e.g. 100 for a ratio drawn in percent). Default: 100 for share units, else 1. */
  factor?: number;
}

/** Rows `{ series, month, p10, p50, p90, mean }`, shares converted to percent. */
export function fanRows(items: readonly FanSeries[]): Row[] {
  const rows: Row[] = [];
  for (const { label, series, factor } of items) {
    const k = factor ?? percentFactor(series.unit);
    const scale = (v: number | undefined): number | null =>
      v === undefined || !Number.isFinite(v) ? null : v * k;
    for (let m = 0; m < series.months; m++) {
      rows.push({
        series: label,
        month: m,
        p10: scale(series.p10[m]),
        p50: scale(series.p50[m]),
        p90: scale(series.p90[m]),
        mean: scale(series.mean[m]),
      });
    }
  }
  return rows;
}

/** Options of a fan chart. */
export interface FanOptions {
  title: string;
  subtitle?: string;
  items: readonly FanSeries[];
  colours: readonly string[];
  yTitle: string;
  kind: ValueKind;
  months: number;
  /** Step interpolation for piecewise-constant series (maturity level). */
  step?: boolean;
  /** Fixed y domain, e.g. [0, 100] for utilisation. */
  yDomain?: [number, number];
  /** Extra properties of the y channel (e.g. `{ axis: { tickMinStep: 1 } }`), merged over the defaults. */
  yExtra?: Record<string, unknown>;
  /** Extra layers drawn on top (reference lines). */
  extraLayers?: Layer[];
}

/** A fan chart spec: one band and one median line per series, coloured by series label. */
export function fanChart(options: FanOptions): TopLevelSpec {
  const domain = options.items.map((i) => i.label);
  const colour = {
    field: "series",
    type: "nominal" as const,
    title: null,
    scale: { domain, range: [...options.colours] },
    legend: domain.length > 1 ? { symbolType: "stroke", symbolStrokeWidth: 3, symbolOpacity: 1 } : null,
  };
  const fmt = tooltipFormat(options.kind);
  const yScale = options.yDomain === undefined ? { zero: false } : { domain: options.yDomain, zero: false };
  const interpolate = options.step === true ? ("step-after" as const) : ("monotone" as const);
  return {
    ...frame(options.title, options.subtitle),
    ...SIZE,
    data: { values: fanRows(options.items) },
    encoding: { x: monthX(options.months) },
    layer: [
      {
        mark: { type: "area", opacity: 0.22, interpolate },
        encoding: {
          y: valueY("p10", options.yTitle, options.kind, { scale: yScale, ...options.yExtra }),
          y2: { field: "p90" },
          color: colour,
        },
      },
      {
        mark: { type: "line", strokeWidth: 2.2, interpolate },
        encoding: {
          y: valueY("p50", options.yTitle, options.kind, { scale: yScale, ...options.yExtra }),
          color: colour,
          tooltip: [
            { field: "series", type: "nominal", title: "Series" },
            { field: "month", type: "quantitative", title: "Month" },
            { field: "p50", type: "quantitative", title: "P50", format: fmt },
            { field: "p10", type: "quantitative", title: "P10", format: fmt },
            { field: "p90", type: "quantitative", title: "P90", format: fmt },
          ],
        },
      },
      ...(options.extraLayers ?? []),
    ],
  } as TopLevelSpec;
}
