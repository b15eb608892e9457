/**
 * The programmatic API of scalesim: load and validate scenarios, simulate one replication, run Monte Carlo
 * experiments (run, compare, sweep) and write reports. Importing this module has no side effects; the command
 * line (src/cli) is built on exactly these functions.
 *
 * @example
 * import { loadScenario, runScenario, writeRunReport } from "scalesim";
 * const loaded = await loadScenario("scenarios/financial-services.yaml");
 * if (loaded.ok) {
 *   const summary = await runScenario(loaded.scenario, { replications: 200, seed: 1 });
 *   await writeRunReport(summary, { outDir: "out/fs", formats: ["html", "json"] });
 * }
 */

export { writeClaimsReport } from "../reports/claims/write-claims-report.ts";
export { writeCompareReport, writeRunReport, writeSweepReport } from "../reports/write-report.ts";
export { claimsJsonSchema } from "./claims/claims-json-schema.ts";
export type { ClaimsFile } from "./claims/claims-schema.ts";
export { type EvaluateClaimsOptions, evaluateClaims } from "./claims/evaluate-claims.ts";
export { type LoadClaimsResult, type LoadedClaims, loadClaims } from "./claims/load-claims.ts";
export type * from "./claims/types.ts";
export type * from "./model/result.ts";
export { simulate } from "./model/simulate.ts";
export {
  compareScenarios,
  loadSweep,
  mergeSweeps,
  replay,
  runScenario,
  runSweep,
} from "./montecarlo/index.ts";
export { ReplicationError } from "./montecarlo/replication-error.ts";
export type * from "./montecarlo/types.ts";
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
