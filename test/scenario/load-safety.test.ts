import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario, MAX_EXTENDS_LOADS, MAX_SCENARIO_FILE_BYTES } from "../../src/scenario/index.ts";
import type { ScenarioIssue } from "../../src/scenario/issues.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-load-safety-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, text: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

async function messages(path: string): Promise<string[]> {
  const result = await loadScenario(path);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((issue: ScenarioIssue) => issue.message);
}

describe("only ordinary small text files are read (issue 13 items 5, 7, 12, 17)", () => {
  it("extends: /etc/shadow is refused by its name and nothing of the file is echoed", async () => {
    const secret = file("secret.txt", "root:SECRET-HASH:19000:0:99999:7:::\n".repeat(3));
    const path = file("shadow.yaml", `extends: ${secret}\n`);
    const found = await messages(path);
    expect(found).toEqual([`extends file ${JSON.stringify(secret)} must end in .yaml, .yml or .json`]);
    expect(found.join("\n")).not.toContain("SECRET");
  });

  it.each([
    ["/dev/zero", "device"],
    ["/dev/stdin", ""],
  ])("extends: %s (through a .yaml symlink) is not read", async (target, kind) => {
    const link = join(work, `link-${kind || "stdin"}.yaml`);
    symlinkSync(target, link);
    const found = await messages(file(`via-${kind || "stdin"}.yaml`, `extends: ${link}\n`));
    expect(found[0]).toMatch(/not a regular file|cannot read the file/);
  });

  it("a FIFO as extends or as the scenario itself is refused without waiting for a writer", async () => {
    const fifo = join(work, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(await messages(fifo)).toEqual([
      "not a regular file (it is a named pipe (FIFO)); only ordinary files are read",
    ]);
    const found = await messages(file("extends-fifo.yaml", `extends: ${fifo}\n`));
    expect(found[0]).toContain("named pipe");
  });

  it("a folder and a symlink loop say what they are", async () => {
    mkdirSync(join(work, "folder.yaml"));
    expect((await messages(join(work, "folder.yaml")))[0]).toContain("it is a folder");
    symlinkSync(join(work, "loop-b.yaml"), join(work, "loop-a.yaml"));
    symlinkSync(join(work, "loop-a.yaml"), join(work, "loop-b.yaml"));
    expect((await messages(join(work, "loop-a.yaml")))[0]).toContain(
      "too many symbolic links, a loop?, ELOOP",
    );
  });

  it(`refuses a file above ${MAX_SCENARIO_FILE_BYTES} bytes without parsing it`, async () => {
    const big = file("big.yaml", `name: x\ndescription: "${"a".repeat(MAX_SCENARIO_FILE_BYTES)}"\n`);
    expect((await messages(big))[0]).toMatch(/^file too large: \d+ bytes; at most 1048576 bytes \(1 MiB\)/);
  });

  it("refuses NUL bytes, invalid UTF-8 and JSON that is not strict JSON", async () => {
    expect(await messages(file("nul.yaml", "extends: level-1\nname: a\u0000b\n"))).toEqual([
      "the file contains a NUL byte; scenario files are text",
    ]);
    expect(
      await messages(file("latin1.yaml", Buffer.from("extends: level-1\nname: caf\xe9\n", "latin1"))),
    ).toEqual(["the file is not valid UTF-8 text"]);
    const nan = await messages(file("nan.json", '{"extends": "level-1", "name": NaN}'));
    expect(nan[0]).toMatch(/^not valid JSON: /);
  });

  it("deep nesting is an issue, not a parser stack overflow", async () => {
    const deep = file("deep.yaml", `a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    expect(await messages(deep)).toContain(
      "nested too deeply (lists or mappings inside each other thousands of levels deep)",
    );
  });

  it("shows at most 50 issues and counts the rest", async () => {
    const lines = Array.from({ length: 80 }, (_, i) => `key${i}: 1`);
    const found = await messages(file("garbage.yaml", `${lines.join("\n")}\n`));
    expect(found).toHaveLength(51);
    expect(found[50]).toBe("... and 30 more problems not shown");
  });
});

describe("extends graphs are loaded once per file and capped (issue 13 item 8)", () => {
  /** `depth` levels of `width` files; every file extends every file of the next level. */
  function fanOut(prefix: string, width: number, depth: number): string {
    for (let level = depth - 1; level >= 0; level--) {
      for (let i = 0; i < width; i++) {
        const parents =
          level === depth - 1
            ? "extends: level-1"
            : `extends: [${Array.from({ length: width }, (_, j) => `${prefix}-${level + 1}-${j}.yaml`).join(", ")}]`;
        file(`${prefix}-${level}-${i}.yaml`, `${parents}\nhorizonMonths: ${12 + level}\n`);
      }
    }
    return file(
      `${prefix}-root.yaml`,
      `extends: [${Array.from({ length: width }, (_, j) => `${prefix}-0-${j}.yaml`).join(", ")}]\n`,
    );
  }

  it("6 wide and 10 deep (6^10 paths, 60 files) loads each file once and validates", async () => {
    const result = await loadScenario(fanOut("fan", 6, 10));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.horizonMonths).toBe(12);
  });

  it(`more than ${MAX_EXTENDS_LOADS} distinct files is one clear issue`, async () => {
    const found = await messages(fanOut("wide", 8, 9));
    expect(found).toContain(
      `extends reads more than ${MAX_EXTENDS_LOADS} files; at most ${MAX_EXTENDS_LOADS} files (each counted once) make one scenario`,
    );
  });
});
