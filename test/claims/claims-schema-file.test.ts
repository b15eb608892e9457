/**
 * scenarios/claims/claims.schema.json (the JSON Schema editors read through the `yaml-language-server` comment of
 * the claims files) is the generated schema: regenerate it with the snippet below when the claims schema changes.
 *   npx tsx -e 'import("./src/claims/claims-json-schema.ts").then(m => process.stdout.write(JSON.stringify(m.claimsJsonSchema(), null, 2) + "\n"))' > scenarios/claims/claims.schema.json
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { claimsJsonSchema } from "../../src/claims/claims-json-schema.ts";

describe("scenarios/claims/claims.schema.json", () => {
  it("is the schema generated from the zod schema", () => {
    const file = fileURLToPath(new URL("../../scenarios/claims/claims.schema.json", import.meta.url));
    // compared as data: the formatter may lay the file out differently
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(JSON.parse(JSON.stringify(claimsJsonSchema())));
  });
});
