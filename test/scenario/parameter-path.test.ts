import { describe, expect, it } from "vitest";
import { getPath, parseScenario, pathProblem, setPath } from "../../src/scenario/index.ts";
import { pointScenario } from "../../src/scenario/point-scenario.ts";

describe("parameter paths (one dialect for sweeps and roadmap effects)", () => {
  it("reads a.b[0].c and a.b.0.c alike, through own properties only", () => {
    const document = { a: { b: [{ c: 3 }] } };
    expect(getPath(document, "a.b[0].c")).toBe(3);
    expect(getPath(document, "a.b.0.c")).toBe(3);
    expect(getPath(document, "a.toString")).toBeUndefined();
    expect(getPath(document, "a.b.length")).toBe(1);
  });

  it.each([
    "__proto__.polluted",
    "demand.businessUnits.__proto__.polluted",
    "organisation.constructor.prototype.x",
    "a.prototype",
  ])("refuses %s and never writes through it", (path) => {
    expect(pathProblem(path)).toMatch(/is not allowed in a parameter path/);
    const document: Record<string, unknown> = { demand: { businessUnits: [] }, organisation: {}, a: {} };
    expect(setPath(document, path, 1)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("setPath creates missing mappings and stops at a scalar", () => {
    const document: Record<string, unknown> = { a: 1 };
    expect(setPath(document, "b.c", 2)).toBe(true);
    expect(document).toEqual({ a: 1, b: { c: 2 } });
    expect(setPath(document, "a.x", 2)).toBe(false);
  });

  it("a sweep point with a forbidden segment is an issue, and Array.prototype stays clean", () => {
    const base = parseScenario("extends: level-1\n");
    if (!base.ok) throw new Error("level-1 must load");
    const result = pointScenario(base.scenario, { "demand.businessUnits.__proto__.polluted": 1 }, "point 0");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toContain('"__proto__" is not allowed');
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a point's values are applied to the parsed object and validated by the scenario schema", () => {
    const base = parseScenario("extends: level-1\n");
    if (!base.ok) throw new Error("level-1 must load");
    const same = pointScenario(base.scenario, {}, "point 0");
    expect(same).toEqual({ ok: true, scenario: (({ extends: _, ...rest }) => rest)(base.scenario) });
    const edited = pointScenario(base.scenario, { horizonMonths: 30 }, "point 1");
    expect(edited.ok && edited.scenario.horizonMonths).toBe(30);
    const bad = pointScenario(base.scenario, { horizonMonths: -3 }, "point 2");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: "horizonMonths", value: -3 });
  });

  it("a roadmap effect path through constructor is rejected at load (it used to reach Object.length)", () => {
    const path = "organisation.constructor.length";
    const result = parseScenario(
      `extends: level-1\nroadmap:\n  investments:\n    - name: x\n      effects:\n        - path: ${path}\n          value: 3\n`,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => i.message).join("\n")).toContain('"constructor" is not allowed');
  });
});
