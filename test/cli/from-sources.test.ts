/**
 * src/cli/from-sources.mjs, the command as `npm start` runs it from the sources: it bundles the command's sources
 * into its cache folder once, reuses the bundle while no source changes, keeps each module's own import.meta.url,
 * and falls back to tsx when the cache folder cannot be written. The cache folder is a temporary one here
 * (SCALESIM_CLI_BUNDLE_CACHE), so the shared cache of the other tests is not touched; it lies inside the package, as
 * the real one does, for the bundle's imports of packages to resolve.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "./spawn-cli.ts";

mkdirSync(join(ROOT, "node_modules", ".cache"), { recursive: true });
const work = mkdtempSync(join(ROOT, "node_modules", ".cache", "scalesim-from-sources-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bundleTexts(dir: string): string {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .join("\n");
}

describe("the command from the sources (from-sources.mjs)", () => {
  it("builds the bundle once, then runs from it without building while no source changes", async () => {
    const cache = join(work, "cache");
    const first = await runCli(["presets"], { env: { SCALESIM_CLI_BUNDLE_CACHE: cache } });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("level-3");

    const latestFile = join(cache, "latest.json");
    const latest = JSON.parse(readFileSync(latestFile, "utf8")) as { key: string; inputs: string[] };
    expect(latest.inputs).toContain("src/cli/bin.ts");
    expect(latest.inputs).toContain("src/cli/commands/run.ts");
    expect(statSync(join(cache, latest.key, "bin.js")).isFile()).toBe(true);
    const written = statSync(latestFile).mtimeMs;
    const compiledCache = statSync(join(cache, "bundle-cache.mjs")).mtimeMs;

    const second = await runCli(["presets"], { env: { SCALESIM_CLI_BUNDLE_CACHE: cache } });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    // reused: nothing was built or recorded again
    expect(statSync(latestFile).mtimeMs).toBe(written);
    expect(statSync(join(cache, "bundle-cache.mjs")).mtimeMs).toBe(compiledCache);
    expect(readdirSync(cache).filter((name) => /^[0-9a-f]{24}$/.test(name))).toEqual([latest.key]);
  });

  it("gives every bundled module the import.meta.url of its source file", async () => {
    const cache = join(work, "meta");
    expect((await runCli(["presets"], { env: { SCALESIM_CLI_BUNDLE_CACHE: cache } })).code).toBe(0);
    const { key } = JSON.parse(readFileSync(join(cache, "latest.json"), "utf8")) as { key: string };
    const text = bundleTexts(join(cache, key));
    expect(text).not.toContain("import.meta.url");
    // the worker threads' entry is found next to the pool's source, as under tsx
    expect(text).toContain(
      JSON.stringify(pathToFileURL(join(ROOT, "src/montecarlo/replication-pool.ts")).href),
    );
  });

  it("runs through tsx, with the same output, when the cache folder cannot be written", async () => {
    const blocker = join(work, "not-a-folder");
    writeFileSync(blocker, "a file where the cache folder would go\n");
    const cache = join(blocker, "cache");
    const fallback = await runCli(["presets"], { env: { SCALESIM_CLI_BUNDLE_CACHE: cache } });
    expect(fallback.stderr).toBe("");
    expect(fallback.code).toBe(0);
    const bundled = await runCli(["presets"], { env: { SCALESIM_CLI_BUNDLE_CACHE: join(work, "cache") } });
    expect(fallback.stdout).toBe(bundled.stdout);
  });
});
