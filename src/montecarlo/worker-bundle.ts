/**
 * Plain-JavaScript worker code for runs from the TypeScript sources (tsx, vitest): the worker entry
 * (worker.ts) and the model's `simulate` are bundled once per process with esbuild, the compiler tsx itself
 * runs on, into a temporary directory, so that each worker thread imports two prebuilt files instead of
 * registering tsx's loader and compiling and resolving every source module through it. The compiled package
 * (dist/) never gets here: its worker.js is already JavaScript.
 *
 * Why: a worker thread that loads the sources through tsx spends about 0.8 s of CPU before its first
 * replication, against about 0.3 s from the bundle (pool notes), and it spends it once per worker per run; on
 * a short run on two cores that start-up was a large share of the time two workers saved.
 *
 * esbuild is found through tsx (its dependency), so the bundle exists exactly when the sources can run at all.
 * Any failure (no esbuild, a sandbox without a writable temporary directory, a bundling error) returns
 * undefined and the pool falls back to loading the sources through tsx, with the same results.
 *
 * Between runs the bundle is kept in the package's `node_modules/.cache/scalesim-worker-bundle/`, under the hash
 * of everything it was built from (the content of every input file esbuild read, the esbuild and Node versions,
 * piscina's location and this module's own source, which holds the build options): a run first hashes the inputs
 * the newest bundle lists and reuses it when nothing changed, so `npm start` and every test process skip the
 * build (about 0.35-0.45 s on a 2-core machine). An edited source file changes the hash and the next run builds
 * again; a file added to the import graph is imported by an edited one. Entries are written to a temporary
 * directory and renamed into place (processes building at once agree on the content), a reused entry is touched,
 * and entries of this cache unused for a day are removed; nothing else there is touched.
 *
 * When that folder cannot be written (a read-only install), the bundle goes to a private temporary directory
 * (mkdtemp) that carries the process id in its name and is removed when the process exits; a process killed
 * outright cannot do that, so each such bundle first removes the bundles of processes that no longer run.
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
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Where the bundled worker is and which bundled module stands for which source model module. */
export interface WorkerBundle {
  /** file: URL of the bundled worker entry. */
  worker: string;
  /** Bundled module (file: URL) for each source module (file: URL) it replaces. */
  modules: ReadonlyMap<string, string>;
}

interface EsbuildOutput {
  path: string;
  text: string;
}

interface Esbuild {
  version: string;
  buildSync(options: Record<string, unknown>): {
    outputFiles?: EsbuildOutput[];
    metafile?: { inputs: Record<string, unknown> };
  };
}

/** Name prefix of bundle directories, followed by the owning process id and a dash. */
const PREFIX = "scalesim-worker-";

/** The package's root (this module is src/montecarlo/worker-bundle.ts) and the default cache folder in it. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_CACHE_DIR = join(ROOT, "node_modules", ".cache", "scalesim-worker-bundle");

/** A cache entry's name: the first 24 hex digits of its SHA-256 key. */
const ENTRY = /^[0-9a-f]{24}$/;
/** Cache entries, and unfinished builds, unused for this long are removed (ms). */
const UNUSED_FOR = 24 * 3600 * 1000;

/** The Node major version the bundle targets (part of its cache key). */
const NODE_MAJOR = process.versions.node.split(".")[0]!;

const workerSource = fileURLToPath(new URL("./worker.ts", import.meta.url));
const modelSource = fileURLToPath(new URL("../model/simulate.ts", import.meta.url));

let cached: WorkerBundle | null | undefined;

/**
 * The bundle of this process (found in the cache or built on the first call; undefined when it cannot be built).
 */
export function workerBundle(): WorkerBundle | undefined {
  if (cached === undefined) {
    const tools = buildTools();
    cached = (tools === undefined ? undefined : (cachedBundle(tools) ?? privateBundle(tools))) ?? null;
  }
  return cached ?? undefined;
}

/**
 * The bundle from the cache folder `cacheDir` (built there when the folder has no entry for the current sources),
 * without the private fallback; undefined when the folder cannot be used. For tests of the cache.
 */
export function workerBundleIn(cacheDir: string): WorkerBundle | undefined {
  const tools = buildTools();
  return tools === undefined ? undefined : cachedBundle(tools, cacheDir);
}

/** A bundle in a private temporary directory of this process (the fallback of a read-only install). For tests. */
export function privateWorkerBundle(): WorkerBundle | undefined {
  const tools = buildTools();
  return tools === undefined ? undefined : privateBundle(tools);
}

/** What a build needs: esbuild (tsx's own) and the URL of the piscina the worker threads run in. */
interface BuildTools {
  esbuild: Esbuild;
  piscina: string;
}

function buildTools(): BuildTools | undefined {
  try {
    const resolvePiscina = (import.meta as { resolve?: (specifier: string) => string }).resolve;
    if (typeof resolvePiscina !== "function") return undefined;
    const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
    return { esbuild: fromTsx("esbuild") as Esbuild, piscina: resolvePiscina("piscina") };
  } catch {
    return undefined;
  }
}

