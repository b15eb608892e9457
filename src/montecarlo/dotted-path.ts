/**
 * Dotted paths into scenario documents: `organisation.spokes.count`, with list items by index written
 * `platform.clusters[0].maxNodes` or `platform.clusters.0.maxNodes`.
 */

/** A parameter value of a sweep. */
export type ParameterValue = number | string | boolean;

/** The keys of `path`: `a.b[0].c` -> ["a", "b", "0", "c"]. */
export function pathKeys(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, ".$1").split(".");
}

/** The value at `path` in `document`, or undefined when any step is missing. */
export function getPath(document: unknown, path: string): unknown {
  let node: unknown = document;
  for (const key of pathKeys(path)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Sets `path` in `document` (mutating it), creating missing mappings on the way; returns false (and changes
 * nothing more) when a step runs into a value that is neither a mapping nor a list.
 */
export function setPath(document: Record<string, unknown>, path: string, value: ParameterValue): boolean {
  const keys = pathKeys(path);
  let node: Record<string, unknown> = document;
  for (const key of keys.slice(0, -1)) {
    let next = node[key];
    if (next === undefined || next === null) {
      next = {};
      node[key] = next;
    }
    if (typeof next !== "object") return false;
    node = next as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
  return true;
}
