import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderCliReference } from "../../src/cli/cli-reference.ts";
import { COMMANDS } from "../../src/cli/commands.ts";
import { OPTIONS } from "../../src/cli/options.ts";

describe("docs/cli.md", () => {
  it("is exactly what the option and command tables generate (run `npm run docs:cli`)", () => {
    const onDisk = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");
    expect(onDisk).toBe(renderCliReference());
  });

  it("documents every option of every command it takes", () => {
    const text = renderCliReference();
    for (const command of COMMANDS) expect(text).toContain(`## \`scalesim ${command.name}\``);
    for (const option of OPTIONS) expect(text).toContain(`\`${option.flags}\``);
  });
});
