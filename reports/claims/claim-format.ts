/**
 * How claims read in the scorecards: a claimed band (`>= 75%`, `60% to 70%`), an estimate with its 95% CI and a
 * verdict's words, formatted with the report's number formatting (number-format.ts) in the claim's unit.
 */
import type { ClaimBand, ClaimResult, Verdict } from "../../src/claims/types.ts";
import { VERDICTS } from "../../src/claims/types.ts";
import { formatMetric } from "../number-format.ts";

/** The words of a verdict in tables and badges. */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  holds: "holds",
  fails: "fails",
  undecided: "undecided",
  "holds-only-if": "holds only if",
  input: "input",
  "not-modelled": "not modelled",
};

/** One value in the claim's unit (money in USD, shares in percent, multiples with ×). */
export function claimValue(value: number, unit: string | undefined): string {
  // claims such as 99.99% uptime need more digits than a KPI tile shows
  if (unit === "ratio" && Number.isFinite(value)) return `${Number((100 * value).toPrecision(4))}%`;
  return formatMetric(value, unit ?? "", "USD");
}

/** The claimed band: `>= 75%`, `<= 3`, `60% to 70%`; `–` when the claim has none. */
export function bandText(band: ClaimBand | undefined, unit: string | undefined): string {
  if (band === undefined) return "–";
  if (band.low !== undefined && band.high !== undefined) {
    return band.low === band.high
      ? `= ${claimValue(band.low, unit)}`
      : `${claimValue(band.low, unit)} to ${claimValue(band.high, unit)}`;
  }
  if (band.low !== undefined) return `>= ${claimValue(band.low, unit)}`;
  return `<= ${claimValue(band.high!, unit)}`;
}

/** The estimate with its 95% CI: `85.2% [85.1%, 85.3%]`; `–` when the claim was not run. */
export function estimateText(claim: Pick<ClaimResult, "estimate" | "ci" | "unit">): string {
  if (claim.estimate === undefined || claim.ci === undefined) return "–";
  return `${claimValue(claim.estimate, claim.unit)} [${claimValue(claim.ci[0], claim.unit)}, ${claimValue(claim.ci[1], claim.unit)}]`;
}

/** What the claim measures, in words: `reduction of Cluster cost`, `Delivered (month 18)`. */
export function measureText(claim: Pick<ClaimResult, "label" | "month" | "measure">): string {
  if (claim.label === undefined) return "";
  const what = claim.month === undefined ? claim.label : `${claim.label} (month ${claim.month})`;
  return claim.measure === "value" ? what : `${claim.measure} of ${what}`;
}

/** The counts per verdict in words: `12 holds, 3 holds only if, ...` (verdicts with none left out). */
export function countsText(counts: Readonly<Record<Verdict, number>>): string {
  return VERDICTS.filter((v) => counts[v] > 0)
    .map((v) => `${counts[v]} ${VERDICT_WORDS[v]}`)
    .join(", ");
}
