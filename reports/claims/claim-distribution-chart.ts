/**
 * A claim's simulated distribution against its claimed band: a histogram of the per-replication quantity, the band
 * as a shaded rectangle (an open side runs to the edge of the data), and the estimate with its 95% CI as a point
 * and a bar above the histogram. Shares are charted in percent (metric-units.ts).
 */
import type { TopLevelSpec } from "vega-lite";
import type { ClaimBand, ClaimResult } from "../../src/claims/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR, REFERENCE_COLOUR } from "../chart-theme.ts";
import { percentFactor } from "../metric-units.ts";
import { frame } from "../spec-parts.ts";
import { measureText } from "./claim-format.ts";

/** Colour of the claimed band. */
export const BAND_COLOUR = "#27ae60";

/**
 * Where to draw a claimed band next to data spanning [low, high] (charted units: the band is scaled by `factor`):
 * an open side of the band runs past the data and past the other side, so the rectangle is never inverted, and
 * the x domain holds the data and the band with a margin.
 */
export function bandExtent(
  band: ClaimBand | undefined,
  factor: number,
  low: number,
  high: number,
): { bandLow: number; bandHigh: number; domain: [number, number] } {
  const givenLow = band?.low === undefined ? undefined : band.low * factor;
  const givenHigh = band?.high === undefined ? undefined : band.high * factor;
  // the margin is a tenth of everything drawn (data and the band's given sides), so a band far from the data shows
  const from = Math.min(low, givenLow ?? low, givenHigh ?? low);
  const to = Math.max(high, givenLow ?? high, givenHigh ?? high);
  const pad = to > from ? (to - from) * 0.1 : Math.max(Math.abs(to) * 0.1, 1);
  const bandLow = givenLow ?? Math.min(low, givenHigh ?? low) - pad;
  const bandHigh = givenHigh ?? Math.max(high, givenLow ?? high) + pad;
  return { bandLow, bandHigh, domain: [Math.min(low - pad, bandLow), Math.max(high + pad, bandHigh)] };
}

/** The distribution chart of `claim`, or undefined when it was not run. */
export function buildClaimDistributionChart(claim: ClaimResult): ChartSpec | undefined {
  const values = claim.distribution;
  if (values === undefined || values.length === 0 || claim.ci === undefined || claim.estimate === undefined)
    return undefined;
  const factor = percentFactor(claim.unit ?? "");
  const shown = values.map((v) => v * factor);
  const { bandLow, bandHigh, domain } = bandExtent(
    claim.band,
    factor,
    Math.min(...shown, claim.ci[0] * factor),
    Math.max(...shown, claim.ci[1] * factor),
  );
  const title = measureText(claim) || claim.id;
  const xTitle = factor === 100 ? `${title} (%)` : title;
  const x = { type: "quantitative", title: xTitle, scale: { domain, nice: false, zero: false } };
  const spec = {
    ...frame(title, `${values.length} replications; green: the claimed band; dark bar: estimate and 95% CI`),
    width: 460,
    height: 160,
    layer: [
      {
        data: { values: [{ from: bandLow, to: bandHigh }] },
        mark: { type: "rect", color: BAND_COLOUR, opacity: 0.18, clip: true },
        encoding: { x: { field: "from", ...x }, x2: { field: "to" } },
      },
      {
        data: { values: shown.map((value) => ({ value })) },
        mark: { type: "bar", color: MAIN_COLOUR, opacity: 0.75 },
        encoding: {
          x: { field: "value", bin: { maxbins: 30, extent: domain }, ...x },
          y: { aggregate: "count", type: "quantitative", title: "Replications" },
        },
      },
      {
        data: {
          values: [
            { estimate: claim.estimate * factor, low: claim.ci[0] * factor, high: claim.ci[1] * factor },
          ],
        },
        layer: [
          {
            mark: { type: "rule", color: REFERENCE_COLOUR, strokeWidth: 3 },
            encoding: { x: { field: "low", ...x }, x2: { field: "high" }, y: { value: 4 } },
          },
          {
            mark: { type: "point", color: REFERENCE_COLOUR, filled: true, size: 60 },
            encoding: {
              x: { field: "estimate", ...x },
              y: { value: 4 },
              tooltip: [
                { field: "estimate", type: "quantitative", title: "Estimate", format: ",.4~g" },
                { field: "low", type: "quantitative", title: "95% CI low", format: ",.4~g" },
                { field: "high", type: "quantitative", title: "95% CI high", format: ",.4~g" },
              ],
            },
          },
        ],
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: `claim-${claim.id}-distribution`,
    title,
    guide:
      "Bars: the quantity in each replication; the claim holds when the red CI lies inside the green band.",
    spec,
  };
}
