/**
 * Writes the measured figures of docs/benchmarks.md from a recorded benchmark run, so the page's figures are
 * generated, stamped with the command, date, Node version and machine load, and never copied by hand.
 *
 * `npm run bench` writes out/bench.json; `npm run bench:figures` copies it to docs/benchmarks.json and renders the
 * block between the `<!-- bench-figures -->` markers of docs/benchmarks.md from it (each benchmark's readable lines,
 * verbatim) and the README's speed lines between `<!-- bench-summary -->` markers. `npm run bench:figures -- --render` re-renders from the committed docs/benchmarks.json only (what
 * test/docs/bench-figures.test.ts checks: the page is the rendering of the JSON).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const PAGE = `${root}docs/benchmarks.md`;
const JSON_FILE = `${root}docs/benchmarks.json`;
const README = `${root}README.md`;
const SUMMARY_BEGIN = "<!-- bench-summary -->";
const SUMMARY_END = "<!-- /bench-summary -->";
const BEGIN = "<!-- bench-figures -->";
const END = "<!-- /bench-figures -->";

/** What bench/run.ts records. */
export interface BenchRecord {
  date: string;
  node: string;
  command?: string;
  machine?: { cpus: number; model: string; loadBefore: number; loadAfter: number };
  readable?: { file: string; lines: string[] }[];
  results?: Array<Record<string, unknown> & { file: string }>;
}

function result(record: BenchRecord, file: string): Record<string, unknown> {
  const found = record.results?.find((r) => r.file === file);
  if (found === undefined) throw new Error(`docs/benchmarks.json has no result of bench/${file}`);
  return found;
}

function num(value: unknown, digits: number): string {
  if (typeof value !== "number")
    throw new Error(`docs/benchmarks.json: expected a number, got ${String(value)}`);
  return value.toFixed(digits);
}

/** The README's speed lines (markers included): the issue-17 ratios of the recorded run, against their targets. */
export function renderBenchSummary(record: BenchRecord): string {
  const kernel = result(record, "kernel.bench.ts");
  const platform = result(record, "platform.bench.ts").level3Replication as Record<string, unknown>;
  const model = result(record, "model.bench.ts");
  const mc = result(record, "montecarlo.bench.ts");
  const cold = result(record, "cold.bench.ts");
  const floor = kernel.floor as Record<string, unknown>;
  const fixed = cold.baseline as Record<string, unknown>;
  return [
    SUMMARY_BEGIN,
    `- kernel: ${num((kernel.eventsPerSecond as number) / 1e6, 1)} M events/s, ${num(kernel.speedupVsSimpy, 1)}x SimPy; ${num(kernel.slowdownVsBaseline, 2)}x the bare event-list loop (target 3x), of which ${num(floor.slowdownVsBaseline, 2)}x is the floor any generator kernel pays (resumes, allocations, draws)`,
    `- one level-3 replication: ${num(model.msPerReplication, 1)} ms of CPU; with the platform on ${num(platform.ratio, 2)}x the time with it off (target 2x)`,
    `- Monte Carlo, level-3: ${num(mc.replicationsPerSecond2Workers, 0)} replications/s on 2 workers, ${num(mc.speedUp2WorkersVs1Worker, 2)}x one worker (target 1.7x); ${num(mc.cpuMsPerReplication2Workers, 1)} ms of CPU per replication on 2 workers against ${num(mc.cpuMsPerReplicationInProcess, 1)} in-process; 10 000 replications in ${num(mc.tenThousandSeconds, 0)} s${mc.tenThousandEstimated === true ? " (estimated from the marginal rate)" : ""} (target 60 s); two independent 1-worker processes side by side (this machine's scaling, nothing shared) ${num(mc.twoProcessesVs1Worker, 2)}x one worker, the pool ${num((mc.poolVsTwoProcesses as number) * 100, 0)}% of their rate`,
    `- \`npm start\` from a fresh process (200 replications, claims, report): ${num(cold.twoWorkersSeconds, 1)} s on 2 workers, ${num(cold.oneWorkerSeconds, 1)} s on 1, of which ${num(fixed.seconds, 1)} s do not depend on the replications`,
    "",
    `_Measured by \`${record.command ?? "npm run bench"}\` on ${record.date.slice(0, 10)} on a ${record.machine?.cpus ?? "?"}-core machine, rendered by \`npm run bench:figures\`; every figure: [benchmarks](docs/benchmarks.md)._`,
    SUMMARY_END,
  ].join("\n");
}

/** `readme` with its speed block replaced by the rendering of `record`. @throws Error when a marker is missing */
export function withBenchSummary(readme: string, record: BenchRecord): string {
  const begin = readme.indexOf(SUMMARY_BEGIN);
  const end = readme.indexOf(SUMMARY_END);
  if (begin === -1 || end === -1 || end < begin)
    throw new Error(`README.md lacks ${SUMMARY_BEGIN} ... ${SUMMARY_END}`);
  return readme.slice(0, begin) + renderBenchSummary(record) + readme.slice(end + SUMMARY_END.length);
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
  if (!process.argv.includes("--render")) {
    copyFileSync(`${root}out/bench.json`, JSON_FILE);
    // in the repository's own format, so that `npm run lint` passes on the committed record
    execFileSync(`${root}node_modules/.bin/biome`, ["format", "--write", JSON_FILE], { stdio: "ignore" });
  }
  const record = JSON.parse(readFileSync(JSON_FILE, "utf8")) as BenchRecord;
  writeFileSync(PAGE, withBenchFigures(readFileSync(PAGE, "utf8"), record));
  writeFileSync(README, withBenchSummary(readFileSync(README, "utf8"), record));
  process.stdout.write(
    `wrote docs/benchmarks.md and README.md's speed lines from docs/benchmarks.json (${record.date})\n`,
  );
}
