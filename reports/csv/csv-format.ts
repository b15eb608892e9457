/**
 * CSV text as RFC 4180 describes it (comma separated, CRLF line ends, fields with comma, quote or line break
 * quoted, quotes doubled), with text cells that a spreadsheet would run as a formula (= + - @ tab CR) prefixed
 * by an apostrophe (OWASP "CSV Injection").
 */

/** A CSV cell value; undefined, null and non-finite numbers become empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

/** One cell as CSV text. */
export function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A CSV document: header line, then one line per row, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

/** The summary statistics every KPI and series-month row carries, in column order (kpis.csv, series.csv). */
export const SUMMARY_STATISTIC_COLUMNS = [
  "n",
  "mean",
  "sd",
  "ciLow",
  "ciHigh",
  "p5",
  "p10",
  "p25",
  "p50",
  "p75",
  "p90",
  "p95",
  "min",
  "max",
] as const;
