import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-sweep-safety-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sweepFile(name: string, lines: string[]): string {
  const file = join(work, `${name}.yaml`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("sweep parameter paths cannot reach prototypes (issue 13 item 4)", () => {
  it.each([
    "demand.businessUnits.__proto__.polluted",
    "__proto__.polluted",
    "organisation.constructor.prototype.polluted",
  ])("%s: exit 2 with one clear message before anything runs", async (path) => {
    const file = sweepFile("pollute", [
      "base: level-1",
      "replications: 2",
      "tornado: false",
      "parameters:",
      `  - path: ${path}`,
      "    values: [1, 2]",
    ]);
    const result = await runCli(["sweep", file, "-o", join(work, "never")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not allowed in a parameter path/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

describe("sweep sizes are capped at load (issue 13 item 11)", () => {
  it.each([
    [
      "range.steps",
      ["  - path: horizonMonths", "    range: { min: 6, max: 36, steps: 1000000000 }"],
      /<=\s*1000|at most 1000/,
    ],
    [
      "a 100^4 grid",
      [0, 1, 2, 3].flatMap((i) => [
        `  - path: ${["horizonMonths", "organisation.hub.fte", "organisation.spokes.count", "demand.ideasPerMonth"][i]}`,
        "    range: { min: 1, max: 100, steps: 100 }",
      ]),
      /100000009 points; at most 10000 are allowed/,
    ],
  ] as const)("%s: exit 2 naming the size and the limit", async (_name, parameters, expected) => {
    const file = sweepFile("big", ["base: level-1", "replications: 2", "parameters:", ...parameters]);
    const result = await runCli(["sweep", file, "-o", join(work, "never")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it("points: 1e9 and replications: 1e12 are refused with their limits", async () => {
    const file = sweepFile("lhs", [
      "base: level-1",
      "replications: 1000000000000",
      "sampling: latin-hypercube",
      "points: 1000000000",
      "parameters:",
      "  - path: horizonMonths",
      "    range: { min: 6, max: 36 }",
    ]);
    const result = await runCli(["sweep", file, "-o", join(work, "never")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/points:.*1000000000.*10000|10000.*points/s);
    expect(result.stderr).toMatch(/replications:.*1000000/s);
  });
});

describe("special files never hang a command (issue 13 items 5, 7, 17)", () => {
  it("validate: extends a FIFO, a FIFO or folder as the scenario, /dev/stdin: exit 2 at once", async () => {
    const fifo = join(work, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const extendsFifo = join(work, "extends-fifo.yaml");
    writeFileSync(extendsFifo, `extends: ${fifo}\n`);
    for (const target of [extendsFifo, fifo, work]) {
      const result = await runCli(["validate", target], { timeoutMs: 20_000 });
      expect(result.signal).toBeNull();
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not a regular file \(it is a (named pipe \(FIFO\)|folder)\)/);
    }
  });

  it("sweep: a FIFO as the base scenario is refused, not waited on", async () => {
    const fifo = join(work, "base-pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const file = sweepFile("fifo-base", [
      `base: ${fifo}`,
      "parameters:",
      "  - path: horizonMonths",
      "    values: [12, 18]",
    ]);
    const result = await runCli(["sweep", file, "-o", join(work, "never")], { timeoutMs: 20_000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("named pipe");
  });
});
