/**
 * The guide's scorecard (scenarios/claims/guide.yaml) at two replications per claim: the shape, not the figures.
 * Every claim gets a verdict of its status, tested claims an estimate inside their CI, input claims are never
 * reported holding, and the report renders. `npm run claims` runs it in full.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildClaimsCsv } from "../../reports/claims/claims-csv.ts";
import { renderScorecard } from "../../reports/claims/scorecard-text.ts";
import { buildClaimsCharts } from "../../reports/html/claims-page.ts";
import { evaluateClaims } from "../../src/claims/evaluate-claims.ts";
import { loadClaims } from "../../src/claims/load-claims.ts";
import type { ClaimsSummary } from "../../src/claims/types.ts";
import { formatIssues } from "../../src/scenario/issues.ts";

const GUIDE = fileURLToPath(new URL("../../scenarios/claims/guide.yaml", import.meta.url));

describe("the guide's scorecard at low replication counts", () => {
  let summary: ClaimsSummary;

  beforeAll(async () => {
    const loaded = await loadClaims(GUIDE);
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    summary = await evaluateClaims(loaded.claims, {
      seed: 11,
      workers: 2,
      forceReplications: 2,
      forceMaxReplications: 2,
      forceDiscovery: { points: 4, replicationsPerPoint: 1 },
    });
  }, 600_000);

  it("gives every claim a verdict that fits its status", () => {
    expect(summary.claims.length).toBeGreaterThanOrEqual(30);
    for (const claim of summary.claims) {
      if (claim.status === "test")
        expect(["holds", "fails", "undecided", "holds-only-if"], claim.id).toContain(claim.verdict);
      else expect(claim.verdict, claim.id).toBe(claim.status);
    }
    expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(summary.claims.length);
  });

  it("tested claims have a finite estimate inside their 95% CI, on at most the budget", () => {
    for (const claim of summary.claims.filter((c) => c.status === "test")) {
      expect(Number.isFinite(claim.estimate), claim.id).toBe(true);
      expect(claim.ci![0], claim.id).toBeLessThanOrEqual(claim.estimate!);
      expect(claim.ci![1], claim.id).toBeGreaterThanOrEqual(claim.estimate!);
      expect(claim.replications, claim.id).toBe(2);
    }
  });

  it("claims with conditions that do not hold carry a holds-only-if search", () => {
    for (const claim of summary.claims.filter((c) => c.discovery !== undefined)) {
      expect(claim.discovery!.samples.length).toBe(4);
      expect(claim.discovery!.text).toMatch(/holds/);
    }
  });

  it("renders as text, CSV and charts", () => {
    const text = renderScorecard(summary);
    for (const claim of summary.claims) expect(text).toContain(claim.id);
    expect(buildClaimsCsv(summary).split("\r\n").length).toBe(summary.claims.length + 2);
    const charts = buildClaimsCharts(summary);
    expect(charts.length).toBeGreaterThanOrEqual(summary.claims.filter((c) => c.ci !== undefined).length);
  });
});
