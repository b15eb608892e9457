/**
 * The chart of a run's "against the guide" panel: one row per claim that has an estimate, its claimed band as a
 * green rectangle (an open side runs past the data), and the estimate with its 95% CI as a point and a bar in the
 * verdict's colour. Each row has its own x axis in the claim's unit (shares in percent), since the claims measure
 * different things; the rows are stacked (vconcat) so they read as a list next to the table.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ClaimResult } from "../../src/claims/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { percentFactor } from "../metric-units.ts";
import { frame } from "../spec-parts.ts";
import { BAND_COLOUR, bandExtent } from "./claim-distribution-chart.ts";
import { measureText, VERDICT_WORDS } from "./claim-format.ts";
import { VERDICT_COLOURS } from "./verdict-colours.ts";

/** Id of the chart in the run report. */
export const CLAIMS_ESTIMATES_CHART_ID = "claims-estimates";

/** The estimates against the claimed bands, or undefined when no claim has an estimate and a band. */
export function buildClaimsEstimatesChart(claims: readonly ClaimResult[]): ChartSpec | undefined {
  const shown = claims.filter(
    (c) =>
      c.estimate !== undefined && c.ci !== undefined && c.band !== undefined && Number.isFinite(c.estimate),
  );
  if (shown.length === 0) return undefined;
  const rows = shown.map((claim) => {
    const factor = percentFactor(claim.unit ?? "");
    const [low, high] = claim.ci!.map((v) => v * factor) as [number, number];
    const { bandLow, bandHigh, domain } = bandExtent(claim.band, factor, low, high);
    const what = measureText(claim) || claim.id;
    const x = {
      type: "quantitative",
      title: `${claim.id}: ${factor === 100 ? `${what} (%)` : what}`,
      scale: { domain, nice: false, zero: false },
      axis: { titleFontWeight: "normal", titleFontSize: 11, tickCount: 5 },
    };
    const colour = VERDICT_COLOURS[claim.verdict][0];
    const tooltip = [
      { field: "claim", type: "nominal", title: "Claim" },
      { field: "verdict", type: "nominal", title: "Verdict" },
      { field: "estimate", type: "quantitative", title: "Estimate", format: ",.4~g" },
      { field: "low", type: "quantitative", title: "95% CI low", format: ",.4~g" },
      { field: "high", type: "quantitative", title: "95% CI high", format: ",.4~g" },
    ];
    return {
      width: 460,
      height: 18,
      layer: [
        {
          data: { values: [{ from: bandLow, to: bandHigh }] },
          mark: { type: "rect", color: BAND_COLOUR, opacity: 0.25, clip: true },
          encoding: { x: { field: "from", ...x }, x2: { field: "to" } },
        },
        {
          data: {
            values: [
              {
                claim: claim.id,
                verdict: VERDICT_WORDS[claim.verdict],
                estimate: claim.estimate! * factor,
                low,
                high,
              },
            ],
          },
          layer: [
            {
              mark: { type: "rule", color: colour, strokeWidth: 3 },
              encoding: { x: { field: "low", ...x }, x2: { field: "high" }, tooltip },
            },
            {
              mark: { type: "point", color: colour, filled: true, size: 70, opacity: 1 },
              encoding: { x: { field: "estimate", ...x }, tooltip },
            },
          ],
        },
      ],
    };
  });
  const spec = {
    ...frame(
      "Against the guide: estimates and claimed bands",
      "green: the claimed band; point and bar: estimate and 95% CI, in the verdict's colour",
    ),
    vconcat: rows,
    spacing: 8,
  } as unknown as TopLevelSpec;
  return {
    id: CLAIMS_ESTIMATES_CHART_ID,
    title: "Against the guide: estimates and claimed bands",
    guide:
      "One row per claim, on its own scale: the claim holds when the bar (95% CI) lies inside the green band and fails when it lies outside.",
    spec,
  };
}
