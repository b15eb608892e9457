/**
 * Every user-facing sentence of the command line, one function per message (the vega-lite `log/message.ts`
 * habit), so wording is reviewed in one place and tests can match on it.
 */
import type { FileKind } from "./file-kind.ts";

/** Scenario argument that is neither an existing file nor a preset. */
export function unknownScenario(argument: string, presets: readonly string[], closest?: string): string {
  const hint = closest === undefined ? "" : ` (did you mean ${closest}?)`;
  return `scenario "${argument}" is neither a file nor a preset name${hint}; presets: ${presets.join(", ")}`;
}

/** A file argument that does not exist. */
export function fileNotFound(path: string): string {
  return `file not found: ${path}`;
}

/** A file that exists but cannot be read or parsed as JSON. */
export function unreadableFile(path: string, reason: string): string {
  return `cannot read ${path}: ${reason}`;
}

/** `report`/`merge` given a JSON file that is not a scalesim summary. */
export function notASummary(path: string, expected: string): string {
  return `${path} is not a scalesim ${expected} summary (expected the summary.json of a report directory)`;
}

/** A field of a saved summary is missing or of the wrong type (tampered or from an incompatible version). */
export function badSummaryField(file: string, path: string, problem: string): string {
  return `${file}: ${path === "" ? "(top level)" : path}: ${problem} (a damaged or edited summary; re-run, or use an intact copy)`;
}

/** A scenario whose estimated work per replication is above the limit. */
export function tooMuchWork(units: number, parts: readonly string[], limit: number): string {
  return `this scenario implies about ${units.toPrecision(2)} work units per replication (${parts.join(", ")}), above the limit of ${limit.toPrecision(2)}; check counts, rates and steps, or raise the limit with --max-work <units> if you mean it`;
}

/** `init` would overwrite a file. */
export function refuseOverwrite(path: string): string {
  return `${path} already exists; pass --force to overwrite it`;
}

/** The output directory already exists (reports never overwrite). */
export function outDirExists(path: string): string {
  return `output directory ${path} already exists; choose another with --out`;
}

/** A file-system operation failed for an ordinary reason (read-only, full, not a folder, no permission). */
export function fileSystemProblem(action: string, path: string, reason: string): string {
  return `cannot ${action} ${path}: ${reason}`;
}

/** The report folder was taken while the run was going on; the report went elsewhere. */
export function outDirTaken(requested: string, keptAt: string): string {
  return `output directory ${requested} already exists (it was created while this command ran); nothing in it was touched, the report was written to ${keptAt} instead`;
}

/** The charts could not be drawn; the data files were kept. */
export function chartsFailed(detail: string, outDir: string): string {
  return `the report's charts could not be drawn (${detail}); the results (summary.json and CSV files) are in ${outDir}`;
}

/** Ctrl-C arrived while a report was being written; it was finished first, so the stop is not a failure. */
export function finishedDespiteInterrupt(): string {
  return "Ctrl-C arrived while the report was being written: the report above was finished first";
}

/** Ctrl-C stopped a command; nothing was written. */
export function interrupted(): string {
  return "interrupted (Ctrl-C): workers stopped, no partial report written";
}

/** A replication failed: what failed, and the command that reproduces it alone. */
export function replicationFailed(
  detail: string,
  replication: number,
  seed: number,
  replayCommand: string,
): string {
  return [
    `replication ${replication} (seed ${seed}) failed: ${detail}`,
    "reproduce it alone, with its trace:",
    `  ${replayCommand}`,
  ].join("\n");
}

/** An error nobody anticipated (a bug): short text, stack only when SCALESIM_DEBUG is set. */
export function internalError(detail: string): string {
  return `internal error: ${detail}\n(set SCALESIM_DEBUG=1 for the stack trace; please report it)`;
}

/** Final line pointing at the written report. */
export function reportWritten(path: string): string {
  return `report: ${path}`;
}

/** One line per valid file in `validate` (a sweep or claims file says so). */
export function scenarioValid(label: string, kind: FileKind = "scenario"): string {
  return kind === "scenario"
    ? `ok ${label}`
    : `ok ${label} (${kind === "sweep" ? "sweep file" : "claims file"})`;
}

/** Summary line of `validate` when some files failed. */
export function someInvalid(invalid: number, total: number): string {
  return `${invalid} of ${total} file${total === 1 ? "" : "s"} invalid`;
}

/** Line printed when `init` wrote its file. */
export function initWritten(path: string, preset: string): string {
  return `wrote ${path} (extends preset ${preset}); check it with: scalesim validate ${path}`;
}

/** Line printed when `schema --out` wrote its file. */
export function schemaWritten(path: string): string {
  return `wrote ${path}`;
}

/** Unknown preset for `init --preset`. */
export function unknownPreset(name: string, presets: readonly string[]): string {
  return `unknown preset "${name}"; presets: ${presets.join(", ")}`;
}

/** The run stopped because it reached the precision asked by --until-ci, or hit the cap. */
export function stoppedBy(reason: string, replications: number): string {
  return reason === "precision"
    ? `stopped after ${replications} replications: precision reached`
    : `stopped after ${replications} replications`;
}

/** What `--crn-check` measured: the CI half-width of a difference with common and with independent seeds. */
export function crnEffectLine(effect: {
  kpi: string;
  halfWidthCommon: number;
  halfWidthIndependent: number;
}): string {
  const ratio =
    effect.halfWidthCommon > 0
      ? effect.halfWidthIndependent / effect.halfWidthCommon
      : Number.POSITIVE_INFINITY;
  return `common random numbers: the 95% CI half-width of the ${effect.kpi} difference is ${round3(effect.halfWidthCommon)} with shared seeds vs ${round3(effect.halfWidthIndependent)} with independent seeds (${ratio.toFixed(1)}x narrower)`;
}

function round3(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

/** `--ci-kpis` names a KPI the model does not report. */
export function unknownCiKpi(name: string, closest: string | undefined): string {
  const hint = closest === undefined ? "" : ` (did you mean ${closest}?)`;
  return `--ci-kpis: the model reports no KPI named "${name}"${hint}; KPI names are listed in a report's kpis.csv`;
}
