/**
 * Generates docs/scenario-reference.md, the field-by-field reference of scenario files, from the JSON Schema that
 * `scalesim schema` prints (src/scenario/json-schema.ts, itself generated from the zod schemas and their
 * descriptions). The descriptions are written once, in the schemas; this page, the editor hover text and the
 * hint under a validation error all read them. `npm run docs:scenario` writes the page; `--check` exits 1 when
 * it is stale; test/docs/scenario-reference.test.ts fails when the page and a fresh generation differ.
 */
import { fileURLToPath } from "node:url";
import { writeOrCheck } from "../scripts/generated-file.ts";
import { scenarioJsonSchema } from "../src/scenario/json-schema.ts";

/** The command that regenerates the page, as stamped into it. */
export const SCENARIO_REFERENCE_COMMAND = "npm run docs:scenario";

/** Where the page lives, relative to the repository root. */
export const SCENARIO_REFERENCE_PAGE = "docs/scenario-reference.md";

/** The subset of JSON Schema that `z.toJSONSchema` produces for the scenario schema. */
interface SchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
}

/** Bounds at or beyond this magnitude are the general amount limit (docs/reliability.md), not worth a mention. */
const GENERAL_LIMIT = 1e12;

/** Longest default written out in full; longer ones are summarised. */
const MAX_DEFAULT_LENGTH = 70;

/** Escapes Markdown emphasis and HTML tags outside code spans, so schema prose renders as written. */
function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(/[*_]/g, (character) => `\\${character}`).replace(/<(?=[A-Za-z/!?])/g, "&lt;"),
    )
    .join("");
}

function sentence(text: string | undefined): string {
  if (text === undefined || text.trim() === "") return "";
  const trimmed = prose(text.trim());
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function isObject(node: SchemaNode): boolean {
  return node.type === "object" && node.properties !== undefined;
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 1e6 ? value.toExponential().replace("e+", "e") : String(value);
}

function numberBounds(node: SchemaNode): string {
  const parts: string[] = [];
  if (node.minimum !== undefined && node.minimum > -GENERAL_LIMIT)
    parts.push(`>= ${formatNumber(node.minimum)}`);
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${formatNumber(node.exclusiveMinimum)}`);
  if (node.maximum !== undefined && node.maximum < GENERAL_LIMIT)
    parts.push(`<= ${formatNumber(node.maximum)}`);
  if (node.exclusiveMaximum !== undefined) parts.push(`< ${formatNumber(node.exclusiveMaximum)}`);
  return parts.join(", ");
}

/** A short description of a field's type, e.g. "number, >= 0, <= 1" or "one of `slot`, `shared`". */
function typeText(node: SchemaNode): string {
  if (node.$ref === "#/$defs/distribution") return "[distribution](#distributions)";
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum !== undefined) return `one of ${node.enum.map((value) => `\`${String(value)}\``).join(", ")}`;
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives !== undefined) return alternatives.map(typeText).join(", or ");
  switch (node.type) {
    case "number":
    case "integer": {
      const bounds = numberBounds(node);
      const name = node.type === "integer" ? "whole number" : "number";
      return bounds === "" ? name : `${name}, ${bounds}`;
    }
    case "string": {
      if (node.format !== undefined) return `string (${node.format})`;
      if (node.pattern !== undefined) return `string matching \`${node.pattern}\``;
      return node.minLength !== undefined && node.minLength > 0 ? "non-empty string" : "string";
    }
    case "boolean":
      return "true or false";
    case "array": {
      const items =
        node.items === undefined ? "values" : isObject(node.items) ? "objects" : typeText(node.items);
      const counts: string[] = [];
      if (node.minItems !== undefined && node.minItems > 0) counts.push(`at least ${node.minItems}`);
      if (node.maxItems !== undefined) counts.push(`at most ${node.maxItems}`);
      return `list of ${items}${counts.length > 0 ? ` (${counts.join(", ")})` : ""}`;
    }
    case "object":
      return "mapping";
    default:
      return node.type ?? "any value";
  }
}

function defaultText(node: SchemaNode): string {
  if (node.default === undefined) return "";
  const json = JSON.stringify(node.default);
  if (json.length <= MAX_DEFAULT_LENGTH) return `default \`${json}\``;
  if (Array.isArray(node.default)) return `default: a list of ${node.default.length}`;
  return "default: see its fields";
}

/** One bullet for a field whose value is not a nested section of its own. */
function fieldLine(name: string, node: SchemaNode, required: boolean): string {
  const facts = [typeText(node), defaultText(node), required ? "required" : ""].filter((fact) => fact !== "");
  const description = sentence(node.description);
  return `- \`${name}\` (${facts.join("; ")})${description === "" ? "" : `: ${description}`}`;
}

