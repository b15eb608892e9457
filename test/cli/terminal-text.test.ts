import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { safeForTerminal } from "../../src/cli/terminal-text.ts";
import { runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-terminal-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("user text never drives the terminal (issue 13 item 6)", () => {
  it("safeForTerminal shows controls as \\u escapes and keeps tabs, newlines and ordinary text", () => {
    expect(safeForTerminal("a\u001b[2Jb\u0007\u009b\u202e\tc\nd é")).toBe(
      "a\\u001b[2Jb\\u0007\\u009b\\u202e\tc\nd é",
    );
  });

  it("a scenario name with escape sequences: the results table, progress and --json carry no raw control", async () => {
    const file = join(work, "evil.yaml");
    writeFileSync(file, 'extends: level-1\nname: "evil\\e]0;pwned\\a\\e[2J\\u202e"\n');
    const human = await runCli([
      "run",
      file,
      "-n",
      "2",
      "-w",
      "1",
      "--format",
      "json",
      "-o",
      join(work, "a"),
    ]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("evil\\u001b]0;pwned\\u0007\\u001b[2J\\u202e: 2 replications");
    expect(UNSAFE.test(human.stdout)).toBe(false);
    expect(UNSAFE.test(human.stderr)).toBe(false);
    const json = await runCli([
      "run",
      file,
      "-n",
      "2",
      "-w",
      "1",
      "--format",
      "json",
      "-o",
      join(work, "b"),
      "--json",
    ]);
    expect(UNSAFE.test(json.stdout)).toBe(false);
    const parsed = JSON.parse(json.stdout) as { runs: { name: string }[] };
    expect(parsed.runs[0]!.name).toBe("evil\u001b]0;pwned\u0007\u001b[2J\u202e");
  });
});
