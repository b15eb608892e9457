/**
 * Canonical JSON for content hashes: JSON.stringify with the keys of every object sorted (code-point order) and
 * no whitespace, in the spirit of RFC 8785 (JSON Canonicalization Scheme) without its number rewriting, which
 * JavaScript's own number-to-string already fixes. Two values that differ only in key order give the same text.
 */

/** `value` as canonical JSON text (undefined properties are left out, as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}
