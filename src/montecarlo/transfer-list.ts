/**
 * The transfer list of a packed value: the ArrayBuffers behind every typed array in it, found by walking its
 * objects and arrays, so that a new typed array in a packed format is transferred without being listed anywhere.
 */

/**
 * The distinct ArrayBuffers behind the typed arrays found in `value`, plain data without cycles (its enumerable
 * properties and array elements, depth first); SharedArrayBuffers are left out (they are shared, not transferred).
 */
export function transferList(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  collect(value, buffers);
  return [...buffers];
}

function collect(value: unknown, buffers: Set<ArrayBuffer>): void {
  if (typeof value !== "object" || value === null) return;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, buffers);
    return;
  }
  for (const key in value) collect((value as Record<string, unknown>)[key], buffers);
}
