/**
 * Public surface of the scenario layer: schema, loader, issues, presets and the JSON Schema.
 * Importing it has no side effects.
 */
export {
  distributionSchema,
  minMax,
  nonNegative,
  percentWeights,
  positive,
  probability,
} from "./distribution-schema.ts";
export { formatIssues, formatPath, type ScenarioIssue } from "./issues.ts";
export { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from "./json-schema.ts";
export * from "./limits.ts";
export { type LoadResult, loadScenario, type ParseOptions, parseScenario, scenarioLoader } from "./load.ts";
export {
  checkPoints,
  type LoadSweepResult,
  loadSweep,
  MAX_POINT_ISSUES,
  type SweepPlanner,
} from "./load-sweep.ts";
export { deepMerge } from "./merge.ts";
export {
  FORBIDDEN_SEGMENTS,
  getPath,
  type ParameterValue,
  parameterPathSchema,
  pathKeys,
  pathProblem,
  setPath,
} from "./parameter-path.ts";
export { type BaseResult, issuesError, loadBase, pointScenario } from "./point-scenario.ts";
export { presetDescription, presetDocument, presetNames } from "./presets/index.ts";
export { type Scenario, type ScenarioInput, scenarioSchema } from "./schema.ts";
export { suggest } from "./suggest.ts";
export { type Sweep, type SweepParameter, sweepPointCount, sweepSchema } from "./sweep-schema.ts";
