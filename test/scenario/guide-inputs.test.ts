import { describe, expect, it } from "vitest";
import { describeGuideInput, GUIDE_CLAIM_MARKER, GUIDE_INPUTS } from "../../src/scenario/guide-inputs.ts";
import { scenarioJsonSchema } from "../../src/scenario/json-schema.ts";

type Node = { properties?: Record<string, Node>; items?: Node; description?: string; anyOf?: Node[] };

/** The JSON Schema node at a dotted path (`[]` steps into array items). */
function nodeAt(root: Node, path: string): Node | undefined {
  let node: Node | undefined = root;
  for (const part of path.split(".")) {
    const array = part.endsWith("[]");
    const key = array ? part.slice(0, -2) : part;
    node = node?.properties?.[key];
    if (array) node = node?.items;
    if (node === undefined) return undefined;
  }
  return node;
}

describe("guide inputs (issue 10 point 7)", () => {
  const schema = scenarioJsonSchema() as Node;

  it("lists the guide's claims used as inputs, at least the four the issue names", () => {
    const paths = GUIDE_INPUTS.map((i) => i.path);
    for (const p of [
      "governance.standards.failureReduction",
      "lifecycle.deploymentTemplates.successRate",
      "lifecycle.deploymentTemplates.manualSuccessRate",
      "lifecycle.featureStore.maxSaving",
      "organisation.guilds.resolutionReduction",
    ])
      expect(paths).toContain(p);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it.each(GUIDE_INPUTS.map((i) => [i.path, i] as const))(
    "%s exists in the schema with the marker",
    (path, input) => {
      const node = nodeAt(schema, path);
      expect(node, path).toBeDefined();
      expect(node!.description).toContain(GUIDE_CLAIM_MARKER);
      expect(node!.description).toContain(input.claim);
      expect(node!.description).toContain(input.source);
    },
  );

  it("no other field of the schema carries the marker (the list is the one source)", () => {
    const marked: string[] = [];
    const walk = (node: Node, path: string): void => {
      if (node.description?.includes(GUIDE_CLAIM_MARKER)) marked.push(path);
      for (const [k, child] of Object.entries(node.properties ?? {}))
        walk(child, path === "" ? k : `${path}.${k}`);
      if (node.items !== undefined) walk(node.items, `${path}[]`);
    };
    walk(schema, "");
    expect(marked.sort()).toEqual(GUIDE_INPUTS.map((i) => i.path).sort());
  });

  it("refuses to describe an unlisted path", () => {
    expect(() => describeGuideInput("lifecycle.nothing", "x")).toThrow(RangeError);
  });
});
