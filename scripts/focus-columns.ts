/**
 * Regenerates test/fixtures/focus/focus-<version>-columns.json, the FOCUS column list the conformance test checks
 * the FOCUS export against, from a git copy of the FOCUS specification repository
 * (https://github.com/FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec, a clone or a bare mirror).
 *
 * Usage: npx tsx scripts/focus-columns.ts --spec <git dir of FOCUS_Spec> [--ref v1.2] [--out <file>] [--check]
 *   (the spec directory may also come from the FOCUS_SPEC_DIR environment variable)
 *
 * It reads, at `ref`, the columns the specification includes (specification/columns/columns.mdpp), and from each
 * column file only facts: column ID, column type, feature level, whether nulls are allowed, data type, value format
 * and the allowed values where the column lists them (for ServiceSubcategory, with each value's parent
 * ServiceCategory); from specification/attributes/unit_format.md the unit names of its tables; the publication
 * version from specification/versions/main.md; and the commit `ref` resolves to. No descriptive text is copied.
 * The JSON is laid out by Biome, the project's formatter.
 * `--check` compares with the file instead of writing it and exits 1 when it is stale. Exit 2: bad arguments or
 * no readable specification repository.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One column of the specification, as the fixture records it. */
export interface FocusColumnSpec {
  id: string;
  columnType: string;
  featureLevel: "Mandatory" | "Conditional" | "Recommended";
  dataType: string;
  allowsNulls: boolean;
  /** Value format without its link, or null where the specification says "not specified". */
  valueFormat: string | null;
  allowedValues?: string[];
  /** For values listed under a parent column's value: the parent column and each value's parent value. */
  allowedValueParents?: { column: string; parentOf: Record<string, string> };
  introduced: string;
}

/** The fixture file. */
export interface FocusColumnsFile {
  focusVersion: string;
  source: { repository: string; ref: string; commit: string };
  generatedBy: string;
  columns: FocusColumnSpec[];
  /** Unit names of the Unit Format attribute's tables. */
  units: { dataSize: string[]; count: string[]; time: string[] };
}

const FEATURE_LEVELS = ["Mandatory", "Conditional", "Recommended"] as const;

/** Cells of a markdown table line (`| a | b |` -> ["a", "b"]), or undefined when the line is not a table row. */
function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|")) return undefined;
  return trimmed
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
}

/** Rows of the first markdown table at or after line `from` (header and separator rows excluded). */
function tableAfter(lines: readonly string[], from: number): { header: string[]; rows: string[][] } {
  let i = from;
  while (i < lines.length && tableCells(lines[i]!) === undefined) i++;
  const header = tableCells(lines[i] ?? "") ?? [];
  const rows: string[][] = [];
  for (i += 2; i < lines.length; i++) {
    const cells = tableCells(lines[i]!);
    if (cells === undefined) break;
    rows.push(cells);
  }
  return { header, rows };
}

/** The first non-blank line after the heading `## <title>`. */
function sectionValue(lines: readonly string[], title: string, file: string): string {
  const at = lines.findIndex((l) => l.trim().toLowerCase() === `## ${title.toLowerCase()}`);
  if (at < 0) throw new SpecFormatError(`${file}: no "## ${title}" section`);
  const value = lines.slice(at + 1).find((l) => l.trim() !== "");
  if (value === undefined) throw new SpecFormatError(`${file}: "## ${title}" is empty`);
  return value.trim();
}

/** A specification file that does not have the shape this script reads. */
class SpecFormatError extends Error {}

/** Parse one column file. */
export function parseColumn(text: string, file: string): FocusColumnSpec {
  const lines = text.split(/\r?\n/);
  const id = sectionValue(lines, "Column ID", file);
  const constraints = new Map<string, string>();
  for (const line of lines) {
    const cells = tableCells(line);
    if (cells !== undefined && cells.length >= 2) constraints.set(cells[0]!.toLowerCase(), cells[1]!);
  }
  const need = (name: string): string => {
    const value = constraints.get(name);
    if (value === undefined) throw new SpecFormatError(`${file}: no "${name}" row in the constraints table`);
    return value;
  };
  const featureLevel = need("feature level");
  if (!(FEATURE_LEVELS as readonly string[]).includes(featureLevel))
    throw new SpecFormatError(
      `${file}: feature level must be one of ${FEATURE_LEVELS.join(", ")}, got ${featureLevel}`,
    );
  const allowsNulls = need("allows nulls");
  if (allowsNulls !== "True" && allowsNulls !== "False")
    throw new SpecFormatError(`${file}: allows nulls must be True or False, got ${allowsNulls}`);
  const format = need("value format")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\s+recommended$/i, "")
    .trim();
  const column: FocusColumnSpec = {
    id,
    columnType: need("column type"),
    featureLevel: featureLevel as FocusColumnSpec["featureLevel"],
    dataType: need("data type"),
    allowsNulls: allowsNulls === "True",
    valueFormat: /not specified/i.test(format) ? null : format,
    introduced: sectionValue(lines, "Introduced (version)", file),
  };
  const allowedAt = lines.findIndex((l) => /^\s*allowed values:?\s*$/i.test(l));
  if (/^allowed values$/i.test(format)) {
    if (allowedAt < 0)
      throw new SpecFormatError(`${file}: value format is allowed values but no list follows`);
    const { header, rows } = tableAfter(lines, allowedAt);
    const nested = header.length >= 3 && header[1]!.replace(/\s+/g, "") === id;
    column.allowedValues = rows.map((r) => (nested ? r[1]! : r[0]!));
    if (nested) {
      column.allowedValueParents = {
        column: header[0]!.replace(/\s+/g, ""),
        parentOf: Object.fromEntries(rows.map((r) => [r[1]!, r[0]!])),
      };
    }
  }
  return column;
}