/** Object-shaped parts of a field (the object itself, list items, alternatives) that get their own section. */
function nestedSections(path: string, node: SchemaNode): [string, SchemaNode][] {
  if (isObject(node)) return [[path, node]];
  if (node.type === "array" && node.items !== undefined && isObject(node.items))
    return [[`${path}[]`, node.items]];
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives === undefined) return [];
  return alternatives.flatMap((alternative) => nestedSections(path, alternative));
}

/** The section of one object: heading, description, its fields, then the sections of its nested objects. */
function objectSection(path: string, node: SchemaNode, depth: number, description?: string): string[] {
  const heading = `${"#".repeat(Math.min(depth, 4))} \`${path}\``;
  const lines = [heading, ""];
  const text = sentence(description ?? node.description);
  if (text !== "") lines.push(text, "");
  const required = new Set(node.required ?? []);
  const fields: string[] = [];
  const children: string[][] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const nested = nestedSections(`${path}.${name}`, child);
    if (nested.length === 0 || !isObject(child)) fields.push(fieldLine(name, child, required.has(name)));
    for (const [nestedPath, nestedNode] of nested) {
      const own = nestedNode === child ? child.description : (nestedNode.description ?? child.description);
      children.push(objectSection(nestedPath, nestedNode, depth + 1, own));
    }
  }
  if (fields.length > 0) lines.push(...fields, "");
  for (const child of children) lines.push(...child);
  return lines;
}

function distributionSection(schema: { $defs?: Record<string, SchemaNode> }): string[] {
  const kinds = schema.$defs?.distribution?.oneOf ?? [];
  const lines = [
    "## Distributions",
    "",
    "A random quantity is written `{ dist: <name>, ...parameters }`. The kinds and their parameters:",
    "",
  ];
  for (const kind of kinds) {
    const name = String(kind.properties?.dist?.const ?? "?");
    const parameters = Object.entries(kind.properties ?? {})
      .filter(([parameter]) => parameter !== "dist")
      .map(([parameter, node]) => {
        const optional = (kind.required ?? []).includes(parameter) ? "" : ", optional";
        return `\`${parameter}\` (${typeText(node)}${optional}${node.description === undefined ? "" : `: ${prose(node.description)}`})`;
      });
    lines.push(`- \`${name}\`: ${sentence(kind.description)} Parameters: ${parameters.join("; ")}.`);
  }
  lines.push("");
  return lines;
}

/** The complete Markdown of docs/scenario-reference.md, ending with one newline; pure and deterministic. */
export function renderScenarioReference(): string {
  const schema = scenarioJsonSchema() as SchemaNode & { $defs?: Record<string, SchemaNode> };
  const properties = Object.entries(schema.properties ?? {});
  const topFields = properties.filter(([, node]) => nestedSections("", node).length === 0);
  const sections = properties.filter(([, node]) => nestedSections("", node).length > 0);
  const lines = [
    `<!-- Generated by \`${SCENARIO_REFERENCE_COMMAND}\` (docs/scenario-reference.ts, from the scenario schema's descriptions); do not edit by hand. -->`,
    "",
    "# Scenario reference",
    "",
    "Every field of a scenario file, with its type, bounds, default and meaning, as the schema states them (the",
    "same text is the hover help in an editor and the hint under a validation error). Every field has a default,",
    "so `{}` is a complete scenario. How to write, extend and check a scenario is in [the scenario guide](scenario.md);",
    "what the numbers mean in the model is in [the model](model.md) and [the platform](platform.md). Amounts are",
    "also bounded by the general limits in [Reliability](reliability.md#scenario-values); cross-field rules",
    "(weights summing to 100, min <= max, tier order) are checked by the loader and listed in the guide.",
    "",
    "Sections: top-level fields, " +
      sections.map(([name]) => `[\`${name}\`](#${name.toLowerCase()})`).join(", ") +
      ", [distributions](#distributions).",
    "",
    "## Top-level fields",
    "",
    ...topFields.map(([name, node]) => fieldLine(name, node, (schema.required ?? []).includes(name))),
    "",
    ...sections.flatMap(([name, node]) =>
      nestedSections(name, node).flatMap(([path, nested]) =>
        objectSection(path, nested, 2, nested.description ?? node.description),
      ),
    ),
    ...distributionSection(schema),
  ];
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeOrCheck({
    path: fileURLToPath(new URL(`../${SCENARIO_REFERENCE_PAGE}`, import.meta.url)),
    expected: renderScenarioReference(),
    label: SCENARIO_REFERENCE_PAGE,
    command: SCENARIO_REFERENCE_COMMAND,
  });
}
