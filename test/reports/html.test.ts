import { describe, expect, it } from "vitest";
import {
  buildRunCharts,
  escapeHtml,
  jsonForScript,
  renderCompareHtml,
  renderRunHtml,
  renderSweepHtml,
} from "../../reports/index.ts";
import { COMPARE_SUMMARY } from "../fixtures/reports/compare-summary.ts";
import { SWEEP_SUMMARY } from "../fixtures/reports/sweep-summary.ts";
import {
  HOSTILE_SCENARIO_NAME,
  HOSTILE_TENANT_NAME,
  hostileRunSummary,
} from "../fixtures/reports/variants.ts";
import { RUN_SUMMARY } from "../fixtures/run-summary.ts";
import { compareWithTargets, runWithTargets } from "./targets-fixture.ts";

/** The JSON data block of a page, parsed as the page parses it. */
function pageData(html: string): { charts: Array<{ id: string; spec: unknown }> } {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  if (match === null) throw new Error("no data block");
  return JSON.parse(match[1]!);
}

/** The page without the contents of its script elements (the inlined bundles mention tags in strings). */
function outsideScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script></script>");
}

describe("escaping", () => {
  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("writes < > & and line separators in JSON as \\u escapes that parse back to the same text", () => {
    const value = { name: "</script><!-- & \u2028" };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("run HTML", () => {
  const html = renderRunHtml(RUN_SUMMARY);

  it("is self-contained: bundles inlined, no external script, stylesheet, image or editor link", () => {
    const markup = outsideScripts(html);
    expect(/<script[^>]+src=/i.test(html)).toBe(false);
    expect(/<link[^>]+href=/i.test(markup)).toBe(false);
    expect(/<img[^>]+src=/i.test(markup)).toBe(false);
    expect(/https?:/i.test(markup.replace(/<meta[^>]*>/g, ""))).toBe(false);
    expect(html.includes("actions: false")).toBe(true);
    expect(html.includes("Content-Security-Policy")).toBe(true);
    expect(html.includes("vega-embed")).toBe(true);
    expect(html.length).toBeGreaterThan(800_000);
  });

  it("has the header, the KPI tiles and one card per chart (tiles drawn as HTML)", () => {
    expect(html).toContain(`<h1>${RUN_SUMMARY.meta.scenarioName}</h1>`);
    expect(html).toContain("<dt>Replications</dt><dd>200</dd>");
    expect(html).toContain("<dt>Seed</dt><dd>42</dd>");
    expect(html.match(/class="tile"/g)).toHaveLength(8);
    const ids = buildRunCharts(RUN_SUMMARY)
      .map((c) => c.id)
      .filter((id) => id !== "kpi-tiles");
    for (const id of ids) expect(html).toContain(`id="chart-${id}"`);
    expect(pageData(html).charts.map((c) => c.id)).toEqual(ids);
  });

  it("embeds the specs without their title (the card shows it)", () => {
    const spec = pageData(html).charts[0]!.spec as Record<string, unknown>;
    expect(spec.title).toBeUndefined();
    expect(spec.data).toBeDefined();
  });

  it("shows hostile names as text: escaped in HTML, \\u003c in the JSON block, never a raw tag", () => {
    const hostile = renderRunHtml(hostileRunSummary());
    expect(hostile.includes(HOSTILE_SCENARIO_NAME)).toBe(false);
    expect(hostile.includes(HOSTILE_TENANT_NAME)).toBe(false);
    expect(hostile.includes("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>")).toBe(true);
    expect(hostile.includes("\\u003cimg src=x onerror=alert(2)\\u003e")).toBe(true);
    // exactly the page's own five script elements close
    expect(hostile.match(/<\/script>/g)).toHaveLength(5);
    const data = pageData(hostile);
    expect(JSON.stringify(data)).toContain(HOSTILE_TENANT_NAME);
  });
});

describe("compare and sweep HTML", () => {
  it("compare page names the scenarios and tabulates the paired differences", () => {
    const html = renderCompareHtml(COMPARE_SUMMARY);
    expect(html).toContain("<h1>Level 2 today vs Hub and spoke at level 3</h1>");
    expect(html).toContain("Paired differences");
    expect(html).toContain("<td>Projects delivered per year</td>");
    expect(pageData(html).charts.length).toBe(8);
  });

  it("compare page opens with the plain-language answer and tabulates the delivery targets", () => {
    const html = renderCompareHtml(compareWithTargets());
    const answer = html.indexOf('<section class="answer"');
    expect(answer).toBeGreaterThan(0);
    expect(answer).toBeLessThan(html.indexOf("<caption>Scenarios</caption>"));
    expect(html).toContain(
      "<p>platform-first reaches 10 delivered projects in month 6 (P80: 6), 5 months sooner than coe-first (month 11; sooner in 90% of paired futures), and costs $630K more over 36 months (95% CI $574K – $686K; cheaper in 30% of paired futures).</p>",
    );
    // target, coe-first P50 (P80), platform-first P50 (P80), paired months, P(sooner)
    expect(html).toContain(
      "<tr><td>25 delivered projects</td><td>16 (17)</td><td>10 (10)</td><td>-3.5 [-4.1, -2.9]</td><td>95%</td></tr>",
    );
    expect(html).toContain(
      "<td>75 delivered projects</td><td>&gt; 35 (&gt; 35)</td><td>20 (24)</td><td>–</td>",
    );
  });

  it("run page tabulates the delivery targets: P50 and P80 months and the probability by the end", () => {
    const html = renderRunHtml(runWithTargets());
    expect(html).toContain("<caption>Delivery targets");
    expect(html).toContain("<tr><td>10 delivered projects</td><td>11</td><td>12</td><td>100%</td></tr>");
    expect(html).toContain(
      "<tr><td>75 delivered projects</td><td>&gt; 35</td><td>&gt; 35</td><td>18%</td></tr>",
    );
    expect(renderRunHtml(RUN_SUMMARY)).not.toContain("Delivery targets");
  });

  it("sweep page lists the parameters and embeds its charts", () => {
    const html = renderSweepHtml(SWEEP_SUMMARY);
    expect(html).toContain("<h1>Spokes and cluster size</h1>");
    expect(html).toContain("<td>platform.cluster.maxNodes</td>");
    expect(pageData(html).charts.map((c) => c.id)).toContain("sweep-heatmap");
  });
});
