/**
 * A content-addressed cache of esbuild bundles of the TypeScript sources, for runs from the sources (tsx, vitest,
 * `npm start`): the worker threads' bundle (src/montecarlo/worker-bundle.ts) and the command's own bundle
 * (src/cli/from-sources.mjs). The compiled package (dist/) is JavaScript already and never builds a bundle.
 *
 * A bundle is stored in its own folder of the cache (`node_modules/.cache/<name>/<key>/`), where the key is the
 * SHA-256 of everything it was built from: the caller's key parts (esbuild and Node versions, the source of the
 * module that holds the build options, ...) and the content of every input file esbuild read. `latest.json` names
 * the newest entry and its inputs: a run hashes those inputs (about 150-350 files, ~20 ms) and reuses the entry
 * when nothing changed; an edited source changes the hash and the next run builds again (a file added to the import
 * graph is imported by an edited one). Entries are written to a temporary folder and renamed into place, so
 * processes building at once agree on the content; a reused entry is touched, and this cache's own entries unused
 * for a day are removed. Nothing else in the folder is ever touched.
 *
 * This module imports `node:` modules only and reads nothing of `import.meta`: the command's launcher compiles
 * this one file on the fly and imports it before anything else of the sources is loaded.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** What a build produced: its files (path relative to the entry's folder, text) and inputs (relative to the root). */
export interface BundleFiles {
  files: [string, string][];
  inputs: string[];
}

/** Where a cache lives and what decides its entries' content. */
export interface BundleCache {
  /** The cache folder (created when missing). */
  dir: string;
  /** The folder the inputs' paths are relative to. */
  root: string;
  /** A file every complete entry has (an entry without it is built again). */
  marker: string;
  /** Everything besides the inputs' content that decides what a build produces. */
  keyParts: readonly (string | Uint8Array)[];
}

/** The Node major version the bundles target (part of their cache keys). */
export const NODE_MAJOR = process.versions.node.split(".")[0]!;

/**
 * The esbuild options every bundle of the sources is built with: ESM for this Node, split into shared chunks, kept
 * in memory (`write: false`) with the list of inputs (`metafile`); callers add their entry points, `outdir` (which
 * only names the output paths) and what they keep external.
 */
export function sourceBundleOptions(root: string): Record<string, unknown> {
  return {
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${NODE_MAJOR}`,
    write: false,
    metafile: true,
    logLevel: "silent",
  };
}

/** What esbuild returns of a build with {@link sourceBundleOptions}. */
export interface EsbuildResult {
  outputFiles?: { path: string; text: string }[];
  metafile?: { inputs: Record<string, unknown> };
}

/** A build's files, named relative to its `outdir`, and its inputs, as the cache stores them. */
export function builtFiles(result: EsbuildResult, outdir: string): BundleFiles {
  return {
    files: (result.outputFiles ?? []).map((file): [string, string] => [
      relative(outdir, file.path),
      file.text,
    ]),
    inputs: Object.keys(result.metafile?.inputs ?? {}),
  };
}

/** A cache entry's name: the first 24 hex digits of its SHA-256 key. */
const ENTRY = /^[0-9a-f]{24}$/;
/** Cache entries, and unfinished builds, unused for this long are removed (ms). */
const UNUSED_FOR = 24 * 3600 * 1000;

/**
 * The cache key of a bundle built from `inputs` (paths relative to the root).
 * @throws when an input cannot be read (a file that went away: the bundle is built again)
 */
function bundleKey(cache: BundleCache, inputs: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of cache.keyParts) {
    hash.update(part);
    hash.update("\0");
  }
  for (const input of [...inputs].sort()) {
    hash.update(`\0${input}\0`);
    hash.update(readFileSync(resolve(cache.root, input)));
  }
  return hash.digest("hex").slice(0, 24);
}

/** The newest entry's key and inputs, as written after a build. */
interface Latest {
  key: string;
  inputs: string[];
}

/**
 * The folder of the newest entry of `cache` when its inputs are unchanged (the entry is touched), else undefined
 * (no entry, sources changed, or the folder cannot be read).
 */
export function findCachedBundle(cache: BundleCache): string | undefined {
  try {
    const latest = JSON.parse(readFileSync(join(cache.dir, "latest.json"), "utf8")) as Latest;
    const dir = join(cache.dir, latest.key);
    if (
      !ENTRY.test(latest.key) ||
      bundleKey(cache, latest.inputs) !== latest.key ||
      !existsSync(join(dir, cache.marker))
    )
      return undefined;
    const now = new Date();
    utimesSync(dir, now, now);
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Store a build in `cache` as its newest entry and return the entry's folder; undefined when the folder cannot be
 * written (the caller then uses a private copy).
 */
export function storeBundle(cache: BundleCache, build: BundleFiles): string | undefined {
  try {
    const key = bundleKey(cache, build.inputs);
    const dir = join(cache.dir, key);
    mkdirSync(cache.dir, { recursive: true });
    if (!existsSync(join(dir, cache.marker))) {
      const building = mkdtempSync(join(cache.dir, ".building-"));
      writeBundleFiles(building, build.files);
      try {
        renameSync(building, dir);
      } catch (error) {
        // another process stored the same key first: its entry has the same content
        rmSync(building, { recursive: true, force: true });
        if (!existsSync(join(dir, cache.marker))) throw error;
      }
    }
    const latestTemp = join(cache.dir, `.latest-${process.pid}-${Date.now()}.json`);
    writeFileSync(latestTemp, JSON.stringify({ key, inputs: build.inputs } satisfies Latest));
    renameSync(latestTemp, join(cache.dir, "latest.json"));
    removeUnusedEntries(cache.dir, key);
    return dir;
  } catch {
    return undefined;
  }
}

/** Write a bundle's `files` (path relative to `dir`, text) into `dir`. */
export function writeBundleFiles(dir: string, files: readonly [string, string][]): void {
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** Remove this cache's entries and leftovers (never anything else) unused for {@link UNUSED_FOR}, but `keep`. */
function removeUnusedEntries(cacheDir: string, keep: string): void {
  const cutoff = Date.now() - UNUSED_FOR;
  for (const name of readdirSync(cacheDir)) {
    if (name === keep || !(ENTRY.test(name) || name.startsWith(".building-") || name.startsWith(".latest-")))
      continue;
    const path = join(cacheDir, name);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}
