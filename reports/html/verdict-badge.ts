/**
 * A verdict as an HTML badge (the scorecard's and the run report's "against the guide" panel): the verdict's words
 * (claim-format.ts) on its colour (verdict-colours.ts).
 */
import type { Verdict } from "../../src/claims/types.ts";
import { VERDICT_WORDS } from "../claims/claim-format.ts";
import { VERDICT_COLOURS } from "../claims/verdict-colours.ts";
import { escapeHtml } from "./escape-html.ts";

/** The badge of `verdict`: `<span class="badge verdict-holds" ...>holds</span>`. */
export function verdictBadge(verdict: Verdict): string {
  const [background, colour] = VERDICT_COLOURS[verdict];
  return `<span class="badge verdict-${verdict}" style="background:${background};color:${colour}">${escapeHtml(VERDICT_WORDS[verdict])}</span>`;
}

/** CSS of the badge (the page styles it is added to lack it). */
export const BADGE_STYLE =
  "span.badge { display: inline-block; padding: 2px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; margin-right: 6px; white-space: nowrap; }";
