/**
 * Default report directory: `out/<name>-<timestamp>/` under the working directory, with a UTC timestamp that
 * sorts and is valid in file names on every platform (no colons).
 */
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";

/** Lower-case, dash-separated form of a name for use in a directory name; `scenario` when nothing is left. */
export function slug(name: string): string {
  const text = name
    .toLowerCase()
    .replace(/\.(ya?ml|json)$/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return text === "" ? "scenario" : text;
}

/** UTC timestamp `2026-01-31T09-05-00Z` for directory names. */
export function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}

/**
 * The report directory: `explicit` resolved against `cwd` when given, else `out/<slug(name)>-<timestamp>`,
 * with `-2`, `-3`, ... appended when that directory already exists (two runs in the same second).
 */
export function reportDirectory(
  explicit: string | undefined,
  name: string,
  cwd: string,
  now: Date,
  taken: ReadonlySet<string> = new Set(),
): string {
  if (explicit !== undefined) return isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
  const base = resolve(cwd, "out", `${slug(name)}-${timestamp(now)}`);
  let candidate = base;
  for (let suffix = 2; existsSync(candidate) || taken.has(candidate); suffix += 1)
    candidate = `${base}-${suffix}`;
  return candidate;
}

/**
 * One report directory per scenario of a multi-scenario run: `out/<name>-<timestamp>` each, or `<out>/<name>`
 * under an explicit `--out`; names that repeat get `-2`, `-3`, ... so no report replaces another.
 */
export function reportDirectories(
  explicit: string | undefined,
  names: readonly string[],
  cwd: string,
  now: Date,
): string[] {
  if (names.length === 1) return [reportDirectory(explicit, names[0]!, cwd, now)];
  const taken = new Set<string>();
  return names.map((name) => {
    let directory: string;
    if (explicit === undefined) directory = reportDirectory(undefined, name, cwd, now, taken);
    else {
      const base = resolve(cwd, explicit, slug(name));
      directory = base;
      for (let suffix = 2; taken.has(directory); suffix += 1) directory = `${base}-${suffix}`;
    }
    taken.add(directory);
    return directory;
  });
}
