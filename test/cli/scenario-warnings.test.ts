/**
 * A scenario that runs, but not as written (a job profile wider than its cluster: issue 10, point 8), is not
 * narrowed silently: `validate`, `run` and `compare` print the loader's warning on stderr, naming the file as
 * typed, its line, the path and the value, and still succeed (exit 0); `validate --json` carries it as data.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./spawn-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "scalesim-warn-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, "wide.yaml"),
  "extends: [level-3, demand-level-3]\nhorizonMonths: 3\nplatform:\n  clusters: [{ maxNodes: 4 }]\nlifecycle:\n  training: { nodes: 8 }\n",
);
const WARNING =
  /^warning: wide\.yaml:6:\d+ {2}lifecycle\.training\.nodes: training jobs ask for 8 nodes but cluster "cluster" has at most 4/m;

describe("load-time warnings on the command line", () => {
  it("validate prints the warning and exits 0; --json carries it", async () => {
    const text = await runCli(["validate", "wide.yaml"], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(WARNING);
    const json = await runCli(["validate", "wide.yaml", "--json"], { cwd: dir });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { results: { warnings: { path: string; value: unknown }[] }[] };
    expect(parsed.results[0]?.warnings.map((w) => [w.path, w.value])).toEqual([
      ["lifecycle.training.nodes", 8],
    ]);
  }, 60_000);

  it("run prints it before running and succeeds; a scenario without one prints none", async () => {
    const wide = await runCli(["run", "wide.yaml", "-n", "2", "--quiet", "--json"], { cwd: dir });
    expect(wide.code).toBe(0);
    expect(wide.stderr).toMatch(WARNING);
    const plain = await runCli(["validate", "level-3"], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toMatch(/warning:/);
  }, 90_000);
});
