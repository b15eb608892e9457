/**
 * Writes docs/cli.md from {@link renderCliReference} (`tsx src/cli/write-cli-reference.ts`), or with
 * `--check` exits 1 when the file is out of date (for CI).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderCliReference } from "./cli-reference.ts";
import { packageInfo } from "./package-info.ts";

const target = join(packageInfo().root, "docs", "cli.md");
const expected = renderCliReference();
if (process.argv.includes("--check")) {
  let actual = "";
  try {
    actual = readFileSync(target, "utf8");
  } catch {
    // a missing file is simply out of date
  }
  if (actual !== expected) {
    process.stderr.write(`${target} is out of date; run: npm run docs:cli\n`);
    process.exit(1);
  }
} else {
  writeFileSync(target, expected);
  process.stdout.write(`wrote ${target}\n`);
}