/** Unit names of the tables under the `### <title>` headings of the Unit Format attribute. */
export function parseUnits(text: string): FocusColumnsFile["units"] {
  const lines = text.split(/\r?\n/);
  const table = (title: string): string[][] => {
    const at = lines.findIndex((l) => l.trim().toLowerCase() === `### ${title.toLowerCase()}`);
    if (at < 0) throw new SpecFormatError(`unit_format.md: no "### ${title}" section`);
    return tableAfter(lines, at).rows;
  };
  const firstWord = (cell: string): string => cell.split(/\s+/)[0]!;
  return {
    dataSize: table("Data Size Unit Names").flatMap((r) => r.map(firstWord)),
    count: table("Count-based Unit Names").map((r) => r[0]!),
    time: table("Time-based Unit Names").map((r) => r[0]!),
  };
}

/** Read the specification at `ref` from the git directory `specDir`. */
export function readFocusSpec(specDir: string, ref: string): FocusColumnsFile {
  const git = (...args: string[]): string =>
    execFileSync("git", ["-C", specDir, ...args], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  const show = (path: string): string => git("show", `${ref}:${path}`);
  const commit = git("rev-parse", `${ref}^{commit}`).trim();
  const version = /Publication version\s+(\S+)/.exec(show("specification/versions/main.md"))?.[1];
  const includes = [...show("specification/columns/columns.mdpp").matchAll(/!INCLUDE\s+"([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  if (includes.length === 0) throw new SpecFormatError("columns.mdpp includes no column files");
  const columns = includes.map((file) => parseColumn(show(`specification/columns/${file}`), file));
  columns.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    focusVersion: version ?? ref.replace(/^v/, ""),
    source: { repository: "https://github.com/FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec", ref, commit },
    generatedBy: "scripts/focus-columns.ts",
    columns,
    units: parseUnits(show("specification/attributes/unit_format.md")),
  };
}

/** JSON text laid out by the project's formatter (Biome), so that the file passes `npm run lint` as written. */
function formatJson(text: string, path: string): string {
  const biome = join(import.meta.dirname, "..", "node_modules", ".bin", "biome");
  return execFileSync(biome, ["format", `--stdin-file-path=${path}`], { input: text, encoding: "utf8" });
}

function fail(message: string): never {
  process.stderr.write(`focus-columns: ${message}\n`);
  process.exit(2);
}

function main(argv: readonly string[]): void {
  const option = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    if (at < 0) return undefined;
    const value = argv[at + 1];
    if (value === undefined || value.startsWith("--")) fail(`${name} needs a value`);
    return value;
  };
  const known = new Set(["--spec", "--ref", "--out", "--check"]);
  for (const arg of argv) {
    if (arg.startsWith("--") && !known.has(arg))
      fail(`unknown option ${arg}; allowed: ${[...known].join(", ")}`);
  }
  const specDir = option("--spec") ?? process.env.FOCUS_SPEC_DIR;
  if (specDir === undefined)
    fail("no specification repository: pass --spec <git dir of FOCUS_Spec> or set FOCUS_SPEC_DIR");
  if (!existsSync(specDir)) fail(`--spec ${specDir}: no such directory`);
  const ref = option("--ref") ?? "v1.2";
  let spec: FocusColumnsFile;
  try {
    spec = readFocusSpec(specDir, ref);
  } catch (error) {
    const detail = error instanceof SpecFormatError ? error.message : `git cannot read ${ref} in ${specDir}`;
    fail(detail);
  }
  const out =
    option("--out") ??
    join(import.meta.dirname, "..", "test", "fixtures", "focus", `focus-${spec.focusVersion}-columns.json`);
  const text = formatJson(`${JSON.stringify(spec, null, 2)}\n`, out);
  if (argv.includes("--check")) {
    const current = existsSync(out) ? readFileSync(out, "utf8") : "";
    if (current !== text) {
      process.stderr.write(
        `${out} is stale: run npx tsx scripts/focus-columns.ts --spec ${specDir} --ref ${ref}\n`,
      );
      process.exit(1);
    }
    return;
  }
  writeFileSync(out, text);
  process.stdout.write(
    `wrote ${out}: FOCUS ${spec.focusVersion} (${ref} = ${spec.source.commit.slice(0, 12)}), ${spec.columns.length} columns\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) main(process.argv.slice(2));
