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
 * Between runs the bundle is kept in the package's `node_modules/.cache/scalesim-worker-bundle/`
 * (src/build/bundle-cache.ts), under the hash of everything it was built from: the content of every input file
 * esbuild read, the esbuild and Node versions, piscina's location and this module's own source, which holds the
 * build options. `npm start` and every test process that starts workers skip the build (about 0.35-0.45 s on a
 * 2-core machine) until a source changes.
 *
 * When that folder cannot be written (a read-only install), the bundle goes to a private temporary directory
 * (mkdtemp) that carries the process id in its name and is removed when the process exits; a process killed
 * outright cannot do that, so each such bundle first removes the bundles of processes that no longer run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type BundleCache,
  type BundleFiles,
  builtFiles,
  type EsbuildResult,
  findCachedBundle,
  NODE_MAJOR,
  sourceBundleOptions,
  storeBundle,
  writeBundleFiles,
} from "../build/bundle-cache.ts";

/** Where the bundled worker is and which bundled module stands for which source model module. */
export interface WorkerBundle {
  /** file: URL of the bundled worker entry. */
  worker: string;
  /** Bundled module (file: URL) for each source module (file: URL) it replaces. */
  modules: ReadonlyMap<string, string>;
}

interface Esbuild {
  version: string;
  buildSync(options: Record<string, unknown>): EsbuildResult;
}

/** Name prefix of bundle directories, followed by the owning process id and a dash. */
const PREFIX = "scalesim-worker-";

/** The package's root (this module is src/montecarlo/worker-bundle.ts) and the default cache folder in it. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_CACHE_DIR = join(ROOT, "node_modules", ".cache", "scalesim-worker-bundle");

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
function bundleFiles(tools: BuildTools): BundleFiles {
  const outdir = join(ROOT, ".bundle-out"); // only names the output paths: nothing is written (write: false)
  const built = builtFiles(
    tools.esbuild.buildSync({
      ...sourceBundleOptions(ROOT),
      entryPoints: { worker: workerSource, simulate: modelSource },
      outdir,
      // piscina's `move` marks results with a symbol of piscina's own module instance, so the worker must use
      // the instance piscina runs in the thread, not a bundled copy (the specifier is rewritten below)
      external: ["piscina"],
      // bundled CommonJS dependencies (seedrandom) call require()
      banner: {
        js: 'import { createRequire as __scalesimRequire } from "node:module";const require = __scalesimRequire(import.meta.url);',
      },
    }),
    outdir,
  );
  const piscina = `from ${JSON.stringify(tools.piscina)}`;
  return {
    files: built.files.map(([name, text]): [string, string] => [
      name,
      text.replaceAll('from "piscina"', piscina),
    ]),
    inputs: built.inputs,
  };
}

function located(dir: string): WorkerBundle {
  return {
    worker: pathToFileURL(join(dir, "worker.js")).href,
    modules: new Map([[pathToFileURL(modelSource).href, pathToFileURL(join(dir, "simulate.js")).href]]),
  };
}

/**
 * The bundle from the cache folder `cacheDir`: the newest entry when its inputs are unchanged, else a new build
 * stored there. Undefined when the folder cannot be used (the caller builds a private bundle instead).
 */
function cachedBundle(tools: BuildTools, cacheDir = DEFAULT_CACHE_DIR): WorkerBundle | undefined {
  try {
    const cache: BundleCache = {
      dir: cacheDir,
      root: ROOT,
      marker: "worker.js",
      // this module and the cache's module hold the build options
      keyParts: [
        tools.esbuild.version,
        NODE_MAJOR,
        tools.piscina,
        readFileSync(fileURLToPath(import.meta.url)),
        readFileSync(fileURLToPath(new URL("../build/bundle-cache.ts", import.meta.url))),
      ],
    };
    const dir = findCachedBundle(cache) ?? storeBundle(cache, bundleFiles(tools));
    return dir === undefined ? undefined : located(dir);
  } catch {
    return undefined; // a bundling error or an unusable folder: the caller tries a private bundle
  }
}

/** A bundle in a private temporary directory of this process, removed when it exits. */
function privateBundle(tools: BuildTools): WorkerBundle | undefined {
  try {
    removeBundlesOfDeadProcesses();
    const outdir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
    process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
    writeBundleFiles(outdir, bundleFiles(tools).files);
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
