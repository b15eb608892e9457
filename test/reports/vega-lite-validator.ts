/**
 * Validator of Vega-Lite specs against the JSON schema shipped by vega-lite (build/vega-lite-schema.json), with
 * ajv (draft-07). The schema's custom formats are registered so that colour strings are checked too.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";

let validator: ValidateFunction | undefined;

/** The compiled validator (compiled once per test file; takes a few seconds). */
export function vegaLiteValidator(): ValidateFunction {
  if (validator !== undefined) return validator;
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(
    readFileSync(require.resolve("vega-lite/vega-lite-schema.json"), "utf8"),
  ) as object;
  // the schema itself is vega-lite's, so checking it against the meta-schema and optimising the generated code
  // only cost compile time (about 3x here)
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, code: { optimize: false } });
  ajv.addFormat("color-hex", /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/);
  ajv.addFormat("uri", (s: string) => URL.canParse(s));
  ajv.addFormat("uri-reference", () => true);
  validator = ajv.compile(schema);
  return validator;
}

/** Validation errors of a spec as one readable string (empty when valid). */
export function specErrors(spec: unknown): string {
  const validate = vegaLiteValidator();
  return validate(spec) ? "" : JSON.stringify(validate.errors?.slice(0, 5));
}
