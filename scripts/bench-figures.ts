/**
 * Writes the measured figures of docs/benchmarks.md from a recorded benchmark run, so the page's figures are
 * generated, stamped with the command, date, Node version and machine load, and never copied by hand.
 *
 * `npm run bench` writes out/bench.json; `npm run bench:figures` copies it to docs/benchmarks.json and renders the
 * block between the `<!-- bench-figures -->` markers of docs/benchmarks.md from it (each benchmark's readable lines,
 * verbatim). `npm run bench:figures -- --render` re-renders from the committed docs/benchmarks.json only (what
 * test/docs/bench-figures.test.ts checks: the page is the rendering of the JSON).
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const PAGE = `${root}docs/benchmarks.md`;
const JSON_FILE = `${root}docs/benchmarks.json`;
const BEGIN = "<!-- bench-figures -->";
const END = "<!-- /bench-figures -->";

/** What bench/run.ts records. */
export interface BenchRecord {
  date: string;
  node: string;
  command?: string;
  machine?: { cpus: number; model: string; loadBefore: number; loadAfter: number };
  readable?: { file: string; lines: string[] }[];
}

/** The generated block (markers included) for a recorded run. */
export function renderBenchFigures(record: BenchRecord): string {
  const machine =
    record.machine === undefined
      ? ""
      : `, ${record.machine.cpus} × ${record.machine.model}, load average ${record.machine.loadBefore.toFixed(1)} before and ${record.machine.loadAfter.toFixed(1)} after`;
  const out = [
    BEGIN,
    "",
    `Measured by \`${record.command ?? "npm run bench"}\` on ${record.date.slice(0, 10)} (Node ${record.node}${machine}); rendered by`,
    "`npm run bench:figures` from docs/benchmarks.json. Each line is the benchmark's own output, with its baseline",
    "measured in the same run.",
    "",
  ];
  for (const { file, lines } of record.readable ?? []) {
    out.push(
      `**${file.replace(/\.bench\.ts$/, "")}** (\`bench/${file}\`)`,
      "",
      "```text",
      ...lines,
      "```",
      "",
    );
  }
  out.push(END);
  return out.join("\n");
}

/** `page` with its generated block replaced by the rendering of `record`. @throws Error when a marker is missing */
export function withBenchFigures(page: string, record: BenchRecord): string {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin === -1 || end === -1 || end < begin)
    throw new Error(`docs/benchmarks.md lacks ${BEGIN} ... ${END}`);
  return page.slice(0, begin) + renderBenchFigures(record) + page.slice(end + END.length);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes("--render")) copyFileSync(`${root}out/bench.json`, JSON_FILE);
  const record = JSON.parse(readFileSync(JSON_FILE, "utf8")) as BenchRecord;
  writeFileSync(PAGE, withBenchFigures(readFileSync(PAGE, "utf8"), record));
  process.stdout.write(`wrote docs/benchmarks.md from docs/benchmarks.json (${record.date})\n`);
}
