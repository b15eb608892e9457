import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/commands.ts";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README.md", () => {
  it("has a quickstart with the commands a fresh machine needs, and only those (.ci/run runs it verbatim)", () => {
    const quickstart = /<!-- quickstart -->([\s\S]*?)<!-- \/quickstart -->/.exec(readme)?.[1] ?? "";
    const commands = quickstart
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("```") && !line.startsWith("<!--"));
    expect(commands).toEqual(["npm install && npm start"]);
    expect(readme).toContain("```sh\nnpm test\n```");
  });

  it("is read in five minutes: between 150 and 250 lines", () => {
    const lines = readme.trimEnd().split("\n").length;
    expect(lines).toBeGreaterThanOrEqual(150);
    expect(lines).toBeLessThanOrEqual(250);
  });

  it("tours every command of the command line", () => {
    for (const command of COMMANDS) expect(readme).toContain(`\`scalesim ${command.name}`);
  });

  it("answers the four users' questions, each with a command", () => {
    for (const question of [
      "CoE first or platform first?",
      "how many spokes can a 15-person hub support",
      "what do tiers cost per month",
      "which parameters move ROI?",
    ])
      expect(readme).toContain(question);
  });
});
