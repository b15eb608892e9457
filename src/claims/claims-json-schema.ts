/**
 * JSON Schema (draft 2020-12) of claims files, generated from the zod schema with zod 4's `z.toJSONSchema`
 * (https://zod.dev/json-schema), as the scenario schema is (src/scenario/json-schema.ts), so editors complete and
 * check claims files. Cross-field rules (a tested claim needs baseline, metric and expect; unique ids) are checked
 * by the loader only.
 */
import { z } from "zod";
import { claimsFileSchema } from "./claims-schema.ts";

/** `$id` of the generated schema. */
export const CLAIMS_SCHEMA_ID = "https://scalesim.dev/claims.schema.json";

/**
 * The claims JSON Schema as a plain object (deterministic), ready for `JSON.stringify(schema, null, 2)`.
 * @example claimsJsonSchema().properties.claims.type === "array"
 */
export function claimsJsonSchema(): Record<string, unknown> & {
  properties: Record<string, Record<string, unknown>>;
} {
  const generated = z.toJSONSchema(claimsFileSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  return { $schema: generated.$schema, $id: CLAIMS_SCHEMA_ID, title: "scalesim claims", ...generated };
}
