/**
 * The shell of every HTML report: one self-contained file with the vega, vega-lite and vega-embed bundles
 * inlined, the report data in a `<script type="application/json">` block read with JSON.parse, and one card per
 * chart embedded with vega-embed (`actions: false`, no link to any online editor). A Content-Security-Policy
 * forbids every network request.
 */
import type { ChartSpec, TopLevelSpec } from "../chart-spec.ts";
import { escapeHtml, jsonForScript, scriptSafe } from "./escape-html.ts";
import { PAGE_STYLE } from "./page-style.ts";

/** Source text of the three UMD bundles inlined in the page. */
export interface VegaBundles {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

/** What a page shows; `headerHtml` and `sectionsHtml` must already be escaped. */
export interface HtmlDocumentParts {
  /** Plain-text document title (escaped here). */
  title: string;
  headerHtml: string;
  /** Sections placed before the chart grid (tiles, tables). */
  sectionsHtml: string;
  charts: readonly ChartSpec[];
  /** Plain-text footer (escaped here). */
  footer: string;
}

const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Subtitle of a spec's title, if any, for the card note. */
function subtitleOf(spec: TopLevelSpec): string | undefined {
  const title = (spec as { title?: unknown }).title;
  if (typeof title === "object" && title !== null && "subtitle" in title) {
    const sub = (title as { subtitle?: unknown }).subtitle;
    return typeof sub === "string" ? sub : undefined;
  }
  return undefined;
}

/** The spec as embedded in the page: its title is shown by the card, so it is dropped from the chart. */
function pageSpec(spec: TopLevelSpec): TopLevelSpec {
  const { title: _title, ...rest } = spec as TopLevelSpec & { title?: unknown };
  return rest as TopLevelSpec;
}

/** One chart card: title, reading guide, note, container. */
function cardHtml(chart: ChartSpec): string {
  const note = subtitleOf(chart.spec);
  return `<article class="card${chart.wide === true ? " wide" : ""}" id="card-${escapeHtml(chart.id)}">
<h2>${escapeHtml(chart.title)}</h2>
<p class="guide">${escapeHtml(chart.guide)}</p>
${note === undefined ? "" : `<p class="note">${escapeHtml(note)}</p>\n`}<div class="chart" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.guide}`)}"></div>
</article>`;
}

const EMBED_SCRIPT = `(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var jobs = data.charts.map(function (chart) {
    var el = document.getElementById("chart-" + chart.id);
    return vegaEmbed(el, chart.spec, { actions: false, renderer: "svg" }).then(function () {
      el.setAttribute("data-rendered", "true");
    }).catch(function (error) {
      el.setAttribute("data-rendered", "error");
      var message = document.createElement("p");
      message.className = "chart-error";
      message.textContent = "This chart could not be drawn: " + (error && error.message ? error.message : String(error));
      el.appendChild(message);
      console.error(error);
    });
  });
  Promise.all(jobs).then(function () { document.body.setAttribute("data-charts-ready", "true"); });
})();`;

/**
 * A complete HTML document (UTF-8) that works offline.
 */
export function buildHtmlDocument(parts: HtmlDocumentParts, bundles: VegaBundles): string {
  const data = { charts: parts.charts.map((c) => ({ id: c.id, spec: pageSpec(c.spec) })) };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="scalesim">
<title>${escapeHtml(parts.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${parts.headerHtml}
<main>
${parts.sectionsHtml}
<section class="charts">
${parts.charts.map(cardHtml).join("\n")}
</section>
</main>
<footer>${escapeHtml(parts.footer)}</footer>
${chartScriptsHtml(data, bundles)}
</body>
</html>
`;
}

/**
 * The scripts that draw a page's charts offline: the report data (`{ charts: [{ id, spec }] }`, each drawn into
 * the element `chart-<id>`), the inlined vega, vega-lite and vega-embed bundles, and the embed loop that marks
 * each chart `data-rendered` and the body `data-charts-ready`.
 */
export function chartScriptsHtml(
  data: { charts: readonly { id: string; spec: unknown }[] },
  bundles: VegaBundles,
): string {
  return `<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${scriptSafe(bundles.vega)}</script>
<script>${scriptSafe(bundles.vegaLite)}</script>
<script>${scriptSafe(bundles.vegaEmbed)}</script>
<script>${EMBED_SCRIPT}</script>`;
}

/** A header block: kind line, title, optional description, and a list of facts. */
export function headerHtml(
  kind: string,
  title: string,
  description: string,
  facts: ReadonlyArray<[string, string]>,
): string {
  const factsHtml = facts
    .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`)
    .join("");
  return `<header class="report-header">
<p class="kind">${escapeHtml(kind)}</p>
<h1>${escapeHtml(title)}</h1>
${description === "" ? "" : `<p class="description">${escapeHtml(description)}</p>\n`}<dl class="facts">${factsHtml}</dl>
</header>`;
}
