/**
 * The real scenario schema composed from the delivery and platform sections: defaults, strictness, the JSON
 * Schema for editors, and every preset.
 */
import { describe, expect, it } from "vitest";
import {
  formatIssues,
  parseScenario,
  presetDescription,
  presetDocument,
  presetNames,
  scenarioJsonSchema,
  scenarioSchema,
} from "../../src/scenario/index.ts";

describe("scenarioSchema", () => {
  it("makes {} a complete scenario with the documented top-level defaults", () => {
    const scenario = scenarioSchema.parse({});
    expect(scenario).toMatchObject({
      name: "scenario",
      horizonMonths: 36,
      startDate: "2027-01-01",
      currency: "USD",
    });
    for (const section of [
      "organisation",
      "demand",
      "portfolio",
      "lifecycle",
      "governance",
      "roadmap",
      "finance",
    ]) {
      expect(scenario).toHaveProperty(section);
    }
    expect(typeof scenario.platform).toBe("object");
  });

  it("is strict at the top level and checks the top-level fields", () => {
    const result = parseScenario("horizonMonth: 24\ncurrency: usd\nstartDate: 2027-02-30\n", {
      file: "t.yaml",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatIssues(result.issues)).toBe(
      [
        't.yaml:1:1  horizonMonth: unknown key "horizonMonth"',
        '  hint: did you mean "horizonMonths"?',
        't.yaml:2:11  currency: expected a three-letter ISO 4217 currency code such as USD or EUR, got "usd"',
        "  hint: ISO 4217 currency of every amount in the scenario",
        't.yaml:3:12  startDate: expected a date (YYYY-MM-DD), got "2027-02-30"',
        "  hint: calendar date of month 0, YYYY-MM-DD",
      ].join("\n"),
    );
  });
});

describe("scenarioJsonSchema", () => {
  const schema = scenarioJsonSchema();

  it("is a closed draft 2020-12 object schema with the defaults as written", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.horizonMonths?.default).toBe(36);
    expect(schema.required ?? []).toEqual([]);
    expect(JSON.stringify(scenarioJsonSchema())).toBe(JSON.stringify(schema));
  });

  it("describes every property, so editors show help for each field", () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string, described: boolean) => {
      if (node === null || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      const here = described || typeof n.description === "string";
      if (n.properties !== undefined) {
        for (const [key, child] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const childDescribed = typeof child.description === "string";
          // a field may take its description from its type (a shared distribution or a described object)
          if (!childDescribed && !describesItself(child)) undescribed.push(`${path}${key}`);
          walk(child, `${path}${key}.`, childDescribed);
        }
      }
      for (const key of ["items", "anyOf", "oneOf", "allOf", "additionalProperties"]) {
        const value = n[key];
        if (Array.isArray(value)) for (const v of value) walk(v, path, here);
        else walk(value, key === "items" ? `${path}[].` : path, here);
      }
    };
    const describesItself = (child: Record<string, unknown>): boolean =>
      ["anyOf", "oneOf", "allOf"].some((k) => Array.isArray(child[k])) ||
      (Array.isArray(child.enum) && child.const === undefined) ||
      typeof child.$ref === "string" ||
      child.const !== undefined;
    walk(schema, "", true);
    expect(undescribed).toEqual([]);
  });
});

describe("presets", () => {
  const expected = [
    "level-1",
    "level-2",
    "level-3",
    "level-4",
    "level-5",
    "financial-services",
    "retail",
    "manufacturing",
  ];

  it("lists the five levels and the three case studies, in that order", () => {
    expect(presetNames().slice(0, expected.length)).toEqual(expected);
  });

  it.each(expected)("%s is described and validates", (name) => {
    expect(presetDescription(name)).toMatch(/\w/);
    const result = parseScenario(`extends: ${name}\n`, { file: `${name}.yaml` });
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.scenario.extends).toBe(name);
  });

  it("returns a fresh copy of each preset document", () => {
    const first = presetDocument("level-3")!;
    first.name = "changed";
    expect(presetDocument("level-3")!.name).not.toBe("changed");
    expect(presetDocument("no-such-preset")).toBeUndefined();
  });

  it("lets a scenario state only what differs from its preset", () => {
    const base = parseScenario("extends: level-3\n");
    const changed = parseScenario("extends: level-3\nhorizonMonths: 12\n");
    if (!base.ok || !changed.ok) throw new Error("level-3 must validate");
    expect(changed.scenario.horizonMonths).toBe(12);
    expect({ ...changed.scenario, horizonMonths: 36 }).toEqual(base.scenario);
  });
});
