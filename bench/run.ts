/**
 * Runs every bench/*.bench.ts in turn, each in its own tsx process (so one benchmark's JIT state and heap do
 * not affect the next), passes their output through, and collects the `BENCH {json}` lines into
 * out/bench.json. Exits non-zero when a benchmark fails. Usage: `npm run bench [-- name-filter]`.
 */
import { spawn } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const filter = process.argv[2];

function runOne(file: string): Promise<{ code: number; lines: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(tsx, [join(benchDir, file)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    const lines: string[] = [];
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString("utf8");
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      lines.push(...parts);
    });
    child.on("error", fail);
    child.on("close", (code) => {
      if (pending !== "") lines.push(pending);
      done({ code: code ?? 1, lines });
    });
  });
}

const files = (await readdir(benchDir))
  .filter((f) => f.endsWith(".bench.ts") && (filter === undefined || f.includes(filter)))
  .sort();
const results: unknown[] = [];
/** Each benchmark's readable lines (everything it printed but its BENCH line), for docs/benchmarks.md. */
const readable: { file: string; lines: string[] }[] = [];
const loadBefore = loadavg()[0] ?? 0;
let failed = 0;
for (const file of files) {
  process.stdout.write(`# ${file}\n`);
  const { code, lines } = await runOne(file);
  if (code !== 0) {
    failed++;
    process.stderr.write(`# ${file} exited with code ${code}\n`);
  }
  const text: string[] = [];
  for (const line of lines) {
    if (line.startsWith("BENCH ")) results.push({ file, ...JSON.parse(line.slice("BENCH ".length)) });
    else if (line.trim() !== "") text.push(line);
  }
  readable.push({ file, lines: text });
}
await mkdir(join(root, "out"), { recursive: true });
await writeFile(
  join(root, "out", "bench.json"),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      // the one setting that changes what is measured is part of the stamp, as it would be typed
      command: `${
        process.env.SCALESIM_BENCH_REPLICATIONS === undefined
          ? ""
          : `SCALESIM_BENCH_REPLICATIONS=${process.env.SCALESIM_BENCH_REPLICATIONS} `
      }npm run bench${filter === undefined ? "" : ` -- ${filter}`}`,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? "unknown",
        loadBefore,
        loadAfter: loadavg()[0] ?? 0,
      },
      results,
      readable,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(
  `# ${results.length} result(s) from ${files.length} benchmark(s) written to out/bench.json\n`,
);
if (failed > 0) process.exitCode = 1;
