import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assembleReadme } from "../docs/assemble-readme.ts";

describe("README.md", () => {
  it("is the assembly of docs/readme/*.md (run `npm run readme` after editing a section)", () => {
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toBe(assembleReadme());
  });

  it("has a quickstart with the two commands a fresh machine needs", () => {
    const readme = assembleReadme();
    const quickstart = /<!-- quickstart -->([\s\S]*?)<!-- \/quickstart -->/.exec(readme)?.[1] ?? "";
    expect(quickstart).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });
});
