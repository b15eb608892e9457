/**
 * The package installs and runs as users get it: `npm pack` (which builds dist/ through prepack), install the
 * tarball into an empty project (dependencies from the npm cache or registry), then run the installed `scalesim`
 * bin on plain Node, without tsx.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./spawn-cli.ts";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const work = mkdtempSync(join(tmpdir(), "scalesim-pack-"));
const app = join(work, "app");
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}` };
let bin = "";

async function scalesim(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(bin, args, { cwd: app, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

beforeAll(async () => {
  await run(npm, ["pack", "--pack-destination", work], { cwd: ROOT, env, timeout: 240_000 });
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${work}`);
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
  await run(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, tarball)], {
    cwd: app,
    env,
    timeout: 240_000,
  });
  bin = join(app, "node_modules", ".bin", "scalesim");
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("scalesim --version prints the package version on plain Node", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const result = await scalesim(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it("scalesim presets lists the built-in presets (they ship inside dist)", async () => {
    const result = await scalesim(["presets"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^level-3\s+\S/m);
    expect(result.stdout).toMatch(/^financial-services\s+\S/m);
  });

  it("runs a small simulation with its worker threads from dist", async () => {
    const result = await scalesim([
      "run",
      "level-2",
      "-n",
      "4",
      "-w",
      "2",
      "--format",
      "json",
      "-o",
      "r",
      "--json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { runs: { replications: number; files: string[] }[] };
    expect(parsed.runs[0]?.replications).toBe(4);
    expect(parsed.runs[0]?.files).toContain("summary.json");
  });
});
