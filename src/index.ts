/**
 * The programmatic API of scalesim: load and validate scenarios, simulate one replication, run Monte Carlo
 * experiments (run, compare, sweep), replay claims and write reports. Importing this module has no side effects
 * (no output, no threads, no files); the command line (src/cli) is built on these functions. docs/api.md has a
 * section and a runnable example per entry point (run by test/docs/api-examples.test.ts).
 *
 *   scenario file ─loadScenario / parseScenario─▶ Scenario ─┬─ simulate ─────────▶ ReplicationResult (one)
 *                                                            ├─ runScenario ──────▶ RunSummary ──▶ writeRunReport
 *                                                            └─ compareScenarios ─▶ CompareSummary ─▶ writeCompareReport
 *   sweep file ─loadSweep─▶ Sweep ─runSweep (or one shard)─▶ SweepSummary ─(mergeSweeps)─▶ writeSweepReport
 *   claims file ─loadClaims─▶ LoadedClaims ─evaluateClaims─▶ ClaimsSummary ─▶ writeClaimsReport
 *
 * Bad input is data: loaders return `{ ok: false, issues }` (render with `formatIssues`), never throw. Misuse
 * (a bad option value) throws `TypeError`/`RangeError`; a failing replication rejects with `ReplicationError`,
 * which names the index and seed `replay` needs.
 *
 * @example
 * import { formatIssues, loadScenario, runScenario, writeRunReport } from "scalesim";
 * const loaded = await loadScenario("scenarios/financial-services.yaml");
 * if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
 * const summary = await runScenario(loaded.scenario, { replications: 200, seed: 1 });
 * await writeRunReport(summary, { outDir: "out/fs", formats: ["html", "json"] });
 */

// reports: each writer builds the directory beside outDir and renames it into place when complete
export { writeClaimsReport } from "../reports/claims/write-claims-report.ts";
export { writeCompareReport, writeRunReport, writeSweepReport } from "../reports/write-report.ts";
// claims: load a claims file, replay each claim on the model, give it a verdict
export { claimsJsonSchema } from "./claims/claims-json-schema.ts";
export type { ClaimsFile } from "./claims/claims-schema.ts";
export { type EvaluateClaimsOptions, evaluateClaims } from "./claims/evaluate-claims.ts";
export { type LoadClaimsResult, type LoadedClaims, loadClaims } from "./claims/load-claims.ts";
export type * from "./claims/types.ts";
// one replication, in the calling thread, deterministic for (scenario, seed, replication)
export type * from "./model/result.ts";
export { simulate } from "./model/simulate.ts";
// Monte Carlo: many replications on worker threads, common random numbers across scenarios and sweep points
export {
  type CompareOptions,
  compareScenarios,
  type LadderRow,
  type LadderSummary,
  loadSweep,
  mergeSweeps,
  type Progress,
  type ProgressCallback,
  type ReplayOptions,
  type RunOptions,
  replay,
  runMaturityLadder,
  runScenario,
  runSweep,
  type SweepOptions,
  type UntilCi,
} from "./montecarlo/index.ts";
export { ReplicationError } from "./montecarlo/replication-error.ts";
export type * from "./montecarlo/types.ts";
// scenarios and sweeps: loading, validation as data, presets, schemas and the input limits
export {
  formatIssues,
  type LoadResult,
  loadScenario,
  MAX_EXTENDS_LOADS,
  MAX_REPLICATIONS,
  MAX_SCENARIO_FILE_BYTES,
  MAX_SUMMARY_FILE_BYTES,
  MAX_SWEEP_DESIGN_POINTS,
  MAX_SWEEP_PARAMETER_VALUES,
  MAX_SWEEP_POINTS,
  MAX_SWEEP_REPLICATIONS,
  parseScenario,
  pathProblem,
  presetDescription,
  presetDocument,
  presetNames,
  type Scenario,
  type ScenarioInput,
  type ScenarioIssue,
  type Sweep,
  type SweepParameter,
  scenarioJsonSchema,
  scenarioSchema,
  sweepPointCount,
  sweepSchema,
} from "./scenario/index.ts";
