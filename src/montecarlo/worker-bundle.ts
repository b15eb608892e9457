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
 * The directory (private, from mkdtemp) carries the process id in its name and is removed when the process
 * exits; a process killed outright cannot do that, so each new bundle first removes the bundles of processes
 * that no longer run.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  buildSync(options: Record<string, unknown>): { outputFiles?: EsbuildOutput[] };
}

/** Name prefix of bundle directories, followed by the owning process id and a dash. */
const PREFIX = "scalesim-worker-";

let cached: WorkerBundle | null | undefined;

/**
 * The bundle of this process (built on the first call; undefined when it cannot be built). The temporary
 * directory is removed when the process exits.
 */
export function workerBundle(): WorkerBundle | undefined {
  if (cached === undefined) cached = build() ?? null;
  return cached ?? undefined;
}

function build(): WorkerBundle | undefined {
  try {
    const resolvePiscina = (import.meta as { resolve?: (specifier: string) => string }).resolve;
    if (typeof resolvePiscina !== "function") return undefined;
    const piscina = resolvePiscina("piscina");
    const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
    const esbuild = fromTsx("esbuild") as Esbuild;
    const workerSource = fileURLToPath(new URL("./worker.ts", import.meta.url));
    const modelSource = fileURLToPath(new URL("../model/simulate.ts", import.meta.url));
    removeBundlesOfDeadProcesses();
    const outdir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
    process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
    const result = esbuild.buildSync({
      entryPoints: { worker: workerSource, simulate: modelSource },
      outdir,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node.split(".")[0]}`,
      write: false,
      logLevel: "silent",
      // piscina's `move` marks results with a symbol of piscina's own module instance, so the worker must use
      // the instance piscina runs in the thread, not a bundled copy (the specifier is rewritten below)
      external: ["piscina"],
      // bundled CommonJS dependencies (seedrandom) call require()
      banner: {
        js: 'import { createRequire as __scalesimRequire } from "node:module";const require = __scalesimRequire(import.meta.url);',
      },
    });
    for (const file of result.outputFiles ?? []) {
      const text = file.text.replaceAll('from "piscina"', `from ${JSON.stringify(piscina)}`);
      writeFileSync(file.path, text);
    }
    return {
      worker: pathToFileURL(join(outdir, "worker.js")).href,
      modules: new Map([[pathToFileURL(modelSource).href, pathToFileURL(join(outdir, "simulate.js")).href]]),
    };
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
