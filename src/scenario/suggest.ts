/**
 * "Did you mean" for misspelt keys, preset names and enum values.
 *
 * Distance: optimal string alignment (restricted Damerau-Levenshtein), i.e. Levenshtein edit distance with
 * adjacent transpositions counted as one edit — F. J. Damerau, "A technique for computer detection and
 * correction of spelling errors", CACM 7(3), 1964; dynamic programme as in Wagner & Fischer, JACM 21(1), 1974.
 * Comparison ignores case, so `Horizonmonths` still finds `horizonMonths`.
 */

/**
 * Number of single-character insertions, deletions, substitutions and adjacent transpositions turning `a`
 * into `b` (case-sensitive; O(|a|·|b|) time).
 * @example editDistance("ftee", "fte") === 1; editDistance("spokse", "spokes") === 1
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * The candidate closest to `input`, or `undefined` when none is close enough: at most 2 edits, or 40% of
 * the input's length for longer words; a candidate equal ignoring case always wins. Ties go to the earlier
 * candidate, so callers list the likelier ones first. Failing that, the only candidate that starts with the
 * input (3 characters or more), so `effort` finds `effortPersonWeeks`.
 * @example suggest("horizonMonth", ["name", "horizonMonths"]) === "horizonMonths"
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length * 0.4));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance && distance <= limit) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined || needle.length < 3) return best;
  const extensions = candidates.filter((candidate) => candidate.toLowerCase().startsWith(needle));
  return extensions.length === 1 ? extensions[0] : undefined;
}
