/**
 * The repository's generated pages (docs/cli.md, docs/scenario-reference.md, docs/model.md's tables) are written
 * or checked the same way: without `--check` the script writes the page atomically; with it, the script writes
 * nothing and exits 1 when the file on disk differs from what it would write (CI and the tests run the check).
 */
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../reports/write-file-atomic.ts";

/** One generated file: where it lives, what it must contain, and the command that regenerates it. */
export interface GeneratedFile {
  /** Absolute path of the file. */
  path: string;
  /** The file's whole expected content. */
  expected: string;
  /** The page as users name it (e.g. "docs/cli.md"), for the messages. */
  label: string;
  /** The command that regenerates the file (e.g. "npm run docs:cli"). */
  command: string;
}

/** The file's current content, or undefined when it does not exist (a missing page is simply stale). */
function current(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * With `--check` among `argv`, exits 1 with a message naming the command when the file is stale; otherwise
 * writes it atomically and says so on stdout.
 */
export async function writeOrCheck(
  file: GeneratedFile,
  argv: readonly string[] = process.argv,
): Promise<void> {
  if (argv.includes("--check")) {
    if (current(file.path) !== file.expected) {
      process.stderr.write(`${file.label} is stale: run \`${file.command}\`\n`);
      process.exit(1);
    }
    return;
  }
  await writeFileAtomic(file.path, file.expected);
  process.stdout.write(`wrote ${file.label}\n`);
}
