/**
 * JSON Schema (draft 2020-12) of scenario files, generated from the zod schema with zod 4's
 * `z.toJSONSchema` (https://zod.dev/json-schema) so editors (VS Code YAML/JSON, JetBrains) autocomplete and
 * check scenario files with the same rules as the loader. It describes the file as written (`io: "input"`):
 * fields with defaults are optional. Cross-field rules (weights summing to 100, min <= max) are not
 * expressible in JSON Schema and are checked by the loader only.
 */
import { z } from "zod";
import { scenarioSchema } from "./schema.ts";

/** `$id` of the generated schema. */
export const SCENARIO_SCHEMA_ID = "https://scalesim.dev/scenario.schema.json";

/**
 * The scenario JSON Schema as a plain object (deterministic: same output for the same schema), ready for
 * `JSON.stringify(schema, null, 2)`; `npm run schema` writes it to scenario.schema.json.
 * @example scenarioJsonSchema().properties.horizonMonths.default === 36
 */
export function scenarioJsonSchema(): Record<string, unknown> & {
  properties: Record<string, Record<string, unknown>>;
} {
  const generated = z.toJSONSchema(scenarioSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  return {
    $schema: generated.$schema,
    $id: SCENARIO_SCHEMA_ID,
    title: "scalesim scenario",
    ...generated,
  };
}
