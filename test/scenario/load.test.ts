import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssues, type ScenarioIssue } from "../../src/scenario/issues.ts";
import { type LoadResult, scenarioLoader } from "../../src/scenario/load.ts";
import { type Sample, samplePresets, sampleSchema } from "./sample-schema.ts";

const fixtures = join(import.meta.dirname, "fixtures");
const loader = scenarioLoader({ schema: sampleSchema, presets: samplePresets });

function ok(result: LoadResult<Sample>): Sample {
  if (!result.ok) throw new Error(`expected a valid scenario, got:\n${formatIssues(result.issues)}`);
  return result.scenario;
}

function issuesOf(result: LoadResult<Sample>): ScenarioIssue[] {
  if (result.ok) throw new Error("expected issues, the scenario was valid");
  return result.issues;
}

describe("parse", () => {
  it("fills every default for an empty document", () => {
    const scenario = ok(loader.parse("", { file: "empty.yaml" }));
    expect(scenario.horizonMonths).toBe(36);
    expect(scenario.demand.mix).toEqual({ low: 60, medium: 30, high: 10 });
    expect(scenario.platform).toEqual({ minNodes: 0, maxNodes: 10 });
  });

  it("collects every issue, each at the line and column of the offending value", () => {
    const text = [
      "name: many",
      "horizonMonths: 0",
      "organisation:",
      "  hubFte: -3",
      "  spokes:",
      "    - name: a",
      "      ftee: 5",
      "demand:",
      "  successProbability: 1.5",
      "  effort: { dist: normal, mean: 3, sdev: 1 }",
      "platform: { minNodes: 9, maxNodes: 2 }",
      "tiers: [40, 30, 80]",
    ].join("\n");
    const issues = issuesOf(loader.parse(text, { file: "many.yaml" }));
    const brief = issues.map((i) => `${i.line}:${i.column} ${i.path}`);
    expect(brief).toEqual(
      expect.arrayContaining([
        "2:16 horizonMonths",
        "4:11 organisation.hubFte",
        "7:7 organisation.spokes[0].ftee",
        "9:23 demand.successProbability",
        "10:36 demand.effort.sdev",
        "11:36 platform.maxNodes",
        "10:11 demand.effort.sd",
        "12:13 tiers[1]",
      ]),
    );
    expect(issues).toHaveLength(8); // plus the missing `sd` of the normal
    const byPath = new Map(issues.map((i) => [i.path, i]));
    expect(byPath.get("organisation.hubFte")).toMatchObject({
      value: -3,
      message: "expected a number >= 0, got -3",
    });
    expect(byPath.get("organisation.spokes[0].ftee")).toMatchObject({ hint: 'did you mean "fte"?' });
    expect(byPath.get("demand.effort.sdev")).toMatchObject({ hint: 'did you mean "sd"?' });
    expect(byPath.get("demand.effort.sd")?.message).toMatch(/is required/);
    expect(byPath.get("platform.maxNodes")?.message).toBe("minNodes (9) must be <= maxNodes (2)");
    expect(byPath.get("demand.successProbability")?.message).toBe("expected a number <= 1, got 1.5");
  });

  it("reports a weight table that does not sum to 100 at the table's key", () => {
    const issues = issuesOf(loader.parse("demand:\n  mix:\n    low: 80\n", { file: "w.yaml" }));
    expect(issues).toEqual([
      {
        file: "w.yaml",
        line: 2,
        column: 3,
        path: "demand.mix",
        value: { low: 80, medium: 30, high: 10 },
        message: "weights must sum to 100, got 120 (low 80 + medium 30 + high 10)",
      },
    ]);
  });

  it("places issues in JSON text too", () => {
    const issues = issuesOf(
      loader.parse('{\n  "organisation": {\n    "hubFte": "many"\n  }\n}\n', { file: "x.json" }),
    );
    expect(issues).toMatchObject([
      { line: 3, column: 15, path: "organisation.hubFte", message: 'expected a number, got "many"' },
    ]);
  });

  it("allows a few aliases but stops an alias bomb with a message, not a hang", () => {
    const scenario = ok(loader.parse("tiers: &t [10, 20]\nname: aliased\n", { file: "a.yaml" }));
    expect(scenario.tiers).toEqual([10, 20]);
    const bomb = ["a: &a [1,1,1,1,1,1,1,1,1,1]"];
    for (const [prev, next] of [
      ["a", "b"],
      ["b", "c"],
      ["c", "d"],
      ["d", "e"],
      ["e", "f"],
    ]) {
      bomb.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(",")}]`);
    }
    const issues = issuesOf(loader.parse(bomb.join("\n"), { file: "bomb.yaml" }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/too many alias/);
  });

  it("treats a __proto__ key as an unknown key, never as a prototype", () => {
    const text =
      "extends: level-1\n__proto__:\n  horizonMonths: 1\norganisation:\n  __proto__: { hubFte: 99 }\n";
    const issues = issuesOf(loader.parse(text, { file: "p.yaml" }));
    expect(issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.message}`).sort()).toEqual([
      '2:1 __proto__ unknown key "__proto__"',
      '5:3 organisation.__proto__ unknown key "__proto__"',
    ]);
    expect(({} as Record<string, unknown>).hubFte).toBeUndefined();
  });

  it("explains that YAML merge keys are not supported", () => {
    const issues = issuesOf(
      loader.parse("x: &x { hubFte: 3 }\norganisation:\n  <<: *x\n", { file: "m.yaml" }),
    );
    expect(issues.find((i) => i.path === 'organisation["<<"]')).toMatchObject({
      line: 3,
      column: 3,
      hint: "merge keys (<<) are not supported; use extends: to build on another scenario",
    });
  });

  it("rejects tags: scenario files are data", () => {
    for (const tag of ["!!js/function 'f'", "!include other.yaml", "!!binary aGVsbG8="]) {
      const issues = issuesOf(loader.parse(`name: ${tag}\n`, { file: "t.yaml" }));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ line: 1, column: 7 });
      expect(issues[0]!.message).toMatch(/tags are not allowed/);
    }
    expect(ok(loader.parse("name: !!str 12\n")).name).toBe("12");
  });
});

