/**
 * The HTML reports opened in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): every
 * chart draws, nothing is logged as an error, nothing is fetched, and hostile names stay text.
 * Skipped, with a message, when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCompareReport, writeRunReport, writeSweepReport } from "../../reports/index.ts";
import {
  makeGridWithTornadoSummary,
  makeLatinHypercubeSummary,
  SWEEP_SUMMARY,
} from "../fixtures/reports/sweep-summary.ts";
import {
  HOSTILE_SCENARIO_NAME,
  HOSTILE_TENANT_NAME,
  hostileRunSummary,
} from "../fixtures/reports/variants.ts";
import { compareWithTargets, runWithTargets } from "./targets-fixture.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

const ARTIFACTS = resolve("test-artifacts");

interface PageVisit {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
  url: string;
}

describe.skipIf(!hasChromium)("HTML reports in headless Chromium", () => {
  let browser: Browser;
  const root = mkdtempSync(join(tmpdir(), "scalesim-browser-"));

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Open a report file and wait until every chart has settled (drawn or failed). */
  async function visit(file: string, width = 1400): Promise<PageVisit> {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    const visit: PageVisit = { page, errors: [], requests: [], dialogs: [], url: pathToFileURL(file).href };
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") visit.errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => visit.errors.push(`pageerror: ${e.message}`));
    page.on("request", (r) => visit.requests.push(r.url()));
    page.on("dialog", async (d) => {
      visit.dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(visit.url);
    await page.waitForSelector("body[data-charts-ready=true]", { timeout: 30_000 });
    return visit;
  }

  /** Per chart container: rendered state and the number of mark items drawn in its SVG. */
  async function chartStates(
    page: Page,
  ): Promise<Array<{ id: string; rendered: string | null; marks: number }>> {
    return page.$$eval("div.chart", (els) =>
      els.map((el) => ({
        id: el.id,
        rendered: el.getAttribute("data-rendered"),
        marks: el.querySelectorAll(
          "svg g[class*='mark-'] > path, svg g[class*='mark-'] > text, svg g[class*='mark-'] > line",
        ).length,
      })),
    );
  }

  it("draws every chart of the run report, logs no error, fetches nothing, and is screenshot", async () => {
    const { outDir } = await writeRunReport(runWithTargets(), {
      outDir: join(root, "run"),
      formats: ["html"],
    });
    const v = await visit(join(outDir, "report.html"));
    const states = await chartStates(v.page);
    expect(states.length).toBe(16);
    for (const s of states) {
      expect(s.rendered, s.id).toBe("true");
      expect(s.marks, s.id).toBeGreaterThan(3);
    }
    expect(await v.page.locator("section.tiles .tile").count()).toBe(8);
    expect(await v.page.locator("table.targets tbody tr").count()).toBe(4);
    expect(v.errors).toEqual([]);
    expect(v.requests).toEqual([v.url]);
    await v.page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
    await v.page.setViewportSize({ width: 480, height: 900 });
    await v.page.screenshot({ path: join(ARTIFACTS, "report-narrow.png"), fullPage: false });
    await v.page.setViewportSize({ width: 1100, height: 900 });
    await v.page.emulateMedia({ media: "print" });
    await v.page.screenshot({ path: join(ARTIFACTS, "report-print.png"), fullPage: true });
    await v.page.close();
  });

  it("shows a hostile scenario and tenant name as text: no dialog, no request, visible characters", async () => {
    const { outDir } = await writeRunReport(hostileRunSummary(), {
      outDir: join(root, "hostile"),
      formats: ["html"],
    });
    const v = await visit(join(outDir, "report.html"));
    expect(v.dialogs).toEqual([]);
    expect(v.requests).toEqual([v.url]);
    expect(v.errors).toEqual([]);
    expect(await v.page.locator("h1").textContent()).toBe(HOSTILE_SCENARIO_NAME);
    expect(await v.page.locator("title").textContent()).toContain(HOSTILE_SCENARIO_NAME);
    expect(await v.page.locator("img").count()).toBe(0);
    const chargebackText = await v.page.locator("#chart-chargeback svg").textContent();
    expect(chargebackText).toContain(HOSTILE_TENANT_NAME.slice(0, 12));
    await v.page.close();
  });

  it("draws the sweep charts the KPIs asked choose: scatter with LOESS, SRC/PRCC, tornadoes, grid with tornado points", async () => {
    const lhs = await writeSweepReport(makeLatinHypercubeSummary(), {
      outDir: join(root, "sweep-lhs"),
      formats: ["html"],
      kpis: ["supportWaitDays", "roi", "timeToMarketDays"],
    });
    const grid = await writeSweepReport(makeGridWithTornadoSummary(), {
      outDir: join(root, "sweep-grid"),
      formats: ["html"],
      kpis: ["cost.total", "deliveredPerYear"],
    });
    for (const [dir, name, ids] of [
      [
        lhs.outDir,
        "sweep-lhs",
        [
          "sweep-heatmap",
          "sweep-coefficients-supportWaitDays",
          "sweep-coefficients-roi",
          "sweep-effects-supportWaitDays",
          "sweep-effects-roi",
          "sweep-effects-timeToMarketDays",
        ],
      ],
      [
        grid.outDir,
        "sweep-grid-tornado",
        [
          "sweep-heatmap",
          "sweep-tornado-cost-total",
          "sweep-tornado-deliveredPerYear",
          "sweep-coefficients-deliveredPerYear",
          "sweep-effects-cost-total",
          "sweep-effects-deliveredPerYear",
        ],
      ],
    ] as const) {
      const v = await visit(join(dir, "report.html"));
      const states = await chartStates(v.page);
      expect(
        states.map((s) => s.id),
        name,
      ).toEqual(ids.map((id) => `chart-${id}`));
      for (const s of states) {
        expect(s.rendered, s.id).toBe("true");
        expect(s.marks, s.id).toBeGreaterThan(3);
      }
      expect(v.errors).toEqual([]);
      expect(v.requests).toEqual([v.url]);
      await v.page.screenshot({ path: join(ARTIFACTS, `${name}-report.png`), fullPage: true });
      await v.page.close();
    }
  });

  it("draws the comparison and sweep reports without errors", async () => {
    const compare = await writeCompareReport(compareWithTargets(), {
      outDir: join(root, "cmp"),
      formats: ["html"],
    });
    const sweep = await writeSweepReport(SWEEP_SUMMARY, { outDir: join(root, "sweep"), formats: ["html"] });
    for (const [dir, name, count] of [
      [compare.outDir, "compare", 8],
      [sweep.outDir, "sweep", 5],
    ] as const) {
      const v = await visit(join(dir, "report.html"));
      const states = await chartStates(v.page);
      expect(states.length, name).toBe(count);
      for (const s of states) {
        expect(s.rendered, s.id).toBe("true");
        expect(s.marks, s.id).toBeGreaterThan(3);
      }
      expect(v.errors).toEqual([]);
      expect(v.requests).toEqual([v.url]);
      if (name === "compare") {
        expect(await v.page.locator("section.answer p").textContent()).toMatch(/^platform-first reaches 10/);
        expect(await v.page.locator("table.targets tbody tr").count()).toBe(4);
      }
      await v.page.screenshot({ path: join(ARTIFACTS, `${name}-report.png`), fullPage: true });
      await v.page.close();
    }
  });
});
