/**
 * Building blocks shared by the chart builders: Vega-Lite types derived from `TopLevelSpec`, the month axis,
 * value axes by unit kind, and the frame every top-level spec gets (schema, config, size).
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from "./chart-theme.ts";
import { axisLabelExpr, type ValueKind } from "./metric-units.ts";

/** A layered top-level spec. */
export type LayeredSpec = Extract<TopLevelSpec, { layer: unknown }>;
/** One layer of a layered spec (a unit or a nested layer). */
export type Layer = LayeredSpec["layer"][number];
/** A unit spec with a mark. */
export type UnitLayer = Extract<Layer, { mark: unknown }>;
/** The encoding of a unit spec. */
export type Encoding = NonNullable<UnitLayer["encoding"]>;
/** A positional (x/y) channel definition. */
export type PositionChannel = NonNullable<Encoding["x"]>;
/** A data row of an inline data set. */
export type Row = Record<string, string | number | boolean | null>;

/** Frame of a top-level spec: `$schema`, config, default size and the title shown in exported images. */
export function frame(
  title: string,
  subtitle?: string,
): {
  $schema: string;
  config: typeof CHART_CONFIG;
  title: { text: string; subtitle?: string };
} {
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    title: subtitle === undefined ? { text: title } : { text: title, subtitle },
  };
}

/** Default plot size. */
export const SIZE = { width: CHART_WIDTH, height: CHART_HEIGHT } as const;

/** Month tick values every `step` months from 0 to the last month. */
export function monthTicks(months: number): number[] {
  const step = months > 48 ? 12 : months > 18 ? 6 : months > 8 ? 3 : 1;
  const ticks: number[] = [];
  for (let m = 0; m <= Math.max(0, months - 1); m += step) ticks.push(m);
  return ticks;
}

/** x channel for the month index (0 = first month), titled "Month". */
export function monthX(months: number, field = "month"): PositionChannel {
  return {
    field,
    type: "quantitative",
    title: "Month",
    scale: { domain: [0, Math.max(1, months - 1)], nice: false },
    axis: { values: monthTicks(months), format: "d", grid: false },
  };
}

/** Axis config for a value axis of the given kind. */
export function valueAxis(kind: ValueKind): { labelExpr: string } {
  return { labelExpr: axisLabelExpr(kind) };
}

/** Quantitative y channel with title and a label format matching the unit kind. */
export function valueY(
  field: string,
  title: string,
  kind: ValueKind,
  extra: Record<string, unknown> = {},
): PositionChannel {
  return { field, type: "quantitative", title, axis: valueAxis(kind), ...extra } as PositionChannel;
}

/** y channel of the reach S-curves: `probability` in percent on a fixed 0-100 scale. */
export function reachProbabilityY(): PositionChannel {
  return {
    field: "probability",
    type: "quantitative",
    title: "Probability (%)",
    scale: { domain: [0, 100] },
    axis: { labelExpr: "datum.value + '%'" },
  };
}

/** Drop non-finite numbers so that the JSON and the chart carry only real values. */
export function finiteOr(value: number, fallback: number | null = null): number | null {
  return Number.isFinite(value) ? value : fallback;
}

/**
 * A copy of a chart with every non-finite number in its spec replaced by null (JSON has no NaN or Infinity;
 * Vega treats null as a missing value), so what the JSON says is what the chart draws.
 */
export function withFiniteNumbers<T extends { spec: unknown }>(chart: T): T {
  const clean = (node: unknown): unknown => {
    if (typeof node === "number") return Number.isFinite(node) ? node : null;
    if (Array.isArray(node)) return node.map(clean);
    if (typeof node === "object" && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, clean(v)]));
    }
    return node;
  };
  return { ...chart, spec: clean(chart.spec) };
}
