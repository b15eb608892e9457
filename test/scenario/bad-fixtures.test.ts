/**
 * Every file in test/fixtures/bad is a broken scenario; each must give exactly one clear issue naming the
 * file, the line and column, and the path, through the real loader and schema — and never a stack trace.
 */
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssues, loadScenario } from "../../src/scenario/index.ts";

const dir = join(import.meta.dirname, "..", "fixtures", "bad");

interface Expected {
  file?: string;
  line?: number;
  column?: number;
  path: string;
  message: RegExp;
  hint?: RegExp;
}

const cases: Record<string, Expected> = {
  "yaml-syntax-error.yaml": {
    line: 4,
    column: 1,
    path: "",
    message: /^syntax error: Flow map .* end with a \}$/,
  },
  "unknown-key.yaml": {
    line: 6,
    column: 5,
    path: "organisation.spokes.fteperspoke",
    message: /^unknown key "fteperspoke"$/,
    hint: /did you mean "ftePerSpoke"\?/,
  },
  "wrong-type.yaml": {
    line: 2,
    column: 16,
    path: "horizonMonths",
    message: /^expected a number, got "three years"$/,
  },
  "effect-platform-option.yaml": {
    line: 9,
    column: 49,
    path: "roadmap.investments[0].effects[1].value",
    message:
      /^after this effect, platform\.serving\.mode: expected one of "multiModel", "dedicated", got "multimodel"$/,
  },
  "effect-unit-rate.yaml": {
    line: 12,
    column: 18,
    path: "roadmap.investments[0].effects[0].value",
    message: /^after this effect, demand\.businessUnits\.0\.ratePerMonth: expected a number >= 0, got -1$/,
  },
  "negative-rate.yaml": {
    line: 7,
    column: 21,
    path: "demand.businessUnits[1].ratePerMonth",
    message: /^expected a number >= 0, got -3$/,
  },
  "probability-out-of-range.yaml": {
    line: 5,
    column: 13,
    path: "demand.successProbability.medium",
    message: /^expected a number <= 1, got 1.5$/,
  },
  "min-above-max.yaml": {
    line: 4,
    column: 41,
    path: "lifecycle.effortPersonWeeks.data.max",
    message: /^min must be <= max, got min 9 and max 1$/,
  },
  "pert-mode-outside.yaml": {
    line: 4,
    column: 43,
    path: "lifecycle.effortPersonWeeks.modelDev.mode",
    message: /mode must lie between min and max/,
  },
  "weights-not-100.yaml": {
    line: 4,
    column: 5,
    path: "portfolio.scoring.weights",
    message: /^weights must sum to 100, got 120 \(businessValue 50 \+ /,
  },
  "tiers-out-of-order.yaml": {
    line: 4,
    column: 16,
    path: "portfolio.tiers.fastTrack",
    message: /tier thresholds/,
  },
  "missing-extends.yaml": {
    line: 2,
    column: 10,
    path: "extends",
    message: /^parent file not found: .*parts[\\/]does-not-exist\.yaml$/,
  },
  "circular-a.yaml": {
    file: "circular-b.yaml",
    line: 2,
    column: 10,
    path: "extends",
    message: /^circular extends: .*circular-a\.yaml -> .*circular-b\.yaml -> .*circular-a\.yaml$/,
  },
  "circular-b.yaml": {
    file: "circular-a.yaml",
    line: 2,
    column: 10,
    path: "extends",
    message: /^circular extends: .*circular-b\.yaml -> .*circular-a\.yaml -> .*circular-b\.yaml$/,
  },
  "unknown-preset.yaml": { line: 2, column: 10, path: "extends", message: /^unknown preset "level3"/ },
  "unknown-distribution.yaml": {
    line: 3,
    column: 24,
    path: "demand.criticality.dist",
    message: /^expected one of "constant", .* got "normall"$/,
    hint: /did you mean "normal"\?/,
  },
  "custom-tag.yaml": { line: 2, column: 14, path: "", message: /^tags are not allowed .* !!js\/function$/ },
  "duplicate-key.yaml": { line: 3, column: 1, path: "", message: /^syntax error: Map keys must be unique$/ },
  "not-a-mapping.yaml": { line: 1, column: 1, path: "", message: /must be a mapping/ },
  "alias-bomb.yaml": { line: 3, column: 8, path: "", message: /too many alias/ },
  "wrong-value.json": {
    line: 4,
    column: 21,
    path: "organisation.hub.fte",
    message: /^expected a number >= 0, got -2$/,
  },
};

describe("broken scenario files", () => {
  it("has an expectation for every fixture", () => {
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== "biome.json");
    expect(files.sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, expected] of Object.entries(cases)) {
    it(`${name}: one issue with file, line, column and path`, async () => {
      const result = await loadScenario(join(dir, name));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      const issue = result.issues[0]!;
      const shownFile = expected.file ?? name;
      expect(relative(dir, resolve(issue.file ?? ""))).toBe(shownFile);
      expect({ line: issue.line, column: issue.column, path: issue.path }).toEqual({
        line: expected.line,
        column: expected.column,
        path: expected.path,
      });
      expect(issue.message).toMatch(expected.message);
      if (expected.hint !== undefined) expect(issue.hint).toMatch(expected.hint);
      const text = formatIssues(result.issues);
      expect(text.split("\n")[0]).toMatch(
        new RegExp(`${shownFile.replace(/[.]/g, "\\.")}:${expected.line}:${expected.column}  `),
      );
      expect(text).not.toMatch(/\n\s+at |Error:|ZodError/);
    });
  }

  it("reports a missing scenario file as one issue", async () => {
    const file = join(dir, "no-such-scenario.yaml");
    const result = await loadScenario(file);
    expect(result).toEqual({ ok: false, issues: [{ file, path: "", message: "file not found" }] });
    expect(formatIssues(result.ok ? [] : result.issues)).toBe(`${file}  file not found`);
  });
});
