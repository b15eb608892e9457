/**
 * Every ```ts block of docs/api.md is a complete program: written to a temporary .mts file with `"scalesim"`
 * replaced by the path of src/index.ts and run with tsx from the project root (all in one process, see RUNNER),
 * it must finish without throwing or writing to stderr and print exactly its `// prints: <line>` comments, in
 * order. Every runtime export of src/index.ts has its own section (`MAX_*`
 * limits: named in the limits section), so a new entry point without an example fails here.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as api from "../../src/index.ts";
import { ROOT } from "../cli/spawn-cli.ts";

const DOC = join(ROOT, "docs", "api.md");
const INDEX_URL = pathToFileURL(join(ROOT, "src", "index.ts")).href;
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** One ```ts block of the page, with the `###` section it is in. */
interface Example {
  section: string;
  code: string;
  /** The `// prints:` comments, in order. */
  prints: string[];
}

/** The ```ts blocks of a markdown page, each under its nearest `### ` heading. */
function extractExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let section = "";
  let block: string[] | undefined;
  for (const line of markdown.split("\n")) {
    if (block !== undefined) {
      if (line.trim() === "```") {
        const code = block.join("\n");
        const prints = [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((match) => match[1]!.trimEnd());
        examples.push({ section, code, prints });
        block = undefined;
      } else block.push(line);
    } else if (line.startsWith("### ")) section = line.slice(4).trim();
    else if (line.trim() === "```ts") block = [];
  }
  return examples;
}

const markdown = readFileSync(DOC, "utf8");
const examples = extractExamples(markdown);
const work = mkdtempSync(join(tmpdir(), "scalesim-api-examples-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What one example printed, and the error it threw, if any. */
interface Outcome {
  lines: string[];
  errors: string[];
  thrown?: string;
}

/**
 * Runs in one tsx process: imports each example module in turn (awaiting its top-level awaits) with console.log
 * and console.error captured per example, then writes the outcomes as JSON. One process for all examples because
 * loading the package costs about 1.5 s of CPU per process (zod schemas, vega): 27 processes would add 40 s.
 */
const RUNNER = `
import { format } from "node:util";
import { pathToFileURL } from "node:url";
const files = JSON.parse(process.argv[2]);
const outcomes = [];
const { log, error, warn } = console;
for (const file of files) {
  const outcome = { lines: [], errors: [] };
  console.log = (...args) => outcome.lines.push(...format(...args).split("\\n"));
  console.error = console.warn = (...args) => outcome.errors.push(format(...args));
  try {
    await import(pathToFileURL(file).href);
  } catch (thrown) {
    outcome.thrown = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  }
  Object.assign(console, { log, error, warn });
  outcomes.push(outcome);
}
process.stdout.write(JSON.stringify(outcomes));
`;

/** Writes every example and the runner, runs the runner with tsx from the project root. */
function runExamples(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const files = examples.map((example, i) => {
    const file = join(work, `example-${i}.mts`);
    writeFileSync(file, example.code.replaceAll('from "scalesim"', `from ${JSON.stringify(INDEX_URL)}`));
    return file;
  });
  const runner = join(work, "runner.mts");
  writeFileSync(runner, RUNNER);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX_LOADER, runner, JSON.stringify(files)], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 300_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let outcomes: Outcome[] = [];

describe("docs/api.md", () => {
  it("has examples, each with the output it prints", () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    for (const example of examples) {
      expect(example.prints.length, example.section).toBeGreaterThan(0);
      expect(example.code, example.section).toMatch(/from "scalesim";/);
    }
  });

  it("has a section with an example for every runtime export of src/index.ts", () => {
    const names = Object.keys(api).sort();
    expect(names.length).toBeGreaterThan(10);
    const limits = markdown.slice(markdown.indexOf("### Limits"), markdown.indexOf("## Simulation"));
    for (const name of names) {
      if (name.startsWith("MAX_")) {
        expect(limits, name).toContain(`\`${name}\``);
        continue;
      }
      const example = examples.find((candidate) => candidate.section === `\`${name}\``);
      expect(example, `section ### \`${name}\``).toBeDefined();
      expect(example?.code, name).toMatch(new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "scalesim"`));
    }
  });

  describe("examples", () => {
    beforeAll(async () => {
      const result = await runExamples();
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      outcomes = JSON.parse(result.stdout) as Outcome[];
    }, 300_000);

    it.each(examples.map((example, i) => [example.section, i] as const))(
      "%s: runs and prints its // prints: lines",
      (_section, i) => {
        const outcome = outcomes[i];
        expect(outcome, "the runner reported on every example").toBeDefined();
        expect(outcome?.thrown).toBeUndefined();
        expect(outcome?.errors).toEqual([]);
        expect(outcome?.lines).toEqual(examples[i]!.prints);
      },
    );
  });
});
