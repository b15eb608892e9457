/**
 * `scalesim claims [file...]`: replays the claims of each claims file (default: the guide's,
 * scenarios/claims/guide.yaml) on the model, writes a scorecard report per file (claims.json, claims.csv,
 * claims.html) and prints the terminal scorecard. With `--strict` the command ends with exit code 3 when a claim
 * fails or stays undecided, after the report is written.
 */
import { join, resolve } from "node:path";
import { DEFAULT_BUDGET_FACTOR, evaluateClaims } from "../../claims/evaluate-claims.ts";
import { type LoadedClaims, loadClaims } from "../../claims/load-claims.ts";
import type { ClaimsSummary } from "../../claims/types.ts";
import { formatIssues } from "../../scenario/index.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { fileSystemFailure } from "../file-system-error.ts";
import { outDirTaken, reportWritten } from "../messages.ts";
import { monteCarloOptions } from "../monte-carlo-options.ts";
import type { ParsedOptions } from "../options.ts";
import { reportDirectories } from "../out-dir.ts";
import { packageInfo } from "../package-info.ts";
import { createProgress, progressMode } from "../progress.ts";
import { assertFreshDirectory, mainFile } from "../report-output.ts";
import { explainFailure } from "../run-failure.ts";

/** The claims file run when none is given, relative to the package root. */
export const DEFAULT_CLAIMS_FILE = "scenarios/claims/guide.yaml";

/** Runs the `claims` command; see the module comment. @throws CliError (exit 1, 2 or 3) */
export async function claimsCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const files =
    operands.length > 0
      ? operands.map((file) => ({ argument: file, path: resolve(context.cwd, file) }))
      : [{ argument: DEFAULT_CLAIMS_FILE, path: join(packageInfo().root, DEFAULT_CLAIMS_FILE) }];
  const loaded: LoadedClaims[] = [];
  for (const file of files) {
    const result = await loadClaims(file.path);
    if (!result.ok) throw new CliError(ExitCode.usage, formatIssues(result.issues));
    loaded.push({ ...result.claims, file: file.argument });
  }
  const outDirs = reportDirectories(
    options.out,
    loaded.map((claims) => `claims-${claims.name}`),
    context.cwd,
    context.now(),
  );
  for (const outDir of outDirs) await assertFreshDirectory(outDir);
  const human = !options.json && !options.quiet;
  const results: Array<{ summary: ClaimsSummary; outDir: string; files: string[] }> = [];
  for (const [index, claims] of loaded.entries()) {
    const progress = createProgress(progressMode(options, context), claims.name, context);
    const run = monteCarloOptions(options, context, (update) => progress.update(update));
    let summary: ClaimsSummary;
    try {
      summary = await evaluateClaims(claims, {
        ...(options.replications === undefined
          ? {}
          : {
              forceReplications: options.replications,
              forceMaxReplications: DEFAULT_BUDGET_FACTOR * options.replications,
            }),
        seed: run.seed,
        workers: run.workers,
        signal: run.signal,
        onProgress: run.onProgress,
      });
    } catch (error) {
      context.signal.throwIfAborted();
      // a metric the model does not report, or a condition value that makes a scenario invalid: the file's problem
      if (error instanceof RangeError) throw new CliError(ExitCode.usage, `${claims.file}: ${error.message}`);
      throw explainFailure(error, () => claims.file);
    } finally {
      progress.stop();
    }
    context.signal.throwIfAborted();
    const written = await writeClaims(summary, outDirs[index]!, options.out !== undefined);
    results.push({ summary, ...written });
    if (human) {
      const { renderScorecard } = await import("../../../reports/claims/scorecard-text.ts");
      context.stdout(
        `${renderScorecard(summary)}${reportWritten(mainFile(written.outDir, written.files, context.cwd))}\n`,
      );
    }
  }
  if (options.json) {
    const json = {
      command: "claims",
      files: results.map(({ summary, outDir, files }) => ({
        file: summary.file,
        name: summary.name,
        outDir,
        files,
        seed: summary.seed,
        counts: summary.counts,
        claims: summary.claims.map(
          ({ distribution: _distribution, discovery: _discovery, ...claim }) => claim,
        ),
      })),
    };
    context.stdout(`${JSON.stringify(json, null, 2)}\n`);
  }
  if (options.strict) {
    const open = results.flatMap(({ summary }) =>
      summary.claims.filter((claim) => claim.verdict === "fails" || claim.verdict === "undecided"),
    );
    if (open.length > 0)
      throw new CliError(
        ExitCode.claimsNotHolding,
        `--strict: ${open.length} claim(s) fail or stay undecided: ${open.map((claim) => `${claim.id} (${claim.verdict})`).join(", ")}`,
      );
  }
}

async function writeClaims(
  summary: ClaimsSummary,
  outDir: string,
  explicit: boolean,
): Promise<{ outDir: string; files: string[] }> {
  const { writeClaimsReport } = await import("../../../reports/claims/write-claims-report.ts");
  const { ReportDirectoryTakenError } = await import("../../../reports/write-report.ts");
  try {
    return await writeClaimsReport(summary, { outDir, ifTaken: explicit ? "fail" : "next" });
  } catch (error) {
    if (error instanceof ReportDirectoryTakenError)
      throw new CliError(ExitCode.usage, outDirTaken(error.requested, error.keptAt), { cause: error });
    throw fileSystemFailure(error, "write the report to", outDir);
  }
}
