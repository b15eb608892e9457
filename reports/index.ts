/**
 * Public surface of reports/: pure chart builders (summary -> Vega-Lite specs), pure HTML and CSV builders, and
 * the writers (the only file I/O).
 *
 * Pipeline: summary -> build*Charts -> ChartSpec[] -> { HTML page (vega-embed), .vl.json, SVG (vega View),
 * PNG (resvg) } -> write*Report (atomic directory swap).
 */
export type { ChartSpec, TopLevelSpec } from "./chart-spec.ts";
export { buildCompareCharts } from "./charts/build-compare-charts.ts";
export { buildRunCharts } from "./charts/build-run-charts.ts";
export { buildSweepCharts } from "./charts/build-sweep-charts.ts";
export { compareAnswers } from "./compare-answer.ts";
export { buildChargebackCsv } from "./csv/chargeback-csv.ts";
export { buildCompareKpisCsv, buildDifferencesCsv } from "./csv/compare-csv.ts";
export { csvCell, toCsv } from "./csv/csv-format.ts";
export { buildFocusCsv, monthStart } from "./csv/focus-csv.ts";
export { buildKpisCsv } from "./csv/kpis-csv.ts";
export { buildCompareSeriesCsv, buildSeriesCsv } from "./csv/series-csv.ts";
export { buildSweepPointsCsv } from "./csv/sweep-points-csv.ts";
export { buildCompareHtml } from "./html/compare-page.ts";
export { escapeHtml, jsonForScript } from "./html/escape-html.ts";
export type { VegaBundles } from "./html/html-document.ts";
export { buildRunHtml } from "./html/run-page.ts";
export { buildSweepHtml } from "./html/sweep-page.ts";
export { buildKpiTiles, type KpiTile } from "./kpi-tiles.ts";
export { renderPng } from "./render-png.ts";
export { renderSvg } from "./render-svg.ts";
export {
  loadVegaBundles,
  REPORT_FORMATS,
  type ReportFormat,
  renderCompareHtml,
  renderRunHtml,
  renderSweepHtml,
  type WriteReportOptions,
  type WrittenReport,
  writeCompareReport,
  writeRunReport,
  writeSweepReport,
} from "./write-report.ts";
