/**
 * The claims scorecard opened in headless Chromium (/usr/bin/chromium through playwright-core), as the run report
 * is (test/reports/browser.test.ts): every chart draws, nothing is logged as an error, nothing is fetched, one card
 * per claim with its verdict badge, and a hostile claim text stays text. Skipped when Chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeClaimsReport } from "../../reports/claims/write-claims-report.ts";
import { evaluateClaims } from "../../src/claims/evaluate-claims.ts";
import { loadClaims } from "../../src/claims/load-claims.ts";
import type { ClaimsSummary } from "../../src/claims/types.ts";
import { ReplicationPool } from "../../src/montecarlo/replication-pool.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = resolve("test-artifacts");
const HOSTILE = `<img src=x onerror="alert(1)"> "quoted" & </script>`;

describe.skipIf(!hasChromium)("the claims scorecard in headless Chromium", () => {
  let browser: Browser;
  let summary: ClaimsSummary;
  const root = mkdtempSync(join(tmpdir(), "scalesim-claims-browser-"));

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const loaded = await loadClaims(fileURLToPath(new URL("./fixtures/synthetic.yaml", import.meta.url)));
    if (!loaded.ok) throw new Error("fixture");
    summary = await evaluateClaims(loaded.claims, {
      seed: 7,
      model: { module: fileURLToPath(new URL("./fixtures/claims-model.ts", import.meta.url)) },
      pool: new ReplicationPool(1, { inProcess: true }),
    });
    summary.claims[0]!.text = HOSTILE;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("draws every chart, one card per claim, no error, no request, no dialog", async () => {
    const { outDir } = await writeClaimsReport(summary, { outDir: join(root, "report") });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const url = pathToFileURL(join(outDir, "claims.html")).href;
    await page.goto(url);
    await page.waitForSelector("body[data-charts-ready=true]", { timeout: 30_000 });
    const states = await page.$$eval("div.chart", (els) =>
      els.map((el) => ({
        id: el.id,
        rendered: el.getAttribute("data-rendered"),
        marks: el.querySelectorAll("svg g[class*='mark-'] > path, svg g[class*='mark-'] > line").length,
      })),
    );
    // a distribution per claim that ran (7 of 8) and the planted claim's scatter
    expect(states.length).toBe(8);
    for (const s of states) {
      expect(s.rendered, s.id).toBe("true");
      expect(s.marks, s.id).toBeGreaterThan(1);
    }
    expect(await page.locator("article.claim").count()).toBe(summary.claims.length);
    expect(await page.locator("article.claim[data-verdict=holds-only-if] p.region").textContent()).toMatch(
      /^holds only if .*lowPriorityDiscount/,
    );
    expect(await page.locator("table.scorecard tbody tr").count()).toBe(summary.claims.length);
    expect(await page.locator("#claim-level-input .badge").textContent()).toBe("input");
    expect(await page.locator("#claim-level-holds h2").textContent()).toContain(HOSTILE);
    expect(await page.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.screenshot({ path: join(ARTIFACTS, "claims-report.png"), fullPage: true });
    await page.close();
  }, 60_000);
});
