/**
 * The JSON Schema editors use must agree with the loader: every example scenario and preset document passes it
 * (no false warnings in an editor), and typical mistakes fail it (editors catch them while typing).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { presetDocument, presetNames, scenarioJsonSchema } from "../../src/scenario/index.ts";

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(scenarioJsonSchema());
const scenariosDir = join(import.meta.dirname, "..", "..", "scenarios");

describe("scenarioJsonSchema agrees with the loader", () => {
  const files = readdirSync(scenariosDir).filter((f) => /\.(ya?ml|json)$/.test(f));

  it("has example scenarios to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("scenarios/%s passes the JSON Schema", (file) => {
    const document = parse(readFileSync(join(scenariosDir, file), "utf8"));
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  it.each(presetNames())("preset %s passes the JSON Schema", (name) => {
    expect(validate(presetDocument(name)) ? [] : validate.errors).toEqual([]);
  });

  it.each([
    ["an unknown key", { horizonMonth: 24 }],
    ["a wrong type", { horizonMonths: "three years" }],
    ["a probability above 1", { demand: { successProbability: { medium: 1.5 } } }],
    ["a negative rate", { demand: { businessUnits: [{ name: "a", ratePerMonth: -3 }] } }],
    ["an unknown distribution", { demand: { criticality: { dist: "normall", mean: 1, sd: 1 } } }],
  ])("rejects %s", (_label, document) => {
    expect(validate(document)).toBe(false);
  });
});
