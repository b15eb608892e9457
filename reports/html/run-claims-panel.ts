/**
 * The "against the guide" panel of a run report: the claims about the run's scenario (src/claims/run-claims.ts), each
 * with its text and source, claimed band, estimate with its 95% CI and verdict badge (the scorecard's words and
 * colours); input and not-modelled claims show their reason. Every user text (claims files are user input) is
 * escaped.
 */
import type { RunClaims } from "../../src/claims/types.ts";
import { bandText, countsText, estimateText } from "../claims/claim-format.ts";
import { escapeHtml } from "./escape-html.ts";
import { BADGE_STYLE, verdictBadge } from "./verdict-badge.ts";

const PANEL_STYLE = `<style>
${BADGE_STYLE}
section.against-guide { margin: 0 0 24px; }
section.against-guide h2 { font-size: 16px; margin: 0 0 6px; }
section.against-guide p.lead { font-size: 13px; color: #33414e; margin: 0 0 8px; max-width: 120ch; }
table.claims-panel td:first-child { max-width: 70ch; }
table.claims-panel .source, table.claims-panel .reason { color: var(--muted); font-size: 12px; }
table.claims-panel .reason { font-style: italic; }
table.claims-panel td:last-child, table.claims-panel th:last-child { text-align: left; }
</style>`;

/** The panel as an HTML section; empty when no claim is about the run. */
export function runClaimsPanelHtml(claims: RunClaims): string {
  if (claims.claims.length === 0) return "";
  const rows = claims.claims
    .map((c) => {
      const reason = c.reason === undefined ? "" : `<br><span class="reason">${escapeHtml(c.reason)}</span>`;
      return `<tr data-claim="${escapeHtml(c.id)}" data-verdict="${c.verdict}"><td><span class="claim-text">${escapeHtml(c.text)}</span><br><span class="source">${escapeHtml(c.source)} · <code>${escapeHtml(c.id)}</code></span>${reason}</td><td>${escapeHtml(bandText(c.band, c.unit))}</td><td>${escapeHtml(estimateText(c))}</td><td>${verdictBadge(c.verdict)}</td></tr>`;
    })
    .join("\n");
  const undecided = claims.claims.some((c) => c.verdict === "undecided")
    ? " An undecided claim straddles a bound at this many replications; scalesim claims adds replications until it decides."
    : "";
  const lead =
    `${claims.claims.length} claims of ${claims.file} are about this scenario: ${countsText(claims.counts)}. ` +
    `Each is measured on this run's ${claims.replications} replications (seed ${claims.seed}) with the rules and ` +
    "statistics of scalesim claims: it holds when the 95% confidence interval lies inside the claimed band and " +
    "fails when it lies entirely outside; comparisons are paired on common random numbers." +
    undecided;
  return `<section class="against-guide" id="against-the-guide" aria-labelledby="against-the-guide-title">
${PANEL_STYLE}
<h2 id="against-the-guide-title">Against the guide</h2>
<p class="lead">${escapeHtml(lead)}</p>
<table class="data claims-panel"><thead><tr><th>Claim</th><th>Claimed</th><th>Estimate [95% CI]</th><th>Verdict</th></tr></thead><tbody>
${rows}
</tbody></table>
</section>`;
}
