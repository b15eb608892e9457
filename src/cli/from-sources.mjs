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
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("./bin.ts", import.meta.url));

/** The file: URL of the bundled command (from the cache, or built now), or undefined when it cannot be had. */
async function bundledCommand() {
  const esbuild = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))("esbuild");
  // the cache's one module, compiled on its own (it imports node: modules only)
  const cacheSource = readFileSync(new URL("../build/bundle-cache.ts", import.meta.url), "utf8");
  const { code } = esbuild.transformSync(cacheSource, {
    loader: "ts",
    format: "esm",
    target: `node${process.versions.node}`,
  });
  const cacheModule = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  const cache = {
    dir: process.env.SCALESIM_CLI_BUNDLE_CACHE || join(ROOT, "node_modules", ".cache", "scalesim-cli-bundle"),
    root: ROOT,
    marker: "bin.js",
    // this file and the cache's module hold the build options
    keyParts: [
      esbuild.version,
      cacheModule.NODE_MAJOR,
      readFileSync(fileURLToPath(import.meta.url)),
      cacheSource,
    ],
  };
  const dir =
    cacheModule.findCachedBundle(cache) ?? cacheModule.storeBundle(cache, await build(esbuild, cacheModule));
  return dir === undefined ? undefined : pathToFileURL(join(dir, "bin.js")).href;
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
