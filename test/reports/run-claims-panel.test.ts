/**
 * The run report's "against the guide" panel: built from a real small run of the financial-services case and the
 * guide's claims about it, the panel lists every claim with its band, estimate and verdict badge (the scorecard's
 * words and colours), shows reasons, escapes claim texts, and its chart draws in headless Chromium next to the
 * report's own charts with no error and no request. The browser part is skipped when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bandText, estimateText } from "../../reports/claims/claim-format.ts";
import { renderRunClaims } from "../../reports/claims/run-claims-text.ts";
import { VERDICT_COLOURS } from "../../reports/claims/verdict-colours.ts";
import { escapeHtml } from "../../reports/html/escape-html.ts";
import { runClaimsPanelHtml } from "../../reports/html/run-claims-panel.ts";
import { writeRunReport } from "../../reports/write-report.ts";
import { loadClaims } from "../../src/claims/load-claims.ts";
import { RecordingReplicationPool } from "../../src/claims/recording-pool.ts";
import { claimsAbout, evaluateRunClaims } from "../../src/claims/run-claims.ts";
import type { RunClaims, RunSummaryWithClaims } from "../../src/claims/types.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import { formatIssues } from "../../src/scenario/issues.ts";
import { loadScenario } from "../../src/scenario/load.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = resolve("test-artifacts");
const HOSTILE = `<img src=x onerror="alert(1)"> "quoted" & </script>`;
const at = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe("the against-the-guide panel of a run report", () => {
  let summary: RunSummaryWithClaims;
  let claims: RunClaims;
  const root = mkdtempSync(join(tmpdir(), "scalesim-claims-panel-"));

  beforeAll(async () => {
    const loaded = await loadClaims(at("scenarios/claims/guide.yaml"));
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    const scenario = await loadScenario(at("scenarios/financial-services.yaml"));
    if (!scenario.ok) throw new Error(formatIssues(scenario.issues));
    const pool = new RecordingReplicationPool(2);
    try {
      const run = await runScenario(scenario.scenario, { replications: 4, seed: 3, pool });
      ({ claims } = await evaluateRunClaims(
        claimsAbout({ ...loaded.claims, file: "scenarios/claims/guide.yaml" }, scenario.scenario),
        { scenario: scenario.scenario, seed: 3, replications: 4, records: pool.replications(4) },
        { pool },
      ));
      summary = { ...run, claims };
    } finally {
      await pool.destroy();
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lists every claim with its band, estimate, badge and reason; claim texts stay text", () => {
    const hostile: RunClaims = {
      ...claims,
      claims: claims.claims.map((c, i) => (i === 0 ? { ...c, text: HOSTILE, source: HOSTILE } : c)),
    };
    const html = runClaimsPanelHtml(hostile);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html.match(/<tr data-claim=/g)?.length).toBe(claims.claims.length);
    for (const claim of claims.claims) {
      const row = html.split("\n").find((line) => line.startsWith(`<tr data-claim="${claim.id}"`))!;
      expect(row, claim.id).toContain(`data-verdict="${claim.verdict}"`);
      expect(row, claim.id).toContain(`background:${VERDICT_COLOURS[claim.verdict][0]}`);
      expect(row, claim.id).toContain(`<td>${escapeHtml(bandText(claim.band, claim.unit))}</td>`);
      expect(row, claim.id).toContain(`<td>${escapeHtml(estimateText(claim))}</td>`);
      if (claim.reason !== undefined) expect(row, claim.id).toContain('class="reason"');
    }
    expect(html).toContain("on this run&#39;s 4 replications (seed 3)");
    expect(runClaimsPanelHtml({ ...claims, claims: [] })).toBe("");
  });

  it("gives the terminal a block with one row per claim and the counts", () => {
    const text = renderRunClaims(claims);
    expect(text.split("\n")[0]).toBe(
      `Against the guide: ${claims.claims.length} claims of scenarios/claims/guide.yaml about this scenario, at its 4 replications (seed 3)`,
    );
    for (const claim of claims.claims) expect(text).toMatch(new RegExp(`^ {2}${claim.id} `, "m"));
    expect(text).toMatch(/^ {2}cs1-savings-15m +– +– +not modelled$/m);
  });

  it.skipIf(!existsSync(CHROMIUM))(
    "draws in headless Chromium with the report's charts: no error, no request, no dialog",
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const hostileSummary: RunSummaryWithClaims = {
        ...summary,
        claims: { ...claims, claims: claims.claims.map((c, i) => (i === 0 ? { ...c, text: HOSTILE } : c)) },
      };
      const { outDir } = await writeRunReport(hostileSummary, {
        outDir: join(root, "report"),
        formats: ["html", "json"],
      });
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on("pageerror", (e) => problems.push(e.message));
        page.on("request", (r) => requests.push(r.url()));
        page.on("dialog", async (d) => {
          problems.push(`dialog: ${d.message()}`);
          await d.dismiss();
        });
        const url = pathToFileURL(join(outDir, "report.html")).href;
        await page.goto(url);
        await page.waitForSelector("body[data-charts-ready=true]", { timeout: 60_000 });
        expect(problems).toEqual([]);
        expect(requests.filter((r) => r !== url)).toEqual([]);
        const panel = page.locator("section.against-guide");
        expect(await panel.locator("tbody tr").count()).toBe(claims.claims.length);
        expect(await panel.locator("tbody tr").first().locator(".claim-text").textContent()).toBe(HOSTILE);
        expect(await panel.locator("span.badge").first().textContent()).toBe(
          { holds: "holds", fails: "fails", undecided: "undecided" }[claims.claims[0]!.verdict as string],
        );
        const chart = page.locator("#chart-claims-estimates");
        expect(await chart.getAttribute("data-rendered")).toBe("true");
        // one CI bar and one point per claim with an estimate and a band
        const rows = claims.claims.filter((c) => c.estimate !== undefined && c.band !== undefined).length;
        expect(await chart.locator("g.mark-symbol path").count()).toBe(rows);
        expect(await page.locator("div.chart[data-rendered=error]").count()).toBe(0);
        await panel.screenshot({ path: join(ARTIFACTS, "run-claims-panel.png") });
        await page.locator("#card-claims-estimates").screenshot({
          path: join(ARTIFACTS, "run-claims-chart.png"),
        });
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
