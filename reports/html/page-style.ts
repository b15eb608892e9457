/**
 * Stylesheet of every HTML report: a header, KPI tiles, a responsive grid of chart cards, and a print layout
 * (one chart per row, no card split across pages).
 */

/** CSS of the report pages. */
export const PAGE_STYLE = `
:root { --ink: #1b2a38; --muted: #5a6b7b; --line: #d5dde5; --panel: #f4f7fa; --accent: #2f6b9a; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
header.report-header { padding: 24px 32px 16px; border-bottom: 3px solid var(--accent); background: var(--panel); }
header.report-header h1 { margin: 0 0 6px; font-size: 24px; line-height: 1.25; overflow-wrap: anywhere; }
header.report-header .kind { margin: 0 0 4px; font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
header.report-header .description { margin: 0 0 12px; max-width: 80ch; color: #33414e; overflow-wrap: anywhere; }
dl.facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; font-size: 13px; }
dl.facts div { display: flex; gap: 6px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; }
main { padding: 20px 32px 32px; }
section.answer { border-left: 4px solid var(--accent); background: var(--panel); padding: 10px 16px; margin: 0 0 24px; font-size: 15px; line-height: 1.5; }
section.answer p { margin: 4px 0; max-width: 110ch; }
section.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin-bottom: 24px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; background: #fff; }
.tile .label { font-size: 12px; color: var(--muted); margin: 0 0 4px; }
.tile .value { font-size: 24px; font-weight: 700; margin: 0 0 2px; }
.tile .value .unit { font-size: 13px; font-weight: 400; color: var(--muted); }
.tile .range { font-size: 12px; color: var(--muted); margin: 0; }
section.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 20px; }
article.card { border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px 10px; background: #fff; min-width: 0; }
article.card.wide { grid-column: 1 / -1; }
article.card h2 { margin: 0 0 4px; font-size: 16px; }
article.card p.guide { margin: 0 0 4px; font-size: 13px; color: #33414e; }
article.card p.note { margin: 0 0 8px; font-size: 12px; color: var(--muted); }
.chart { overflow-x: auto; }
.chart svg { max-width: 100%; height: auto; }
.chart .chart-error { color: #a93226; font-size: 13px; }
table.data { border-collapse: collapse; font-size: 13px; margin: 0 0 24px; width: 100%; }
table.data caption { text-align: left; font-weight: 700; font-size: 16px; margin-bottom: 8px; }
table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: right; }
table.data th:first-child, table.data td:first-child { text-align: left; }
table.data thead th { color: var(--muted); font-weight: 600; }
footer { padding: 12px 32px 24px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); }
@media (max-width: 700px) { section.charts { grid-template-columns: 1fr; } main, header.report-header { padding-left: 14px; padding-right: 14px; } }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  header.report-header { background: none; padding: 0 0 8px; }
  main { padding: 12px 0; }
  section.charts { display: block; }
  article.card { break-inside: avoid; page-break-inside: avoid; margin: 0 0 12px; border-color: #bbb; }
  section.answer { border-left: 4px solid var(--accent); background: var(--panel); padding: 10px 16px; margin: 0 0 24px; font-size: 15px; line-height: 1.5; }
section.answer p { margin: 4px 0; max-width: 110ch; }
section.tiles { grid-template-columns: repeat(4, 1fr); }
  .tile { break-inside: avoid; }
  .chart { overflow: visible; }
  footer { padding: 8px 0; }
}
`;
