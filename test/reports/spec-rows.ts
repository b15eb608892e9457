/**
 * Test helpers reading what a chart spec carries: its inline data rows, and a chart by id.
 */
import type { ChartSpec } from "../../reports/index.ts";

/** One inline data row. */
export type Row = Record<string, unknown>;

/** All inline data rows of a spec (top level, layers, concat panels), in document order. */
export function rows(spec: unknown): Row[] {
  const out: Row[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    const data = o.data as { values?: Row[] } | undefined;
    if (data?.values !== undefined) out.push(...data.values);
    for (const key of ["layer", "concat", "hconcat", "vconcat"]) if (key in o) walk(o[key]);
  };
  walk(spec);
  return out;
}

/** The chart with this id. @throws Error naming the ids present when it is missing. */
export function chart(charts: readonly ChartSpec[], id: string): ChartSpec {
  const found = charts.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no chart ${id} among ${charts.map((c) => c.id).join(", ")}`);
  return found;
}
