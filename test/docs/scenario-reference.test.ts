import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  renderScenarioReference,
  SCENARIO_REFERENCE_COMMAND,
  SCENARIO_REFERENCE_PAGE,
} from "../../docs/scenario-reference.ts";
import { scenarioJsonSchema } from "../../src/scenario/json-schema.ts";

describe(SCENARIO_REFERENCE_PAGE, () => {
  const page = renderScenarioReference();

  it(`is exactly what the scenario schema generates (run \`${SCENARIO_REFERENCE_COMMAND}\`)`, () => {
    const onDisk = readFileSync(new URL(`../../${SCENARIO_REFERENCE_PAGE}`, import.meta.url), "utf8");
    expect(onDisk).toBe(page);
  });

  it("is stamped with the command that made it", () => {
    expect(page.split("\n")[0]).toContain(SCENARIO_REFERENCE_COMMAND);
  });

  it("documents every field of the schema, with the schema's own description", () => {
    const fields: [string, string][] = [];
    const walk = (node: Record<string, unknown>) => {
      const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [name, child] of Object.entries(properties ?? {})) {
        if (typeof child.description === "string") fields.push([name, child.description]);
        walk(child);
        if (child.items !== undefined) walk(child.items as Record<string, unknown>);
        for (const alternative of (child.anyOf ?? []) as Record<string, unknown>[]) walk(alternative);
      }
    };
    walk(scenarioJsonSchema());
    expect(fields.length).toBeGreaterThan(200);
    for (const [name, description] of fields) {
      expect(page, name).toContain(name);
      // the first words of the description, as the page writes them (capitalised, Markdown-escaped)
      const start = description.slice(1, 20).replace(/[*_]/g, (c) => `\\${c}`);
      if (!start.includes("<")) expect(page, `${name}: ${description}`).toContain(start);
    }
  });

  it("describes every kind of distribution", () => {
    for (const kind of ["constant", "uniform", "exponential", "normal", "lognormal", "triangular", "pert"])
      expect(page).toContain(`- \`${kind}\`: `);
  });
});