/** The bundle's files (path relative to the bundle's folder, text) and its inputs (relative to the root). */
function bundleFiles(tools: BuildTools): { files: [string, string][]; inputs: string[] } {
  const outdir = join(ROOT, ".bundle-out"); // only names the output paths: nothing is written (write: false)
  const result = tools.esbuild.buildSync({
    entryPoints: { worker: workerSource, simulate: modelSource },
    outdir,
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${NODE_MAJOR}`,
    write: false,
    metafile: true,
    logLevel: "silent",
    // piscina's `move` marks results with a symbol of piscina's own module instance, so the worker must use
    // the instance piscina runs in the thread, not a bundled copy (the specifier is rewritten below)
    external: ["piscina"],
    // bundled CommonJS dependencies (seedrandom) call require()
    banner: {
      js: 'import { createRequire as __scalesimRequire } from "node:module";const require = __scalesimRequire(import.meta.url);',
    },
  });
  const files = (result.outputFiles ?? []).map((file): [string, string] => [
    relative(outdir, file.path),
    file.text.replaceAll('from "piscina"', `from ${JSON.stringify(tools.piscina)}`),
  ]);
  return { files, inputs: Object.keys(result.metafile?.inputs ?? {}) };
}

/** Write the bundle's `files` (path relative to `dir`, text) into `dir`. */
function writeFiles(dir: string, files: readonly [string, string][]): void {
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function located(dir: string): WorkerBundle {
  return {
    worker: pathToFileURL(join(dir, "worker.js")).href,
    modules: new Map([[pathToFileURL(modelSource).href, pathToFileURL(join(dir, "simulate.js")).href]]),
  };
}

/**
 * The cache key of a bundle built from `inputs` (paths relative to the root): everything that decides its
 * content. Throws when an input cannot be read (a file that went away: the bundle is built again).
 */
function bundleKey(inputs: readonly string[], tools: BuildTools): string {
  const hash = createHash("sha256");
  hash.update(`${tools.esbuild.version}\0${NODE_MAJOR}\0${tools.piscina}\0`);
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const input of [...inputs].sort()) {
    hash.update(`\0${input}\0`);
    hash.update(readFileSync(resolve(ROOT, input)));
  }
  return hash.digest("hex").slice(0, 24);
}

/** The newest entry's key and inputs, as written after a build. */
interface Latest {
  key: string;
  inputs: string[];
}

/**
 * The bundle from the cache folder `cacheDir`: the newest entry when its inputs are unchanged, else a new build
 * stored there. Undefined when the folder cannot be used (the caller builds a private bundle instead).
 */
function cachedBundle(tools: BuildTools, cacheDir = DEFAULT_CACHE_DIR): WorkerBundle | undefined {
  try {
    const latestFile = join(cacheDir, "latest.json");
    try {
      const latest = JSON.parse(readFileSync(latestFile, "utf8")) as Latest;
      const dir = join(cacheDir, latest.key);
      if (
        ENTRY.test(latest.key) &&
        bundleKey(latest.inputs, tools) === latest.key &&
        existsSync(join(dir, "worker.js"))
      ) {
        const now = new Date();
        utimesSync(dir, now, now);
        return located(dir);
      }
    } catch {
      // no usable newest entry: build below
    }
    const { files, inputs } = bundleFiles(tools);
    const key = bundleKey(inputs, tools);
    const dir = join(cacheDir, key);
    mkdirSync(cacheDir, { recursive: true });
    if (!existsSync(join(dir, "worker.js"))) {
      const building = mkdtempSync(join(cacheDir, ".building-"));
      writeFiles(building, files);
      try {
        renameSync(building, dir);
      } catch (error) {
        // another process stored the same key first: its entry has the same content
        rmSync(building, { recursive: true, force: true });
        if (!existsSync(join(dir, "worker.js"))) throw error;
      }
    }
    const latestTemp = join(cacheDir, `.latest-${process.pid}-${Date.now()}.json`);
    writeFileSync(latestTemp, JSON.stringify({ key, inputs } satisfies Latest));
    renameSync(latestTemp, latestFile);
    removeUnusedEntries(cacheDir, key);
    return located(dir);
  } catch {
    return undefined;
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

/** A bundle in a private temporary directory of this process, removed when it exits. */
function privateBundle(tools: BuildTools): WorkerBundle | undefined {
  try {
    removeBundlesOfDeadProcesses();
    const outdir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
    process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
    writeFiles(outdir, bundleFiles(tools).files);
    return located(outdir);
  } catch {
    return undefined;
  }
}

function removeBundlesOfDeadProcesses(): void {
  for (const name of readdirSync(tmpdir())) {
    const match = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (match === null || isRunning(Number(match[1]))) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // another user's leftover: not ours to remove
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