describe("extends", () => {
  it("merges presets parent first, following presets that extend presets", () => {
    const scenario = ok(loader.parse("extends: level-3\ndemand: { ratePerMonth: 5 }\n"));
    expect(scenario.organisation.hubFte).toBe(15);
    expect(scenario.organisation.spokes).toEqual([{ name: "retail", fte: 6, maxProjects: 4 }]);
    expect(scenario.demand.ratePerMonth).toBe(5);
    expect(scenario.extends).toBe("level-3");
  });

  it("resolves files relative to the extending file, applies a list left to right, and replaces lists", async () => {
    const scenario = ok(await loader.load(join(fixtures, "nested", "grandchild.yaml")));
    expect(scenario.organisation.hubFte).toBe(12); // parent.yaml comes after level-3 in the list
    expect(scenario.organisation.spokes).toEqual([{ name: "wealth", fte: 7, maxProjects: 4 }]);
    expect(scenario.demand.ratePerMonth).toBe(3);
    expect(scenario.horizonMonths).toBe(24);
  });

  it("points at the parent file when the parent wrote the bad value, at the child when the child did", async () => {
    const issues = issuesOf(await loader.load(join(fixtures, "child-of-bad-parent.yaml")));
    const where = issues.map((i) => `${i.file?.split(/[\\/]/).pop()}:${i.line}:${i.column} ${i.path}`).sort();
    expect(where).toEqual([
      "bad-parent.yaml:3:17 demand.ratePerMonth",
      "child-of-bad-parent.yaml:4:23 demand.successProbability",
    ]);
  });

  it("lets a child fix its parent's value", async () => {
    expect(ok(await loader.load(join(fixtures, "child-fixes-parent.yaml"))).demand.ratePerMonth).toBe(4);
  });

  it("accepts the same parent twice (a diamond is not a cycle)", async () => {
    expect(ok(await loader.load(join(fixtures, "diamond.yaml"))).name).toBe("diamond");
  });

  it("extends a JSON file and places its issues by line", async () => {
    const fixed = ok(await loader.load(join(fixtures, "extends-json.yaml")));
    expect(fixed.platform).toEqual({ minNodes: 20, maxNodes: 50 });
    expect(fixed.organisation.hubFte).toBe(8);
    const issues = issuesOf(
      loader.parse("extends: ./parent.json\n", { file: join(fixtures, "inline.yaml") }),
    );
    expect(issues).toMatchObject([{ line: 4, column: 45, path: "platform.maxNodes" }]);
    expect(issues[0]!.file).toMatch(/parent\.json$/);
  });

  it("removes an inherited value when the child writes null, so the default applies", () => {
    expect(ok(loader.parse("extends: level-3\norganisation:\n  hubFte:\n")).organisation.hubFte).toBe(0);
  });

  it("suggests the closest preset for an unknown name", () => {
    const issues = issuesOf(loader.parse("extends: [level-1, level3]\n", { file: "p.yaml" }));
    expect(issues).toEqual([
      {
        file: "p.yaml",
        line: 1,
        column: 20,
        path: "extends[1]",
        value: "level3",
        message: 'unknown preset "level3" (a file path must end in .yaml, .yml or .json)',
        hint: 'did you mean "level-3"?',
      },
    ]);
  });

  it("names the chain of a circular preset", () => {
    const issues = issuesOf(loader.parse("extends: level-9\n", { file: "c.yaml" }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: "(preset level-9)",
      message: "circular extends: level-9 -> level-9",
    });
  });

  it("reports the file that extends itself", () => {
    const file = join(fixtures, "self.yaml");
    const issues = issuesOf(loader.parse("extends: ./self.yaml\n", { file }));
    expect(issues[0]!.message).toMatch(/^circular extends: .*self\.yaml -> .*self\.yaml$/);
  });

  it("reports issues written in a preset against the preset", () => {
    const issues = issuesOf(loader.parse("extends: bad-preset\n", { file: "b.yaml" }));
    expect(issues).toMatchObject([{ file: "(preset bad-preset)", path: "demand.ratePerMonth", value: -1 }]);
    expect(issues[0]!.line).toBeUndefined();
  });

  it("does not let a preset read files", () => {
    const issues = issuesOf(loader.parse("extends: file-preset\n", { file: "f.yaml" }));
    expect(issues[0]!.message).toMatch(/may only extend presets/);
  });

  it("rejects an extends that is neither a name nor a list of names", () => {
    for (const text of ["extends: 3\n", "extends: []\n", "extends: [level-1, 2]\n", "extends: {a: 1}\n"]) {
      const issues = issuesOf(loader.parse(text, { file: "e.yaml" }));
      expect(issues).toMatchObject([{ path: "extends", line: 1, column: 10 }]);
    }
  });

  it("reports a missing parent at the extends line of the child, with the missing path", () => {
    const issues = issuesOf(
      loader.parse("name: x\nextends: ./nowhere.yaml\n", { file: join(fixtures, "m.yaml") }),
    );
    expect(issues).toMatchObject([{ line: 2, column: 10, path: "extends" }]);
    expect(issues[0]!.message).toMatch(/parent file not found: .*nowhere\.yaml/);
  });
});

describe("load", () => {
  it("turns a missing file into an issue", async () => {
    const result = await loader.load(join(fixtures, "absent.yaml"));
    expect(issuesOf(result)).toEqual([
      { file: join(fixtures, "absent.yaml"), path: "", message: "file not found" },
    ]);
  });

  it("turns a directory into an issue", async () => {
    const issues = issuesOf(await loader.load(fixtures));
    expect(issues[0]!.message).toMatch(/not a regular file \(it is a folder\)/);
  });
});
