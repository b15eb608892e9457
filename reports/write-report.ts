/**
 * The only module of reports/ that touches the file system: it reads the vega bundles and fonts shipped in
 * node_modules and writes report directories. Every file is written to a temporary name and renamed; a whole
 * report directory is built in a temporary sibling directory and renamed into place, so an interrupted run
 * never leaves a half-written report (rename is atomic within one file system, POSIX rename(2)).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import type { CompareSummary, RunSummary, SweepSummary } from "../src/montecarlo/types.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { buildCompareCharts } from "./charts/build-compare-charts.ts";
import { buildRunCharts } from "./charts/build-run-charts.ts";
import { buildSweepCharts } from "./charts/build-sweep-charts.ts";
import { buildCompareKpisCsv, buildDifferencesCsv } from "./csv/compare-csv.ts";
import { buildFocusCsv } from "./csv/focus-csv.ts";
import { buildKpisCsv } from "./csv/kpis-csv.ts";
import { buildSeriesCsv } from "./csv/series-csv.ts";
import { buildSweepIndicesCsv } from "./csv/sweep-indices-csv.ts";
import { buildSweepPointsCsv } from "./csv/sweep-points-csv.ts";
import { buildCompareHtml } from "./html/compare-page.ts";
import type { VegaBundles } from "./html/html-document.ts";
import { buildRunHtml } from "./html/run-page.ts";
import { buildSweepHtml } from "./html/sweep-page.ts";
import { renderPng } from "./render-png.ts";
import { renderSvg } from "./render-svg.ts";

/** Output formats of a report. */
export type ReportFormat = "html" | "json" | "csv" | "svg" | "png";

/** Every format, the default. */
export const REPORT_FORMATS: readonly ReportFormat[] = ["html", "json", "csv", "svg", "png"];

/** Options of the report writers. */
export interface WriteReportOptions {
  /** Directory of the report; replaced as a whole when it exists. */
  outDir: string;
  /** Formats to write. Default: all of REPORT_FORMATS. */
  formats?: readonly ReportFormat[];
}

/** What a writer wrote: the report directory and the files in it (relative paths, sorted). */
export interface WrittenReport {
  outDir: string;
  files: string[];
}

const require = createRequire(import.meta.url);
let bundles: VegaBundles | undefined;

/** Directory holding a package's main entry (the UMD bundles sit next to it in `build/`). */
function buildDir(pkg: string): string {
  return dirname(require.resolve(pkg));
}

/** The vega, vega-lite and vega-embed UMD bundles from node_modules (read once, then cached). */
export function loadVegaBundles(): VegaBundles {
  bundles ??= {
    vega: readFileSync(join(buildDir("vega"), "vega.min.js"), "utf8"),
    vegaLite: readFileSync(join(buildDir("vega-lite"), "vega-lite.min.js"), "utf8"),
    vegaEmbed: readFileSync(join(buildDir("vega-embed"), "vega-embed.min.js"), "utf8"),
  };
  return bundles;
}

/** Paths of the DejaVu Sans font files shipped by the dejavu-fonts-ttf package, for PNG rendering. */
export function reportFontFiles(): string[] {
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"].map((f) =>
    require.resolve(`dejavu-fonts-ttf/ttf/${f}`),
  );
}

/** The run report as one self-contained HTML document. */
export function renderRunHtml(summary: RunSummary): string {
  return buildRunHtml(summary, loadVegaBundles());
}

/** The comparison report as one self-contained HTML document. */
export function renderCompareHtml(summary: CompareSummary): string {
  return buildCompareHtml(summary, loadVegaBundles());
}

/** The sweep report as one self-contained HTML document. */
export function renderSweepHtml(summary: SweepSummary): string {
  return buildSweepHtml(summary, loadVegaBundles());
}

/** Write one file atomically: a temporary name in the same directory, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Build a directory with `fill` in a temporary sibling, then move it to `outDir` (an existing `outDir` is moved
 * aside first and deleted after the swap; on failure the old directory is restored).
 */
