/**
 * A claim's holds-only-if search: the sampled condition points (first condition across, second up, or the point's
 * estimate up when there is one condition), coloured by whether the claim holds there, with PRIM's box drawn as a
 * rectangle.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ClaimResult } from "../../src/claims/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR, REFERENCE_COLOUR } from "../chart-theme.ts";
import { frame } from "../spec-parts.ts";
import { BAND_COLOUR } from "./claim-distribution-chart.ts";

/** The scatter of `claim`'s search, or undefined when it had none. */
export function buildClaimRegionChart(claim: ClaimResult): ChartSpec | undefined {
  const d = claim.discovery;
  if (d === undefined || d.samples.length === 0) return undefined;
  const two = d.paths.length >= 2;
  const rows = d.samples.map((s) => ({
    x: s.values[0]!,
    y: two ? s.values[1]! : s.estimate,
    outcome: s.holds ? "holds" : "does not hold",
  }));
  const x = { type: "quantitative", title: d.paths[0]!, scale: { zero: false } };
  const y = {
    type: "quantitative",
    title: two ? d.paths[1]! : "Estimate at the point",
    scale: { zero: false },
  };
  const layers: unknown[] = [
    {
      data: { values: rows },
      mark: { type: "point", filled: true, size: 40, opacity: 0.85 },
      encoding: {
        x: { field: "x", ...x },
        y: { field: "y", ...y },
        color: {
          field: "outcome",
          type: "nominal",
          title: null,
          scale: { domain: ["holds", "does not hold"], range: [BAND_COLOUR, REFERENCE_COLOUR] },
        },
      },
    },
  ];
  if (d.region !== undefined) {
    const yLow = two ? d.region[1]!.min : Math.min(...rows.map((r) => r.y));
    const yHigh = two ? d.region[1]!.max : Math.max(...rows.map((r) => r.y));
    layers.unshift({
      data: { values: [{ x: d.region[0]!.min, x2: d.region[0]!.max, y: yLow, y2: yHigh }] },
      mark: { type: "rect", fill: MAIN_COLOUR, fillOpacity: 0.12, stroke: MAIN_COLOUR, strokeWidth: 1.5 },
      encoding: {
        x: { field: "x", ...x },
        x2: { field: "x2" },
        y: { field: "y", ...y },
        y2: { field: "y2" },
      },
    });
  }
  const subtitle =
    d.coverage === undefined
      ? d.text
      : `Box: coverage ${Math.round(100 * d.coverage)}%, density ${Math.round(100 * d.density!)}% (threshold ${Math.round(100 * d.threshold)}%)`;
  const spec = {
    ...frame(`Where "${claim.id}" holds`, subtitle),
    width: 460,
    height: 220,
    layer: layers,
  } as unknown as TopLevelSpec;
  return {
    id: `claim-${claim.id}-region`,
    title: `Where "${claim.id}" holds`,
    guide: `${d.points} Latin hypercube points of the conditions, ${d.replicationsPerPoint} replications each; the rectangle is the box PRIM found.`,
    spec,
  };
}
