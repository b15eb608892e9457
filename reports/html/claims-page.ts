/**
 * The claims scorecard as one offline HTML document: a header with the verdict counts, the scorecard table, then one
 * card per claim (text and source, a verdict badge, the claimed band and estimate, the simulated distribution
 * against the band, the holds-only-if box in words and its scatter, the scenarios compared). Same shell as the other
 * reports (page style, escaping, inlined Vega bundles, a Content-Security-Policy that forbids every request); the
 * charts sit inside the claim cards, so the page has its own small embed script.
 */

import type { ClaimResult, ClaimScenarioInfo, ClaimsSummary } from "../../src/claims/types.ts";
import { VERDICTS } from "../../src/claims/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { buildClaimDistributionChart } from "../claims/claim-distribution-chart.ts";
import { bandText, estimateText, measureText, VERDICT_WORDS } from "../claims/claim-format.ts";
import { buildClaimRegionChart } from "../claims/claim-region-chart.ts";
import { escapeHtml, jsonForScript, scriptSafe } from "./escape-html.ts";
import { headerHtml, type VegaBundles } from "./html-document.ts";
import { PAGE_STYLE } from "./page-style.ts";

const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Badge colours per verdict (background, text). */
const BADGE_COLOURS: Readonly<Record<ClaimResult["verdict"], [string, string]>> = {
  holds: ["#1e8449", "#fff"],
  "holds-only-if": ["#b9770e", "#fff"],
  undecided: ["#7f8c8d", "#fff"],
  fails: ["#a93226", "#fff"],
  input: ["#2f6b9a", "#fff"],
  "not-modelled": ["#d5dde5", "#1b2a38"],
};

const CLAIMS_STYLE = `
section.claims { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
article.claim { border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; background: #fff; min-width: 0; }
article.claim h2 { margin: 0 0 6px; font-size: 15px; }
article.claim p { margin: 0 0 6px; font-size: 13px; }
article.claim .source { color: var(--muted); font-size: 12px; }
span.badge { display: inline-block; padding: 2px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; margin-right: 6px; }
p.region { background: var(--panel); border-left: 3px solid var(--accent); padding: 6px 8px; }
dl.claim-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 12px; margin: 6px 0; }
dl.claim-facts dt { color: var(--muted); }
dl.claim-facts dd { margin: 0; overflow-wrap: anywhere; }
div.chart { min-height: 40px; }
@media print { section.claims { display: block; } article.claim { break-inside: avoid; margin: 0 0 12px; } }
`;

const EMBED_SCRIPT = `(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var jobs = data.charts.map(function (chart) {
    var el = document.getElementById("chart-" + chart.id);
    return vegaEmbed(el, chart.spec, { actions: false, renderer: "svg" }).then(function () {
      el.setAttribute("data-rendered", "true");
    }).catch(function (error) {
      el.setAttribute("data-rendered", "error");
      el.textContent = "This chart could not be drawn: " + (error && error.message ? error.message : String(error));
      console.error(error);
    });
  });
  Promise.all(jobs).then(function () { document.body.setAttribute("data-charts-ready", "true"); });
})();`;

/** The charts of the scorecard, per claim in claim order (distribution, then region). */
export function buildClaimsCharts(summary: ClaimsSummary): ChartSpec[] {
  return summary.claims.flatMap((claim) =>
    [buildClaimDistributionChart(claim), buildClaimRegionChart(claim)].filter(
      (chart): chart is ChartSpec => chart !== undefined,
    ),
  );
}

