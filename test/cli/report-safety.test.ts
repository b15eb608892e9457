import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-safety-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOST = hostname().replace(/[^A-Za-z0-9]/g, "") || "host";

describe("reports never replace or delete what the run did not create (issue 13 items 1-3)", () => {
  it("a folder created at --out during the run is left alone; the report is kept at <out>-2 with exit 2", async () => {
    const parent = mkdtempSync(join(work, "race-"));
    const out = join(parent, "x");
    let created = false;
    const result = await runCli(["run", "level-2", "-n", "200", "-w", "1", "--format", "json", "-o", out], {
      onStderr: (_child, stderr) => {
        if (!created && /replications \(/.test(stderr)) {
          created = true;
          mkdirSync(out);
          writeFileSync(join(out, "precious.txt"), "x");
        }
      },
    });
    expect(created).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`output directory ${out} already exists`);
    expect(result.stderr).toContain(`written to ${out}-2 instead`);
    expect(readFileSync(join(out, "precious.txt"), "utf8")).toBe("x");
    expect(readdirSync(out)).toEqual(["precious.txt"]);
    expect(readdirSync(`${out}-2`)).toContain("summary.json");
    expect(readdirSync(parent).sort()).toEqual(["x", "x-2"]);
  });

  it("a second run to an existing --out stops before running, exit 2, and the first report stays", async () => {
    const out = join(work, "twice");
    const args = ["run", "level-1", "-n", "2", "-w", "1", "--format", "json", "-o", out, "-q"];
    expect((await runCli(args)).code).toBe(0);
    const first = readFileSync(join(out, "summary.json"), "utf8");
    const second = await runCli([...args.slice(0, 3), "3", ...args.slice(4)]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("already exists");
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe(first);
  });

  it("two default runs started together get two folders", async () => {
    const cwd = mkdtempSync(join(work, "same-second-"));
    const args = ["run", "level-1", "-n", "2", "-w", "1", "--format", "json", "--json"];
    const [a, b] = await Promise.all([runCli(args, { cwd }), runCli(args, { cwd })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const dirs = [a, b].map((r) => (JSON.parse(r.stdout) as { runs: { outDir: string }[] }).runs[0]!.outDir);
    expect(new Set(dirs).size).toBe(2);
    for (const dir of dirs) expect(existsSync(join(dir, "summary.json"))).toBe(true);
    expect(readdirSync(join(cwd, "out"))).toHaveLength(2);
  });

  it("Ctrl-C while the report is written: either a finished report and exit 0, or nothing and exit 130", async () => {
    const parent = mkdtempSync(join(work, "late-ctrl-c-"));
    const out = join(parent, "report");
    let sent = false;
    const result = await runCli(
      ["run", "level-2", "-n", "40", "-w", "1", "--format", "json,png", "-o", out],
      {
        onStderr: (child, stderr) => {
          if (!sent && /40\/40 replications/.test(stderr)) {
            sent = true;
            child.kill("SIGINT");
          }
        },
      },
    );
    expect(sent).toBe(true);
    expect(hasStackTrace(result.stderr)).toBe(false);
    if (result.code === 0) {
      expect(result.stderr).toContain("the report above was finished first");
      expect(readdirSync(out)).toContain("summary.json");
      expect(result.stdout).toContain(`report: ${out}`);
    } else {
      expect(result.code).toBe(130);
      expect(result.stderr).toContain("no partial report written");
    }
    expect(readdirSync(parent).filter((name) => name !== "report")).toEqual([]);
  });

  it("removes stale temporary folders of dead processes of this host, and only those", async () => {
    const parent = mkdtempSync(join(work, "stale-"));
    const stale = `.old.tmp-${HOST}-999999999-abcdef`;
    const live = `.old.tmp-${HOST}-${process.pid}-abcdef`;
    const otherHost = ".old.tmp-elsewhere-999999999-abcdef";
    const notOurs = ".old.tmp-keep";
    for (const name of [stale, live, otherHost, notOurs]) mkdirSync(join(parent, name));
    writeFileSync(join(parent, stale, "half.json"), "{");
    const result = await runCli([
      "run",
      "level-1",
      "-n",
      "2",
      "-w",
      "1",
      "--format",
      "json",
      "-o",
      join(parent, "new"),
      "-q",
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([live, otherHost, notOurs, "new"].sort());
  });

  it("creates the report folder with the umask's mode, not 0700", async () => {
    const out = join(work, "mode");
    const result = await runCli(["run", "level-1", "-n", "2", "-w", "1", "--format", "json", "-o", out]);
    expect(result.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o777 & ~process.umask());
  });
});

describe("file-system errors say what failed, where and why (issue 13 item 16)", () => {
  it("--out under a regular file: exit 2 before any replication", async () => {
    const file = join(work, "plain-file");
    writeFileSync(file, "x");
    const result = await runCli(["run", "level-1", "-n", "2", "-o", join(file, "out")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot write the report to ${join(file, "out")}`);
    expect(result.stderr).toContain("(ENOTDIR)");
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).not.toContain("replications (");
  });

  it("init into a missing folder, init --force onto a folder: exit 2 with the reason", async () => {
    const missing = await runCli(["init", join(work, "no-such-dir", "s.yaml")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("the folder does not exist (ENOENT)");
    const folder = join(work, "a-folder");
    mkdirSync(folder);
    const onto = await runCli(["init", "--force", folder]);
    expect(onto.code).toBe(2);
    expect(onto.stderr).toContain("it is a folder, not a file (EISDIR)");
    expect(`${missing.stderr}${onto.stderr}`).not.toContain("internal error");
  });
});
