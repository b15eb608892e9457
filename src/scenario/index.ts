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
export { type LoadResult, loadScenario, type ParseOptions, parseScenario, scenarioLoader } from "./load.ts";
export { deepMerge } from "./merge.ts";
export { presetDescription, presetDocument, presetNames } from "./presets/index.ts";
export { type Scenario, type ScenarioInput, scenarioSchema } from "./schema.ts";
export { suggest } from "./suggest.ts";
