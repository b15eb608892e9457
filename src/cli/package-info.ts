/**
 * The package's own package.json, found by walking up from this file: the same code runs from `src/cli/`
 * (tsx) and from `dist/src/cli/` (installed package), at different depths below the package root.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Fields of package.json the command line uses. */
export interface PackageInfo {
  name: string;
  version: string;
  /** Absolute path of the package root (the directory holding package.json). */
  root: string;
}

/**
 * Reads the nearest package.json named `scalesim` above this module.
 * @throws Error when none is found (a broken installation)
 */
export function packageInfo(): PackageInfo {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, "package.json");
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, "utf8")) as { name?: unknown; version?: unknown };
      if (parsed.name === "scalesim" && typeof parsed.version === "string") {
        return { name: parsed.name, version: parsed.version, root: directory };
      }
    }
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error("package.json of scalesim not found above the command line module");
    directory = parent;
  }
}
