/**
 * Roadmap effects checked like the scenario itself (issue 10, point 9). An effect names a parameter with a dotted
 * path (parameter-path.ts: `organisation.spokes.count`, `demand.businessUnits[1].ratePerMonth`,
 * `platform.clusters[0].maxNodes`) and the value it takes when its investment completes. The path is followed
 * through the scenario as loaded (defaults filled in, so list items are the scenario's own), a step that names
 * nothing gets a did-you-mean from the keys that exist there, the value must have the parameter's type (a number,
 * true/false, or for a parameter with options such as `platform.serving.mode` one of its options), and the
 * scenario with the value in place must pass the schema's own rules (bounds, options, cross-field checks), with the
 * schema's own message.
 *
 * What may change during a run, and why the few parameters that cannot are fixed: effect-scope.ts.
 */

import { effectRefusal } from "./effect-scope.ts";
import type { DocPath } from "./merge.ts";
import { FORBIDDEN_SEGMENTS, pathKeys, pathProblem } from "./parameter-path.ts";
import { suggest } from "./suggest.ts";

/** A value a roadmap effect may give: a number, true/false, or one of a parameter's options. */
export type EffectValue = number | boolean | string;

/** A roadmap effect's problem, as data: where (relative to the effect) and what. */
export interface EffectIssue {
  /** `["path"]` or `["value"]`: the effect field to point at. */
  field: "path" | "value";
  message: string;
}

/** Checks a document with one value set: the first issue's path and message, or undefined when it is valid. */
export type DocumentCheck = (
  document: Record<string, unknown>,
) => { path: DocPath; message: string } | undefined;

function kindOf(node: unknown): string {
  if (Array.isArray(node)) return "a list";
  if (node !== null && typeof node === "object") return "a mapping";
  return `a ${typeof node}`;
}

/** How an effect value's type is named in messages. */
function typeName(type: string): string {
  if (type === "boolean") return "true/false";
  if (type === "string") return "text (one of the parameter's options)";
  return "number";
}

/**
 * Why `path` cannot name a number, true/false or text parameter of `document` (the parsed scenario or its
 * delivery sections) of the type of `value`, or undefined when it does. A missing step names the closest
 * existing key.
 */
export function effectPathProblem(document: unknown, path: string, value: EffectValue): string | undefined {
  const malformed = pathProblem(path);
  if (malformed !== undefined) return `roadmap effect path: ${malformed}`;
  const keys = pathKeys(path);
  let node: unknown = document;
  for (const [i, key] of keys.entries()) {
    const here = keys.slice(0, i).join(".");
    if (
      node === null ||
      typeof node !== "object" ||
      FORBIDDEN_SEGMENTS.has(key) ||
      !Object.hasOwn(node, key)
    ) {
      const where = here === "" ? "at the top" : `under ${here}`;
      const options = node !== null && typeof node === "object" ? Object.keys(node) : [];
      const near = Array.isArray(node) ? undefined : suggest(key, options);
      const hint =
        near === undefined
          ? Array.isArray(node)
            ? ` (the list has ${node.length} item${node.length === 1 ? "" : "s"}${node.length > 0 ? `, index 0 to ${node.length - 1}` : ""})`
            : ""
          : `; did you mean ${JSON.stringify([...keys.slice(0, i), near, ...keys.slice(i + 1)].join("."))}?`;
      return `roadmap effect path ${JSON.stringify(path)} names no parameter (no ${JSON.stringify(key)} ${where})${hint}`;
    }
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node !== "number" && typeof node !== "boolean" && typeof node !== "string")
    return `roadmap effect path ${JSON.stringify(path)} must name a number, true/false or text parameter, but names ${kindOf(node)}`;
  // a text value may stand for a number option too (`lifetimeMonths: never | 24`): the schema's check decides
  if (typeof node !== typeof value && typeof node !== "string")
    return `roadmap effect ${JSON.stringify(path)} needs a ${typeName(typeof node)}, got ${JSON.stringify(value)}`;
  return undefined;
}

/**
 * Every problem of one effect against the parsed `scenario`: the path (did-you-mean, type), then the value (the
 * scenario with it in place must pass `check`, which reports the schema's message), then whether the parameter
 * may change during a run (effect-scope.ts).
 */
export function effectIssues(
  scenario: Record<string, unknown>,
  path: string,
  value: EffectValue,
  check: DocumentCheck,
): EffectIssue[] {
  const problem = effectPathProblem(scenario, path, value);
  if (problem !== undefined) return [{ field: "path", message: problem }];
  const keys = pathKeys(path);
  const document = structuredClone(scenario);
  document.roadmap = { investments: [] };
  setOwn(document, keys, value);
  const invalid = check(document);
  if (invalid !== undefined)
    return [{ field: "value", message: `after this effect, ${invalid.path.join(".")}: ${invalid.message}` }];
  const refusal = effectRefusal(keys);
  if (refusal !== undefined)
    return [
      {
        field: "path",
        message: `roadmap effect ${JSON.stringify(path)} cannot change during a run: ${refusal}`,
      },
    ];
  return [];
}

function setOwn(document: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = document;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  Object.defineProperty(node, keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}
