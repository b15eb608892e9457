import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatIssues, formatPath, fromZodIssue, schemaAt } from "../../src/scenario/issues.ts";

describe("formatPath", () => {
  it("writes keys dotted, indices in brackets and odd keys quoted", () => {
    expect(formatPath(["organisation", "spokes", 2, "fte"])).toBe("organisation.spokes[2].fte");
    expect(formatPath([])).toBe("");
    expect(formatPath(["tenants", "eu west", "quota"])).toBe('tenants["eu west"].quota');
    expect(formatPath(["presets", "level-3"])).toBe("presets.level-3");
  });
});

describe("formatIssues", () => {
  it("renders file:line:column  path: message with an optional hint line, sorted by position", () => {
    const text = formatIssues([
      { file: "b.yaml", line: 3, column: 1, path: "x", message: "second file" },
      {
        file: "a.yaml",
        line: 12,
        column: 5,
        path: "organisation.spokes.fte",
        message: "expected a number >= 0, got -3",
        hint: "people per spoke team",
      },
      { file: "a.yaml", line: 2, column: 9, path: "name", message: "first" },
      { path: "", message: "no place at all" },
      { file: "c.yaml", path: "", message: "file not found" },
    ]);
    expect(text).toBe(
      [
        "no place at all",
        "a.yaml:2:9  name: first",
        "a.yaml:12:5  organisation.spokes.fte: expected a number >= 0, got -3",
        "  hint: people per spoke team",
        "b.yaml:3:1  x: second file",
        "c.yaml  file not found",
      ].join("\n"),
    );
  });
});

describe("fromZodIssue", () => {
  const schema = z.strictObject({
    kind: z.enum(["dedicated", "multiModel"]).default("dedicated").describe("serving mode"),
    when: z.iso.date().default("2027-01-01"),
    spec: z.discriminatedUnion("dist", [
      z.strictObject({ dist: z.literal("normal"), mean: z.number(), sd: z.number() }),
      z.strictObject({ dist: z.literal("uniform"), min: z.number(), max: z.number() }),
    ]),
    list: z.array(z.number()).max(2).default([]),
    step: z.number().multipleOf(5).default(5),
  });

  const convert = (value: unknown) => {
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) return [];
    return result.error.issues.flatMap((issue) => fromZodIssue(issue, schema, value));
  };

  it("turns each zod code into plain words with a did-you-mean where one helps", () => {
    const issues = convert({
      kind: "multimodel",
      when: "2027-13-01",
      spec: { dist: "uniform", min: 1, maxx: 2 },
      list: [1, 2, 3],
      step: 7,
      extra: true,
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join("."), i]));
    expect(byPath.kind).toMatchObject({
      message: 'expected one of "dedicated", "multiModel", got "multimodel"',
      hint: 'did you mean "multiModel"?',
    });
    expect(byPath.when?.message).toBe('expected a date (YYYY-MM-DD), got "2027-13-01"');
    expect(byPath["spec.maxx"]).toMatchObject({
      atKey: true,
      message: 'unknown key "maxx"',
      hint: 'did you mean "max"?',
    });
    expect(byPath["spec.max"]?.message).toBe("is required (a number)");
    expect(byPath.list?.message).toBe("expected at most 2 items, got 3");
    expect(byPath.step?.message).toBe("expected a multiple of 5, got 7");
    expect(byPath.extra).toMatchObject({ message: 'unknown key "extra"' });
    expect(byPath.extra?.hint).toMatch(/^allowed here: kind, when, spec, list, step$/);
  });

  it("names the discriminator of a discriminated union", () => {
    const [issue] = convert({ spec: { dist: "unifrom", min: 1, max: 2 } });
    expect(issue).toMatchObject({
      path: ["spec", "dist"],
      value: "unifrom",
      message: 'expected one of "normal", "uniform", got "unifrom"',
      hint: 'did you mean "uniform"?',
    });
  });

  it("finds the schema and description at a path through wrappers and unions", () => {
    expect(schemaAt(schema, ["kind"], {})?.description).toBe("serving mode");
    const branch = schemaAt(schema, ["spec"], { spec: { dist: "normal" } });
    expect(Object.keys((branch!.schema as z.ZodObject).shape)).toEqual(["dist", "mean", "sd"]);
    expect(schemaAt(schema, ["nope", "deeper"], {})).toBeUndefined();
  });
});
