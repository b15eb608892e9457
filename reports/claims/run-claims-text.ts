/**
 * The "against the guide" block of `scalesim run`'s terminal output: the claims about the run's scenario with their
 * claimed band, estimate and 95% CI, and verdict at the run's replications, then the counts. Pure: plain text.
 */
import type { RunClaims } from "../../src/claims/types.ts";
import { bandText, countsText, estimateText, VERDICT_WORDS } from "./claim-format.ts";
import { textTable } from "./scorecard-text.ts";

/**
 * The block for `claims` (ends with a newline); `ran`: replications the claims ran beyond the run's own (the other
 * scenario of comparisons), said when there were any.
 */
export function renderRunClaims(claims: RunClaims, ran = 0): string {
  const rows = claims.claims.map((claim) => [
    claim.id,
    bandText(claim.band, claim.unit),
    estimateText(claim),
    VERDICT_WORDS[claim.verdict],
  ]);
  const lines = [
    `Against the guide: ${claims.claims.length} claims of ${claims.file} about this scenario, at its ${claims.replications} replications (seed ${claims.seed})`,
    ...textTable(["claim", "claimed", "estimate [95% CI]", "verdict"], rows),
    `  ${countsText(claims.counts)}${claims.claims.some((c) => c.verdict === "undecided") ? "; undecided: `scalesim claims` adds replications" : ""}`,
  ];
  if (ran > 0)
    lines.push(`  (${ran} replications of the scenarios these claims compare with ran for this block)`);
  return `${lines.join("\n")}\n`;
}
