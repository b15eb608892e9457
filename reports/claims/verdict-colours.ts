/**
 * The colours of the verdicts, one owner for every place a verdict is drawn: the badges of the scorecard and of a
 * run's "against the guide" panel, and the points of the panel's chart.
 */
import type { Verdict } from "../../src/claims/types.ts";

/** Badge colours per verdict: [background, text]. */
export const VERDICT_COLOURS: Readonly<Record<Verdict, readonly [string, string]>> = {
  holds: ["#1e8449", "#fff"],
  "holds-only-if": ["#b9770e", "#fff"],
  undecided: ["#7f8c8d", "#fff"],
  fails: ["#a93226", "#fff"],
  input: ["#2f6b9a", "#fff"],
  "not-modelled": ["#d5dde5", "#1b2a38"],
};
