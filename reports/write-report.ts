/**
 * The module of reports/ that reads the vega bundles and fonts shipped in node_modules and writes report
 * directories. Every file is written to a temporary name and renamed (write-file-atomic.ts); a whole report
 * directory is built in a temporary sibling directory and renamed into place, so an interrupted run never leaves a
 * half-written report (rename is atomic within one file system, POSIX rename(2)).
 */
import { readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, rename, rm, rmdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { hostname } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { CompareSummary, RunSummary, SweepSummary } from "../src/montecarlo/types.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { buildCompareCharts } from "./charts/build-compare-charts.ts";
import { buildRunCharts } from "./charts/build-run-charts.ts";
import { buildSweepCharts } from "./charts/build-sweep-charts.ts";
import { buildChargebackCsv } from "./csv/chargeback-csv.ts";
import { buildCompareKpisCsv, buildDifferencesCsv } from "./csv/compare-csv.ts";
import { buildFocusCsv } from "./csv/focus-csv.ts";
import { buildKpisCsv } from "./csv/kpis-csv.ts";
import { buildCompareSeriesCsv, buildSeriesCsv } from "./csv/series-csv.ts";
import { buildSweepCoefficientsCsv } from "./csv/sweep-coefficients-csv.ts";
import { buildSweepIndicesCsv } from "./csv/sweep-indices-csv.ts";
import { buildSweepPointsCsv } from "./csv/sweep-points-csv.ts";
import { buildCompareHtml } from "./html/compare-page.ts";
import type { VegaBundles } from "./html/html-document.ts";
import { buildRunHtml } from "./html/run-page.ts";
import { buildSweepHtml } from "./html/sweep-page.ts";
import { renderPng } from "./render-png.ts";
import { renderSvg } from "./render-svg.ts";
import { writeFileAtomic } from "./write-file-atomic.ts";

/** Output formats of a report. */
export type ReportFormat = "html" | "json" | "csv" | "svg" | "png";

/** Every format, the default. */
export const REPORT_FORMATS: readonly ReportFormat[] = ["html", "json", "csv", "svg", "png"];

/** Options of the report writers. */
export interface WriteReportOptions {
  /** Directory of the report; never replaced: see `ifTaken`. */
  outDir: string;
  /**
   * When `outDir` exists by the time the report is ready, the report goes to `<outDir>-2` (or the next free
   * name); "fail" (default) then throws {@link ReportDirectoryTakenError} naming it, "next" just returns it.
   */
  ifTaken?: IfTaken;
  /** Formats to write. Default: all of REPORT_FORMATS. */
  formats?: readonly ReportFormat[];
}

/** What a writer wrote: the report directory and the files in it (relative paths, sorted). */
export interface WrittenReport {
  outDir: string;
  files: string[];
  /** Why the charts (and report.html) are missing, when they could not be drawn; the data files are written. */
  chartError?: string;
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

/** Marks our temporary report directories: `.<name>.tmp-<host>-<pid>-XXXXXX`, so stale ones can be told apart. */
const TMP_MARK = ".tmp-";

/** This host's name as it appears in temporary directory names (no dashes or dots, so it parses back). */
function hostTag(): string {
  return hostname().replace(/[^A-Za-z0-9]/g, "") || "host";
}

/** True when process `pid` of this host still runs (EPERM: it runs under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temporary report directories in `parent` left by scalesim processes of this host that no longer run
 * (a SIGKILL or power cut in the middle of writing); returns their names. Directories of live processes, of other
 * hosts (a shared file system) and anything not named like ours are left alone.
 */
export async function removeStaleTemporaries(parent: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const pattern = /^\..+\.tmp-([A-Za-z0-9]+)-(\d+)-[A-Za-z0-9]{6}$/;
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (match === null || match[1] !== hostTag()) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processAlive(pid)) continue;
    await rm(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * The report directory already existed (or was created by someone else during the run); the finished report was
 * kept under `keptAt` instead, and nothing at `requested` was touched.
 */
export class ReportDirectoryTakenError extends Error {
  /** The directory asked for. */
  readonly requested: string;
  /** Where the complete report now is. */
  readonly keptAt: string;

  constructor(requested: string, keptAt: string) {
    super(`${requested} already exists; the report was written to ${keptAt} instead`);
    this.name = "ReportDirectoryTakenError";
    this.requested = requested;
    this.keptAt = keptAt;
  }
}

/** What to do when the report directory is taken by the time the report is ready. */
export type IfTaken = "fail" | "next";

/**
 * Moves the finished temporary directory `tmp` to `target`, claiming `target` with a non-recursive mkdir first:
 * mkdir fails when anything exists there, so two writers never get the same name and nothing that exists is
 * replaced; rename(2) of a directory onto the empty directory we just made is atomic and fails (ENOTEMPTY) if
 * someone put files into it meanwhile. Returns true when `target` is ours.
 */
async function claim(tmp: string, target: string): Promise<boolean> {
  try {
    await mkdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await rename(tmp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST") return false;
    await rmdir(target).catch(() => undefined);
    throw error;
  }
}

/**
 * Build a directory with `fill` in a temporary sibling, then move it to `outDir`. Nothing that exists is ever
 * replaced or deleted: when `outDir` is taken, the report goes to the first free `<outDir>-2`, `-3`, ...; with
 * `ifTaken: "fail"` (the default) that is reported by throwing {@link ReportDirectoryTakenError} after the move,
 * with "next" silently. Returns the directory the report is in. Stale temporaries of dead processes in the same
 * parent are removed first ({@link removeStaleTemporaries}); the directory gets the usual mode (0777 less the
 * umask), not mkdtemp's 0700.
 */
export async function writeDirectoryAtomic(
  outDir: string,
  fill: (dir: string) => Promise<void>,
  ifTaken: IfTaken = "fail",
): Promise<string> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await removeStaleTemporaries(parent);
  const tmp = await mkdtemp(join(parent, `.${basename(target)}${TMP_MARK}${hostTag()}-${process.pid}-`));
  try {
    await fill(tmp);
    await chmod(tmp, 0o777 & ~currentUmask());
    for (let suffix = 1; ; suffix++) {
      const candidate = suffix === 1 ? target : `${target}-${suffix}`;
      if (await claim(tmp, candidate)) {
        if (candidate !== target && ifTaken === "fail")
          throw new ReportDirectoryTakenError(target, candidate);
        return candidate;
      }
    }
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** The process umask (reading it is a documentation-only deprecation, DEP0139, and works in worker threads). */
function currentUmask(): number {
  return process.umask();
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

/** Shared body of the three writers: data first (summary.json, CSVs), so results survive a chart failure. */
async function writeReport(
  options: WriteReportOptions,
  buildCharts: () => readonly ChartSpec[],
  html: (charts: readonly ChartSpec[]) => string,
  json: unknown,
  csvFiles: () => Record<string, string>,
): Promise<WrittenReport> {
  const formats = new Set(options.formats ?? REPORT_FORMATS);
  for (const f of formats) {
    if (!REPORT_FORMATS.includes(f))
      throw new RangeError(`formats must be among ${REPORT_FORMATS.join(", ")}, got ${f}`);
  }
  const files: string[] = [];
  let chartError: string | undefined;
  const outDir = await writeDirectoryAtomic(
    options.outDir,
    async (dir) => {
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
      if (!(formats.has("html") || formats.has("json") || formats.has("svg") || formats.has("png"))) return;
      try {
        const charts = buildCharts();
        if (formats.has("html")) {
          await writeFileAtomic(join(dir, "report.html"), html(charts));
          files.push("report.html");
        }
        files.push(...(await writeCharts(dir, charts, formats)));
      } catch (error) {
        // a chart the renderer cannot draw must not cost the results: keep the data files, say what failed
        if (error instanceof Error && error.name === "AbortError") throw error;
        chartError = error instanceof Error ? error.message : String(error);
      }
    },
    options.ifTaken ?? "fail",
  );
  const written: WrittenReport = { outDir, files: files.sort() };
  if (chartError !== undefined) written.chartError = chartError;
  return written;
}

/**
 * Write the report of one run: report.html, summary.json, kpis.csv, series.csv, focus-costs.csv, chargeback.csv and
 * charts/<id>.{vl.json,svg,png}, as `formats` selects.
 * @throws RangeError on an unknown format; file-system errors as thrown by node:fs.
 */
export async function writeRunReport(
  summary: RunSummary,
  options: WriteReportOptions,
): Promise<WrittenReport> {
  return writeReport(
    options,
    () => buildRunCharts(summary),
    (charts) => buildRunHtml(summary, loadVegaBundles(), charts),
    summary,
    () => ({
      "kpis.csv": buildKpisCsv(summary),
      "series.csv": buildSeriesCsv(summary),
      "focus-costs.csv": buildFocusCsv(summary),
      "chargeback.csv": buildChargebackCsv(summary),
    }),
  );
}

/**
 * Write the report of a comparison: report.html, summary.json, differences.csv, kpis.csv and series.csv (a
 * `scenario` column, one block per scenario) and charts.
 * @throws RangeError on an unknown format.
 */
export async function writeCompareReport(
  summary: CompareSummary,
  options: WriteReportOptions,
): Promise<WrittenReport> {
  return writeReport(
    options,
    () => buildCompareCharts(summary),
    (charts) => buildCompareHtml(summary, loadVegaBundles(), charts),
    summary,
    () => ({
      "differences.csv": buildDifferencesCsv(summary),
      "kpis.csv": buildCompareKpisCsv(summary),
      "series.csv": buildCompareSeriesCsv(summary),
    }),
  );
}

/**
 * Write the report of a sweep: report.html, summary.json, points.csv (one row per point, KPIs as columns),
 * coefficients.csv (SRC and PRCC), indices.csv (Sobol'/Morris) and charts. `options.kpis` are the KPIs asked
 * (`--kpi`, the sweep file's `kpis:`): they choose the charts and lead the CSV columns.
 * @throws RangeError on an unknown format.
 */
export async function writeSweepReport(
  summary: SweepSummary,
  options: WriteReportOptions & { kpis?: readonly string[] },
): Promise<WrittenReport> {
  const chosen = options.kpis === undefined ? {} : { kpis: options.kpis };
  return writeReport(
    options,
    () => buildSweepCharts(summary, chosen),
    (charts) => buildSweepHtml(summary, loadVegaBundles(), charts, chosen),
    summary,
    () => {
      const indices = buildSweepIndicesCsv(summary);
      const coefficients = buildSweepCoefficientsCsv(summary, options.kpis);
      return {
        "points.csv": buildSweepPointsCsv(summary, options.kpis),
        ...(coefficients === undefined ? {} : { "coefficients.csv": coefficients }),
        ...(indices === undefined ? {} : { "indices.csv": indices }),
      };
    },
  );
}
