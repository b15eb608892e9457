/**
 * Deep merge of scenario documents for `extends:`, recording which layer wrote every key so that a
 * validation issue can point at the file and line where the offending value was written.
 *
 * Rules (the same as Helm's values merge, https://helm.sh/docs/chart_template_guide/values_files/):
 * - mappings merge key by key, recursively; the child's key wins;
 * - lists and scalars replace the parent's value as a whole (a child that writes `spokes:` states all spokes);
 * - `null` in the child removes the inherited key, so the schema default applies again;
 * - keys the parent has and the child does not are kept.
 */

/** A JSON-like path into a document: object keys are strings, list indices numbers. */
export type DocPath = readonly (string | number)[];

/** A document together with the layer that wrote each of its object keys. */
export interface MergedDocument {
  /** The merged plain value (fresh objects; inputs are never mutated). */
  readonly value: Record<string, unknown>;
  /** Owner layer per path (key: `pathKey(path)`); recorded for object keys only, lists are owned whole. */
  readonly owners: ReadonlyMap<string, number>;
}

/** Stable map key for a path. */
export function pathKey(path: DocPath): string {
  return JSON.stringify(path);
}

/** True for a plain mapping (not a list, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Wraps a single layer's document as a merged document owned entirely by `layer`.
 * @example fromLayer({ a: { b: 1 } }, 0).owners.get('["a","b"]') === 0
 */
export function fromLayer(value: Record<string, unknown>, layer: number): MergedDocument {
  const owners = new Map<string, number>();
  const copy = (node: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, key];
      owners.set(pathKey(childPath), layer);
      setOwn(out, key, isMapping(child) ? copy(child, childPath) : structuredClone(child));
    }
    return out;
  };
  return { value: copy(value, []), owners };
}

/**
 * Merges `child` over `parent` (see the file comment for the rules); the result's owners say, for every
 * key, whether the parent's or the child's layer wrote it.
 * @example deepMerge(fromLayer({ a: { x: 1, y: 2 } }, 0), fromLayer({ a: { x: 5 } }, 1)).value
 *   // => { a: { x: 5, y: 2 } }
 */
export function deepMerge(parent: MergedDocument, child: MergedDocument): MergedDocument {
  const owners = new Map(parent.owners);
  const merge = (base: Record<string, unknown>, over: Record<string, unknown>, path: (string | number)[]) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(base)) setOwn(out, key, value);
    for (const [key, value] of Object.entries(over)) {
      const childPath = [...path, key];
      const id = pathKey(childPath);
      owners.set(id, child.owners.get(id) ?? owners.get(id) ?? 0);
      if (value === null && key in base) {
        delete out[key];
        continue;
      }
      const inherited = base[key];
      if (isMapping(value) && isMapping(inherited)) {
        setOwn(out, key, merge(inherited, value, childPath));
      } else {
        setOwn(out, key, value);
        if (isMapping(value)) copyOwners(child.owners, owners, childPath);
      }
    }
    return out;
  };
  return { value: merge(parent.value, child.value, []), owners };
}

/**
 * Defines an own enumerable property, so a key written `__proto__` in a file stays an ordinary (unknown) key
 * instead of replacing the object's prototype.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Copies the child's owners for everything under `prefix` (a replaced subtree belongs to the child). */
function copyOwners(
  from: ReadonlyMap<string, number>,
  to: Map<string, number>,
  prefix: (string | number)[],
): void {
  const head = `${pathKey(prefix).slice(0, -1)},`;
  for (const [key, layer] of from) {
    if (key.startsWith(head)) to.set(key, layer);
  }
}

/**
 * The layer that wrote the value at `path`: the owner of the longest recorded prefix, since lists and
 * scalars are owned whole. `undefined` when no prefix was written by any layer (a pure default).
 */
export function ownerOf(merged: MergedDocument, path: DocPath): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const owner = merged.owners.get(pathKey(path.slice(0, n)));
    if (owner !== undefined) return owner;
  }
  return undefined;
}
