/**
 * Which of scalesim's three input files a file is, from its top-level keys: a sweep file has `base` or
 * `parameters` (sweep-schema.ts), a claims file has `claims` (claims-schema.ts), anything else is a scenario.
 * None of these keys is a scenario key, so the guess never turns a scenario into something else. Anything that
 * is not a regular file, or cannot be read or parsed, is called a scenario (so is a preset name), and the
 * scenario loader then reports what is wrong with it.
 * Only the document's top-level keys are read (no alias is expanded, nothing is converted).
 */
import { readFileSync, statSync } from "node:fs";
import { isMap, isScalar, parseDocument } from "yaml";
import { MAX_SCENARIO_FILE_BYTES } from "../scenario/limits.ts";

/** The kinds of file `validate` checks. */
export type FileKind = "scenario" | "sweep" | "claims";

/** The kind of the file at `path` (see the module comment). */
export function fileKind(path: string): FileKind {
  let source: string;
  try {
    // only a regular file is read (a FIFO would block); anything else is the scenario loader's to report
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_SCENARIO_FILE_BYTES) return "scenario";
    source = readFileSync(path, "utf8");
  } catch {
    return "scenario";
  }
  const document = parseDocument(source, { strict: false, customTags: [] });
  if (!isMap(document.contents)) return "scenario";
  const keys = new Set<unknown>();
  for (const pair of document.contents.items) if (isScalar(pair.key)) keys.add(pair.key.value);
  if (keys.has("claims")) return "claims";
  if (keys.has("parameters") || keys.has("base")) return "sweep";
  return "scenario";
}
