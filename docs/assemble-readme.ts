/**
 * Assembles README.md from the sections in docs/readme/ (intro first, then the parts in pipeline order), so
 * each part's documentation lives next to the people who change it and the generated CLI reference cannot
 * drift from the README. `tsx docs/assemble-readme.ts` writes README.md; `--check` exits 1 when it is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Section files in the order they appear in the README. */
export const README_SECTIONS = [
  "intro.md",
  "benchmarks.md",
  "cli.md",
  "reliability.md",
  "scenario.md",
  "model.md",
  "model-mechanisms.md",
  "platform.md",
  "finops.md",
  "montecarlo.md",
  "claims.md",
  "many-machines.md",
  "sensitivity.md",
  "reports.md",
  "engine.md",
  "random.md",
] as const;

const root = fileURLToPath(new URL("../", import.meta.url));

/** The README text assembled from docs/readme/ (pure apart from reading the section files). */
export function assembleReadme(): string {
  const parts = README_SECTIONS.map((file) =>
    readFileSync(`${root}docs/readme/${file}`, "utf8")
      .replace(/^<!-- Generated[^\n]*-->\n+/, "")
      .trim(),
  );
  return `<!-- Assembled by docs/assemble-readme.ts from docs/readme/*.md: edit those, then run \`npm run readme\`. -->\n\n${parts.join("\n\n")}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = assembleReadme();
  if (process.argv.includes("--check")) {
    const current = readFileSync(`${root}README.md`, "utf8");
    if (current !== text) {
      process.stderr.write("README.md is stale: run `npm run readme`\n");
      process.exit(1);
    }
  } else {
    writeFileSync(`${root}README.md`, text);
  }
}
