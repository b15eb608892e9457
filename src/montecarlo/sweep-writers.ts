/**
 * Sweep output as text (a pure function; the caller writes the file): JSON with a 2-space indent and a trailing
 * newline. The sweep's CSV files are written by reports/csv (one CSV dialect, with the formula-injection guard).
 */
import type { SweepSummary } from "./types.ts";

/** The summary as JSON text. */
export function sweepToJson(summary: SweepSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
