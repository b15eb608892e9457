import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
/** The code a replication runs. */
const DIRECTORIES = ["engine", join("src", "model")];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(directory, name));
}

function unwrap(node: ts.Expression): ts.Expression {
  let inner = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner))
    inner = inner.expression;
  return inner;
}

/** `file:line` of every function literal assigned straight to a property (`x.f = () => ...`, `x[k] = function`). */
function closureStores(text: string, file: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left))
    ) {
      const right = unwrap(node.right);
      if (ts.isArrowFunction(right) || ts.isFunctionExpression(right)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${relative(ROOT, file)}:${line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("closures in the code a replication runs", () => {
  // V8's parser marks a function literal assigned straight to a property as long-lived, and until the code around
  // it is optimised the closure is allocated in the old generation: when the replication ends it keeps everything
  // it reaches alive through each scavenge until a full collection (docs/benchmarks.md, "Where the time goes").
  // Such closures go through youngClosure (src/model/young-closure.ts).
  it("are never assigned to a property as a function literal", () => {
    const found = DIRECTORIES.flatMap((directory) =>
      sourceFiles(join(ROOT, directory)).flatMap((file) => closureStores(readFileSync(file, "utf8"), file)),
    );
    expect(found).toEqual([]);
  });

  it("the check finds each form it forbids, and not a closure stored through a local", () => {
    const text = [
      "a.f = () => 1;",
      "a[k] = function () {};",
      "this.g = (() => 2) as F;",
      "const h = () => 3; a.h = h;",
      "a.i = run(() => 4);",
    ].join("\n");
    expect(closureStores(text, join(ROOT, "x.ts"))).toEqual(["x.ts:1", "x.ts:2", "x.ts:3"]);
  });
});
