/**
 * Stable in-place sort of integer indices by a numeric key, without allocation: the order
 * `indices.subarray(0, n).sort((a, b) => key[a] - key[b])` gives (V8's typed-array sort is a stable merge
 * sort, ECMAScript 2019 requires stability), without the two work arrays that sort allocates at every call.
 * Keys must not be NaN. Insertion sort for short runs, bottom-up merge sort with a caller-owned scratch
 * buffer above that.
 */

/** Runs up to this length are sorted by insertion (also the merge sort's initial run length). */
const INSERTION_RUN = 16;

/**
 * Sort `indices[0..n)` by `key[index]` ascending, keeping the order of equal keys; `scratch` must hold at
 * least `n` entries. @throws RangeError when `scratch` is shorter than `n`
 */
export function sortIndicesByKey(
  indices: Int32Array,
  n: number,
  key: Float64Array,
  scratch: Int32Array,
): void {
  if (n <= 1) return;
  if (n > INSERTION_RUN && scratch.length < n)
    throw new RangeError(`scratch holds ${scratch.length} entries, the sort needs ${n}`);
  for (let start = 0; start < n; start += INSERTION_RUN)
    insertionSort(indices, start, Math.min(n, start + INSERTION_RUN), key);
  if (n <= INSERTION_RUN) return;
  let from = indices;
  let to = scratch;
  for (let width = INSERTION_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      // take from the right run only when its key is strictly smaller: equal keys keep their order
      while (i < mid && j < hi) to[k++] = key[from[j]!]! < key[from[i]!]! ? from[j++]! : from[i++]!;
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== indices) for (let i = 0; i < n; i++) indices[i] = from[i]!;
}

/** Stable insertion sort of `indices[lo..hi)` by key. */
function insertionSort(indices: Int32Array, lo: number, hi: number, key: Float64Array): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = indices[i]!;
    const kv = key[v]!;
    let j = i - 1;
    while (j >= lo && key[indices[j]!]! > kv) {
      indices[j + 1] = indices[j]!;
      j--;
    }
    indices[j + 1] = v;
  }
}