export async function writeDirectoryAtomic(
  outDir: string,
  fill: (dir: string) => Promise<void>,
): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  try {
    await fill(tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  let old: string | undefined;
  if (await exists(target)) {
    old = join(parent, `.${basename(target)}.old-${randomUUID()}`);
    await rename(target, old);
  }
  try {
    await rename(tmp, target);
  } catch (error) {
    if (old !== undefined) await rename(old, target);
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  if (old !== undefined) await rm(old, { recursive: true, force: true });
}

/** Write chart files (.vl.json, .svg, .png as the formats ask) into `dir/charts`; returns relative paths. */
async function writeCharts(
  dir: string,
  charts: readonly ChartSpec[],
  formats: ReadonlySet<ReportFormat>,
): Promise<string[]> {
  const files: string[] = [];
  const fonts = formats.has("png") ? reportFontFiles() : [];
  for (const chart of charts) {
    const base = join("charts", chart.id);
    if (formats.has("json")) {
      await writeFileAtomic(join(dir, `${base}.vl.json`), `${JSON.stringify(chart.spec, null, 2)}\n`);
      files.push(`${base}.vl.json`);
    }
    if (formats.has("svg") || formats.has("png")) {
      const svg = await renderSvg(chart.spec);
      if (formats.has("svg")) {
        await writeFileAtomic(join(dir, `${base}.svg`), svg);
        files.push(`${base}.svg`);
      }
      if (formats.has("png")) {
        await writeFileAtomic(join(dir, `${base}.png`), renderPng(svg, { fontFiles: fonts }));
        files.push(`${base}.png`);
      }
    }
  }
  return files;
}

/** Shared body of the three writers. */
async function writeReport(
  options: WriteReportOptions,
  charts: readonly ChartSpec[],
  html: () => string,
  json: unknown,
  csvFiles: () => Record<string, string>,
): Promise<WrittenReport> {
  const formats = new Set(options.formats ?? REPORT_FORMATS);
  for (const f of formats) {
    if (!REPORT_FORMATS.includes(f))
      throw new RangeError(`formats must be among ${REPORT_FORMATS.join(", ")}, got ${f}`);
  }
  const files: string[] = [];
  await writeDirectoryAtomic(options.outDir, async (dir) => {
    if (formats.has("html")) {
      await writeFileAtomic(join(dir, "report.html"), html());
      files.push("report.html");
    }
    if (formats.has("json")) {
      await writeFileAtomic(join(dir, "summary.json"), `${JSON.stringify(json, null, 2)}\n`);
      files.push("summary.json");
    }
    if (formats.has("csv")) {
      for (const [name, text] of Object.entries(csvFiles())) {
        await writeFileAtomic(join(dir, name), text);
        files.push(name);
      }
    }
    files.push(...(await writeCharts(dir, charts, formats)));
  });
  return { outDir: resolve(options.outDir), files: files.sort() };
}

/**
 * Write the report of one run: report.html, summary.json, kpis.csv, series.csv, focus-costs.csv and
 * charts/<id>.{vl.json,svg,png}, as `formats` selects.
 * @throws RangeError on an unknown format; file-system errors as thrown by node:fs.
 */
export async function writeRunReport(
  summary: RunSummary,
  options: WriteReportOptions,
): Promise<WrittenReport> {
  const charts = buildRunCharts(summary);
  return writeReport(
    options,
    charts,
    () => buildRunHtml(summary, loadVegaBundles(), charts),
    summary,
    () => ({
      "kpis.csv": buildKpisCsv(summary),
      "series.csv": buildSeriesCsv(summary),
      "focus-costs.csv": buildFocusCsv(summary),
    }),
  );
}

/**
 * Write the report of a comparison: report.html, summary.json, differences.csv, kpis.csv (one block per
 * scenario) and charts.
 * @throws RangeError on an unknown format.
 */
export async function writeCompareReport(
  summary: CompareSummary,
  options: WriteReportOptions,
): Promise<WrittenReport> {
  const charts = buildCompareCharts(summary);
  return writeReport(
    options,
    charts,
    () => buildCompareHtml(summary, loadVegaBundles(), charts),
    summary,
    () => ({
      "differences.csv": buildDifferencesCsv(summary),
      "kpis.csv": buildCompareKpisCsv(summary),
    }),
  );
}

/**
 * Write the report of a sweep: report.html, summary.json, points.csv and charts.
 * @throws RangeError on an unknown format.
 */
export async function writeSweepReport(
  summary: SweepSummary,
  options: WriteReportOptions,
): Promise<WrittenReport> {
  const charts = buildSweepCharts(summary);
  return writeReport(
    options,
    charts,
    () => buildSweepHtml(summary, loadVegaBundles(), charts),
    summary,
    () => {
      const indices = buildSweepIndicesCsv(summary);
      return {
        "points.csv": buildSweepPointsCsv(summary),
        ...(indices === undefined ? {} : { "indices.csv": indices }),
      };
    },
  );
}
