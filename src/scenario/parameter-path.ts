/**
 * Dotted parameter paths into scenario documents, one dialect for every place that accepts one (sweep
 * parameters, roadmap effects): `organisation.spokes.count`, with list items by index written
 * `platform.clusters[0].maxNodes` or `platform.clusters.0.maxNodes`.
 *
 * Paths are data from files, so they are read and written through own properties only, and the segments
 * `__proto__`, `constructor` and `prototype` are refused wherever a path is accepted: following them would reach
 * `Object.prototype` or `Array.prototype` and let a file change every object of the process ("prototype
 * pollution", CWE-1321, https://cwe.mitre.org/data/definitions/1321.html).
 */
import { z } from "zod";

/** A value a parameter path may set. */
export type ParameterValue = number | string | boolean;

/** Segments no path may contain. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The grammar: a name, then `.name`, `.0` or `[0]` steps. */
const PATH_PATTERN = /^[A-Za-z_$][\w$-]*(\.[\w$-]+|\[\d+\])*$/;

/** Why `path` is not an acceptable parameter path, or undefined when it is. */
export function pathProblem(path: string): string | undefined {
  if (!PATH_PATTERN.test(path))
    return `expected a dotted path such as organisation.spokes.count or platform.clusters[0].maxNodes, got ${JSON.stringify(path)}`;
  const forbidden = pathKeys(path).find((key) => FORBIDDEN_SEGMENTS.has(key));
  if (forbidden !== undefined)
    return `"${forbidden}" is not allowed in a parameter path (it names no scenario field)`;
  return undefined;
}

/** Zod schema of a parameter path: the grammar above, forbidden segments refused. */
export const parameterPathSchema = z.string().superRefine((path, ctx) => {
  const problem = pathProblem(path);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});

/** The keys of `path`: `a.b[0].c` -> ["a", "b", "0", "c"]. */
export function pathKeys(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, ".$1").split(".");
}

/** True when `key` may be followed or written: an own-property step that is not a forbidden segment. */
function safeKey(key: string): boolean {
  return !FORBIDDEN_SEGMENTS.has(key);
}

/** The value at `path` in `document` (own properties only), or undefined when any step is missing or refused. */
export function getPath(document: unknown, path: string): unknown {
  let node: unknown = document;
  for (const key of pathKeys(path)) {
    if (node === null || typeof node !== "object" || !safeKey(key) || !Object.hasOwn(node, key))
      return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Sets `path` in `document` (mutating it), creating missing mappings on the way; returns false and changes
 * nothing when the path has a forbidden segment, and false (having created only plain mappings) when a step runs
 * into a value that is neither a mapping nor a list. Writes are own data properties, never setters.
 */
export function setPath(document: Record<string, unknown>, path: string, value: ParameterValue): boolean {
  const keys = pathKeys(path);
  if (!keys.every(safeKey)) return false;
  let node: Record<string, unknown> = document;
  for (const key of keys.slice(0, -1)) {
    let next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === undefined || next === null) {
      next = {};
      defineOwn(node, key, next);
    }
    if (typeof next !== "object") return false;
    node = next as Record<string, unknown>;
  }
  defineOwn(node, keys.at(-1)!, value);
  return true;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
