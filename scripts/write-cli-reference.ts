/**
 * Writes docs/cli.md from {@link renderCliReference} (`npm run docs:cli`), or with `--check` exits 1 when the
 * file is out of date (for CI).
 */
import { join } from "node:path";
import { renderCliReference } from "../src/cli/cli-reference.ts";
import { packageInfo } from "../src/cli/package-info.ts";
import { writeOrCheck } from "./generated-file.ts";

await writeOrCheck({
  path: join(packageInfo().root, "docs", "cli.md"),
  expected: renderCliReference(),
  label: "docs/cli.md",
  command: "npm run docs:cli",
});
