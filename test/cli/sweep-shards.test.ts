import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-shards-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeSweep(name: string, base = "level-1", values = "[12, 14, 16, 18, 20, 22, 24, 26]"): string {
  const file = join(work, `${name}.yaml`);
  writeFileSync(
    file,
    [
      "name: horizon",
      `base: ${base}`,
      "replications: 3",
      "tornado: false",
      "kpis: [delivered, roi]",
      "parameters:",
      "  - path: horizonMonths",
      `    values: ${values}`,
      "",
    ].join("\n"),
  );
  return file;
}

interface SweepJson {
  fingerprint: string;
  resumedPoints: number;
  points: number;
  shard?: string;
}

describe("fingerprints, resume and --shard-from-env", () => {
  it("a sweep killed part-way resumes from its finished points and gives the uninterrupted result", async () => {
    const file = writeSweep("resume");
    const whole = join(work, "whole");
    expect((await runCli(["sweep", file, "-w", "1", "--format", "json", "-o", whole, "-q"])).code).toBe(0);

    const out = join(work, "resumed");
    const loader = pathToFileURL(`${ROOT}node_modules/tsx/dist/loader.mjs`).href;
    const child = spawn(
      process.execPath,
      ["--import", loader, BIN, "sweep", file, "-w", "1", "-o", out, "-q"],
      {
        stdio: "ignore",
      },
    );
    const checkpointLines = (): number => {
      const name = readdirSync(work).find((entry) => entry.endsWith(".checkpoint.jsonl"));
      return name === undefined ? 0 : readFileSync(join(work, name), "utf8").split("\n").length - 2;
    };
    const killed = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        if (checkpointLines() >= 2) {
          clearInterval(timer);
          child.kill("SIGKILL");
          resolve(true);
        }
      }, 20);
      child.on("exit", () => {
        clearInterval(timer);
        resolve(false);
      });
    });
    expect(killed, "the sweep ended before two points were checkpointed").toBe(true);
    await new Promise((resolve) => child.on("close", resolve));

    const result = await runCli(["sweep", file, "-w", "1", "--format", "json", "-o", out, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as SweepJson;
    expect(parsed.resumedPoints).toBeGreaterThanOrEqual(2);
    expect(parsed.resumedPoints).toBeLessThan(8);
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe(
      readFileSync(join(whole, "summary.json"), "utf8"),
    );
    // the checkpoint is gone once the report is written
    expect(readdirSync(work).filter((entry) => entry.endsWith(".checkpoint.jsonl"))).toEqual([]);
  });

  it("--shard-from-env reads Slurm's array variables; merge refuses shards of an edited base scenario", async () => {
    const baseFile = join(work, "base.yaml");
    writeFileSync(baseFile, "extends: level-1\n");
    const file = writeSweep("env", "base.yaml", "[12, 18, 24]");
    const parts: string[] = [];
    for (const task of [1, 2]) {
      if (task === 2) writeFileSync(baseFile, "extends: level-1\nname: edited between the shards\n");
      const out = join(work, `env-part-${task}`);
      parts.push(out);
      const result = await runCli(
        ["sweep", file, "--shard-from-env", "-w", "1", "--format", "json", "-o", out, "--json"],
        {
          env: { SLURM_ARRAY_TASK_ID: String(task), SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: "2" },
        },
      );
      expect(result.stderr).toBe("");
      expect((JSON.parse(result.stdout) as SweepJson).shard).toBe(`${task}/2`);
    }
    const merged = await runCli(["merge", ...parts, "--format", "json", "-o", join(work, "env-merged")]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/different fingerprints .* base scenario/);
  });

  it("--shard-from-env with JOB_COMPLETION_INDEX needs the count", async () => {
    const file = writeSweep("k8s", "level-1", "[12, 18, 24]");
    const without = await runCli(["sweep", file, "--shard-from-env", "-o", join(work, "k8s-a")], {
      env: { JOB_COMPLETION_INDEX: "0" },
    });
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/JOB_COMPLETION_INDEX needs the number of shards/);
    const withCount = await runCli(
      [
        "sweep",
        file,
        "--shard-from-env",
        "3",
        "-w",
        "1",
        "--format",
        "json",
        "-o",
        join(work, "k8s-b"),
        "--json",
      ],
      { env: { JOB_COMPLETION_INDEX: "2" } },
    );
    expect(withCount.code).toBe(0);
    expect(JSON.parse(withCount.stdout) as SweepJson).toMatchObject({ shard: "3/3", points: 1 });
  });
});
