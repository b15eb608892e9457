/**
 * The `tool` stamp of every summary: name and version of the installed scalesim package, read once from the
 * nearest package.json named "scalesim" above this module (works from src/ under tsx and from dist/).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Name and version stamped on summaries. */
export interface ToolInfo {
  name: "scalesim";
  version: string;
}

let cached: ToolInfo | undefined;

/** Name and version of this package; version "0.0.0" when no package.json is found. */
export function toolInfo(): ToolInfo {
  if (cached !== undefined) return { ...cached };
  let directory = dirname(fileURLToPath(import.meta.url));
  let version = "0.0.0";
  for (let depth = 0; depth < 6; depth++) {
    try {
      const parsed = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
        name?: unknown;
        version?: unknown;
      };
      if (parsed.name === "scalesim" && typeof parsed.version === "string") {
        version = parsed.version;
        break;
      }
    } catch {
      // no package.json at this level: keep walking up
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  cached = { name: "scalesim", version };
  return { ...cached };
}
