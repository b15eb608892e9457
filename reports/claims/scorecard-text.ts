/**
 * The terminal scorecard of a claims run: one row per claim (id, claimed band, estimate with its 95% CI, verdict,
 * replications), then the holds-only-if regions and a count per verdict. Pure: plain text, no colour, no I/O.
 */
import type { ClaimsSummary } from "../../src/claims/types.ts";
import { bandText, countsText, estimateText, VERDICT_WORDS } from "./claim-format.ts";

/** Rows as aligned plain-text columns, indented by two spaces. */
export function textTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join("   ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The scorecard of `summary`, ending with a newline. */
export function renderScorecard(summary: ClaimsSummary): string {
  const rows = summary.claims.map((claim) => [
    claim.id,
    bandText(claim.band, claim.unit),
    estimateText(claim),
    VERDICT_WORDS[claim.verdict],
    claim.replications === 0 ? "–" : String(claim.replications),
  ]);
  const lines = [
    `${summary.name}: ${summary.claims.length} claims (seed ${summary.seed})`,
    ...textTable(["claim", "claimed", "estimate [95% CI]", "verdict", "replications"], rows),
  ];
  const regions = summary.claims.filter((claim) => claim.discovery !== undefined);
  if (regions.length > 0) {
    lines.push("", "holds only if:");
    for (const claim of regions) {
      const d = claim.discovery!;
      const stats =
        d.coverage === undefined
          ? ""
          : ` (coverage ${Math.round(100 * d.coverage)}%, density ${Math.round(100 * d.density!)}%)`;
      lines.push(`  ${claim.id}: ${d.text}${stats}`);
    }
  }
  lines.push("", countsText(summary.counts));
  return `${lines.join("\n")}\n`;
}
