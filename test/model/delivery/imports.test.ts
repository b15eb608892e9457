/**
 * The delivery model's parts talk through ports (src/model/delivery/ports.ts): no part imports the wiring
 * (delivery-model.ts), and the relative imports of src/model form no cycle.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const MODEL = join(ROOT, "src/model");
const DELIVERY = join(MODEL, "delivery");

/** Every .ts file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Absolute paths of the relative imports (value and type) of `file`. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/(?:import|export)[^;]*?from\s+"(\.{1,2}\/[^"]+)"/g))
    found.push(resolve(file, "..", match[1]!));
  return found;
}

/** The relative-import graph among `files`. */
function importGraph(files: string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, relativeImports(f).filter((i) => files.includes(i))]));
}

/** The cycles of `graph` found by depth-first search (each as a list of paths relative to src/model). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, "open");
    stack.push(f);
    for (const next of graph.get(f) ?? []) {
      if (state.get(next) === "open")
        found.push(stack.slice(stack.indexOf(next)).map((p) => relative(MODEL, p)));
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe("delivery model imports", () => {
  it("reads the imports of the wiring (so the checks below see real edges)", () => {
    const wiring = relativeImports(join(DELIVERY, "delivery-model.ts")).map((p) => relative(DELIVERY, p));
    expect(wiring).toEqual(
      expect.arrayContaining([
        "lifecycle.ts",
        "portfolio.ts",
        "production.ts",
        "organisation.ts",
        "ports.ts",
      ]),
    );
  });

  it("no file in src/model/delivery imports the wiring (delivery-model.ts)", () => {
    const importers = sources(DELIVERY)
      .filter((f) => relativeImports(f).includes(join(DELIVERY, "delivery-model.ts")))
      .map((f) => relative(MODEL, f));
    expect(importers).toEqual([]);
  });

  it("the four parts do not import one another (they meet only through ports.ts)", () => {
    const parts = ["organisation.ts", "portfolio.ts", "lifecycle.ts", "production.ts"];
    const crossings = parts.flatMap((part) =>
      relativeImports(join(DELIVERY, part))
        .map((p) => relative(DELIVERY, p))
        .filter((target) => parts.includes(target))
        .map((target) => `${part} -> ${target}`),
    );
    expect(crossings).toEqual([]);
    expect(relativeImports(join(DELIVERY, "lifecycle.ts")).map((p) => relative(DELIVERY, p))).toContain(
      "ports.ts",
    );
  });

  it("finds a cycle when there is one (the detector works)", () => {
    const [a, b, c] = ["a.ts", "b.ts", "c.ts"].map((name) => join(DELIVERY, name)) as [
      string,
      string,
      string,
    ];
    const graph = new Map([
      [a, [b]],
      [b, [c]],
      [c, [a]],
    ]);
    expect(cycles(graph)).toEqual([["delivery/a.ts", "delivery/b.ts", "delivery/c.ts"]]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toEqual([]);
  });

  it("src/model has no import cycle", () => {
    expect(cycles(importGraph(sources(MODEL)))).toEqual([]);
  });
});
