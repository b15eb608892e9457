/**
 * claims.csv: one row per claim with its band, estimate, 95% CI, replications, verdict and holds-only-if region
 * (RFC 4180 through csv-format.ts).
 */
import type { ClaimsSummary } from "../../src/claims/types.ts";
import { toCsv } from "../csv/csv-format.ts";

/** Column names of claims.csv. */
export const CLAIMS_CSV_HEADER = [
  "id",
  "source",
  "section",
  "status",
  "verdict",
  "metric",
  "month",
  "measure",
  "unit",
  "band_low",
  "band_high",
  "estimate",
  "ci_low",
  "ci_high",
  "replications",
  "budget",
  "region",
  "coverage",
  "density",
  "text",
] as const;

/** The claims table as CSV text. */
export function buildClaimsCsv(summary: ClaimsSummary): string {
  return toCsv(
    CLAIMS_CSV_HEADER,
    summary.claims.map((c) => [
      c.id,
      c.source,
      c.section,
      c.status,
      c.verdict,
      c.metric,
      c.month,
      c.measure,
      c.unit,
      c.band?.low,
      c.band?.high,
      c.estimate,
      c.ci?.[0],
      c.ci?.[1],
      c.replications,
      c.budget,
      c.discovery?.region === undefined ? undefined : c.discovery.text,
      c.coverage,
      c.density,
      c.text,
    ]),
  );
}