/** The claims scorecard as one HTML document (pure). */
export function buildClaimsHtml(
  summary: ClaimsSummary,
  bundles: VegaBundles,
  charts: readonly ChartSpec[] = buildClaimsCharts(summary),
): string {
  const counts = VERDICTS.filter((v) => summary.counts[v] > 0)
    .map((v) => `${summary.counts[v]} ${VERDICT_WORDS[v]}`)
    .join(", ");
  const facts: Array<[string, string]> = [
    ["Claims", String(summary.claims.length)],
    ["Verdicts", counts],
    ["Seed", String(summary.seed)],
    ["First batch", `${summary.replications} replications`],
    ["scalesim", summary.tool.version],
  ];
  const byId = new Map(charts.map((chart) => [chart.id, chart]));
  const data = { charts: charts.map((c) => ({ id: c.id, spec: withoutTitle(c.spec) })) };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="scalesim">
<title>${escapeHtml(`${summary.name} · scalesim claims`)}</title>
<style>${PAGE_STYLE}${CLAIMS_STYLE}</style>
</head>
<body>
${headerHtml("Claims scorecard", summary.name, `Claims of ${summary.file}, each replayed on the model with a verdict.`, facts)}
<main>
${scorecardTable(summary)}
<section class="claims">
${summary.claims.map((claim) => claimCard(claim, byId)).join("\n")}
</section>
</main>
<footer>${escapeHtml(`Generated by scalesim ${summary.tool.version}: ${summary.claims.length} claims, seed ${summary.seed}. Holds: the 95% CI lies inside the claimed band; fails: entirely outside; undecided: it straddles a bound after the replication budget.`)}</footer>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${scriptSafe(bundles.vega)}</script>
<script>${scriptSafe(bundles.vegaLite)}</script>
<script>${scriptSafe(bundles.vegaEmbed)}</script>
<script>${EMBED_SCRIPT}</script>
</body>
</html>
`;
}

function badge(verdict: ClaimResult["verdict"]): string {
  const [background, colour] = BADGE_COLOURS[verdict];
  return `<span class="badge verdict-${verdict}" style="background:${background};color:${colour}">${escapeHtml(VERDICT_WORDS[verdict])}</span>`;
}

function scorecardTable(summary: ClaimsSummary): string {
  const rows = summary.claims
    .map(
      (c) =>
        `<tr><td><a href="#claim-${escapeHtml(c.id)}">${escapeHtml(c.id)}</a></td><td style="text-align:left">${escapeHtml(c.source)}</td><td>${escapeHtml(bandText(c.band, c.unit))}</td><td>${escapeHtml(estimateText(c))}</td><td style="text-align:left">${badge(c.verdict)}</td><td>${c.replications === 0 ? "–" : c.replications}</td></tr>`,
    )
    .join("\n");
  return `<table class="data scorecard"><caption>Scorecard</caption><thead><tr><th>Claim</th><th style="text-align:left">Source</th><th>Claimed</th><th>Estimate [95% CI]</th><th style="text-align:left">Verdict</th><th>Replications</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function scenarioText(info: ClaimScenarioInfo | undefined): string {
  if (info === undefined) return "–";
  const set = Object.entries(info.set).map(([path, value]) => `${path} = ${String(value)}`);
  return set.length === 0 ? info.ref : `${info.ref} with ${set.join(", ")}`;
}

function chartDiv(chart: ChartSpec | undefined): string {
  if (chart === undefined) return "";
  return `<div class="chart" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.guide}`)}"></div>`;
}

function claimCard(claim: ClaimResult, charts: ReadonlyMap<string, ChartSpec>): string {
  const facts: Array<[string, string]> = [];
  if (claim.metric !== undefined) facts.push(["Measured", `${measureText(claim)} (${claim.metric})`]);
  facts.push(["Claimed", bandText(claim.band, claim.unit)]);
  if (claim.estimate !== undefined) facts.push(["Estimate", estimateText(claim)]);
  if (claim.replications > 0)
    facts.push([
      "Replications",
      `${claim.replications}${claim.budget === undefined ? "" : ` of a budget of ${claim.budget}`}`,
    ]);
  if (claim.scenarios.baseline !== undefined)
    facts.push(["Baseline", scenarioText(claim.scenarios.baseline)]);
  if (claim.scenarios.treatment !== undefined)
    facts.push(["Treatment", scenarioText(claim.scenarios.treatment)]);
  const factsHtml = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("");
  const reason = claim.reason === undefined ? "" : `<p class="reason">${escapeHtml(claim.reason)}</p>\n`;
  const region =
    claim.discovery === undefined
      ? ""
      : `<p class="region">${escapeHtml(
          claim.discovery.coverage === undefined
            ? claim.discovery.text
            : `${claim.discovery.text} (coverage ${Math.round(100 * claim.discovery.coverage)}%, density ${Math.round(100 * claim.discovery.density!)}%)`,
        )}</p>\n`;
  return `<article class="claim" id="claim-${escapeHtml(claim.id)}" data-verdict="${claim.verdict}">
<h2>${badge(claim.verdict)}${escapeHtml(claim.text)}</h2>
<p class="source">${escapeHtml([claim.source, claim.section].filter((s) => s !== undefined).join(" · "))} · <code>${escapeHtml(claim.id)}</code></p>
${reason}<dl class="claim-facts">${factsHtml}</dl>
${chartDiv(charts.get(`claim-${claim.id}-distribution`))}
${region}${chartDiv(charts.get(`claim-${claim.id}-region`))}
</article>`;
}

function withoutTitle(spec: ChartSpec["spec"]): ChartSpec["spec"] {
  // the card shows the claim; the chart keeps only its subtitle as a note
  const { title, ...rest } = spec as ChartSpec["spec"] & { title?: { text?: string; subtitle?: string } };
  const subtitle = typeof title === "object" ? title.subtitle : undefined;
  return (subtitle === undefined ? rest : { ...rest, title: { text: "", subtitle } }) as ChartSpec["spec"];
}
