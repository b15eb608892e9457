/**
 * Writes the report directory of a claims run through the report writer's atomic directory and file writes
 * (write-report.ts: built in a temporary sibling, then claimed under its final name; nothing that exists is replaced
 * or deleted): claims.json (the summary), claims.csv, claims.html (the scorecard) and charts/<id>.vl.json.
 */
import { join } from "node:path";
import type { ClaimsSummary } from "../../src/claims/types.ts";
import { buildClaimsCharts, buildClaimsHtml } from "../html/claims-page.ts";
import { writeFileAtomic } from "../write-file-atomic.ts";
import { type IfTaken, loadVegaBundles, type WrittenReport, writeDirectoryAtomic } from "../write-report.ts";
import { buildClaimsCsv } from "./claims-csv.ts";

/** Options of {@link writeClaimsReport}. */
export interface WriteClaimsReportOptions {
  outDir: string;
  ifTaken?: IfTaken;
}

/** The scorecard as one self-contained HTML document. */
export function renderClaimsHtml(summary: ClaimsSummary): string {
  return buildClaimsHtml(summary, loadVegaBundles());
}

/**
 * Writes claims.json, claims.csv, claims.html and the chart specs; returns the directory and files (sorted).
 * @throws ReportDirectoryTakenError when the directory was taken (ifTaken "fail"); file-system errors as node:fs.
 */
export async function writeClaimsReport(
  summary: ClaimsSummary,
  options: WriteClaimsReportOptions,
): Promise<WrittenReport> {
  const files: string[] = [];
  const outDir = await writeDirectoryAtomic(
    options.outDir,
    async (dir) => {
      const put = async (name: string, text: string): Promise<void> => {
        await writeFileAtomic(join(dir, name), text);
        files.push(name);
      };
      await put("claims.json", `${JSON.stringify(summary, null, 2)}\n`);
      await put("claims.csv", buildClaimsCsv(summary));
      const charts = buildClaimsCharts(summary);
      await put("claims.html", buildClaimsHtml(summary, loadVegaBundles(), charts));
      for (const chart of charts)
        await put(join("charts", `${chart.id}.vl.json`), `${JSON.stringify(chart.spec, null, 2)}\n`);
    },
    options.ifTaken ?? "fail",
  );
  return { outDir, files: files.sort() };
}
