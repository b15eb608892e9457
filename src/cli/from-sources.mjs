#!/usr/bin/env node
// The `scalesim` command run from the TypeScript sources: `node src/cli/from-sources.mjs <command> [options]` is what
// `npm start`, `npm run claims` and the CLI tests run, the same command as the installed package's `scalesim`
// (dist/src/cli/bin.js). Plain JavaScript, so that Node runs it without a loader.
//
// The command's sources (bin.ts and what it imports from src/ and reports/; packages stay in node_modules) are
// bundled with esbuild, the compiler tsx itself runs on, and the bundle is imported. Loading the modules of a command
// through tsx's loader hooks instead (each one resolved on the hooks' thread and compiled) took about 1 s of every
// `run` and about half of a `presets`. The bundle is kept between runs in node_modules/.cache/scalesim-cli-bundle/
// under the hash of its inputs (src/build/bundle-cache.ts), so a command builds it only after a source changed
// (about 0.4 s). Each module keeps its own `import.meta.url`: the build writes the module's source file in its place,
// so paths computed from it (the worker threads' entry, the presets, package.json) are the sources' paths.
//
// When esbuild or the cache folder cannot be used, the sources are loaded through tsx as before: same command, same
// results, slower start. SCALESIM_CLI_BUNDLE_CACHE names another cache folder (the tests use it); it must lie inside
// the package, where the bundle's imports of packages resolve.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("./bin.ts", import.meta.url));

/** The file: URL of the bundled command (from the cache, or built now), or undefined when it cannot be had. */
async function bundledCommand() {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
  const esbuildVersion = JSON.parse(readFileSync(fromTsx.resolve("esbuild/package.json"), "utf8")).version;
  // esbuild itself is loaded only to build
  const esbuild = () => fromTsx("esbuild");
  const dir =
    process.env.SCALESIM_CLI_BUNDLE_CACHE || join(ROOT, "node_modules", ".cache", "scalesim-cli-bundle");
  const cacheSource = readFileSync(new URL("../build/bundle-cache.ts", import.meta.url), "utf8");
  const cacheModule = await compiledCacheModule(dir, cacheSource, esbuildVersion, esbuild);
  const cache = {
    dir,
    root: ROOT,
    marker: "bin.js",
    // this file and the cache's module hold the build options
    keyParts: [
      esbuildVersion,
      cacheModule.NODE_MAJOR,
      readFileSync(fileURLToPath(import.meta.url)),
      cacheSource,
    ],
  };
  const entry =
    cacheModule.findCachedBundle(cache) ??
    cacheModule.storeBundle(cache, await build(esbuild(), cacheModule));
  return entry === undefined ? undefined : pathToFileURL(join(entry, "bin.js")).href;
}

/**
 * The cache's own module (src/build/bundle-cache.ts, which imports node: modules only), compiled on its own and kept
 * in the cache folder as `bundle-cache.mjs`, stamped with the hash of its source and esbuild's version: compiling it
 * starts esbuild's process (about 85 ms), so a command does it only after that file changed.
 */
async function compiledCacheModule(dir, source, esbuildVersion, esbuild) {
  const hash = createHash("sha256").update(`${esbuildVersion}\0${process.versions.node}\0`).update(source);
  const stamp = `// ${hash.digest("hex")}\n`;
  const file = join(dir, "bundle-cache.mjs");
  try {
    if (readFileSync(file, "utf8").startsWith(stamp)) return await import(pathToFileURL(file).href);
  } catch {
    // not compiled yet, or not readable: compile below
  }
  const { code } = esbuild().transformSync(source, {
    loader: "ts",
    format: "esm",
    target: `node${process.versions.node}`,
  });
  try {
    mkdirSync(dir, { recursive: true });
    // written beside and renamed into place (a leftover ".building-" file is the cache's to remove)
    const temp = join(dir, `.building-${process.pid}-${Date.now()}.mjs`);
    writeFileSync(temp, stamp + code);
    renameSync(temp, file);
    return await import(pathToFileURL(file).href);
  } catch {
    return await import(`data:text/javascript,${encodeURIComponent(code)}`);
  }
}

/** The command's bundle: its files (relative paths, text) and inputs (relative to the root). */
async function build(esbuild, cacheModule) {
  const outdir = join(ROOT, ".cli-bundle-out"); // only names the output paths: nothing is written (write: false)
  const result = await esbuild.build({
    ...cacheModule.sourceBundleOptions(ROOT),
    entryPoints: { bin: BIN },
    outdir,
    packages: "external",
    plugins: [ownImportMetaUrl],
  });
  return cacheModule.builtFiles(result, outdir);
}

/** Every TypeScript module of the bundle keeps the `import.meta.url` of its source file. */
const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, "utf8").replaceAll(
        "import.meta.url",
        JSON.stringify(pathToFileURL(path).href),
      ),
      loader: "ts",
    }));
  },
};

const bundled = await bundledCommand().catch(() => undefined);
if (bundled !== undefined) await import(bundled);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(BIN).href);
}
