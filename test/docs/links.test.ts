import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { brokenLinks, headingAnchors, linkTargets } from "./markdown-links.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** README.md and every Markdown page under docs/, as absolute paths. */
function documentationFiles(): string[] {
  const pages = readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(root, "docs", name));
  return [join(root, "README.md"), ...pages.sort()];
}

describe("links in README.md and docs/", () => {
  it("every relative link and #anchor resolves (file exists, heading exists by GitHub's slug rules)", () => {
    const files = documentationFiles();
    expect(files.length).toBeGreaterThan(10);
    expect(brokenLinks(root, files)).toEqual([]);
  });

  it("the README links to the index, and the index to every page of the reference", () => {
    const targets = (file: string) =>
      new Set(linkTargets(readFileSync(join(root, file), "utf8")).map((href) => href.split("#")[0]));
    const readme = targets("README.md");
    const index = targets("docs/README.md");
    expect(readme.has("docs/README.md")).toBe(true);
    for (const page of readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md"))) {
      if (page === "README.md" || page === "HELPERS.md") continue;
      expect(index.has(page), `docs/README.md links to ${page}`).toBe(true);
    }
  });
});

describe("the link check itself", () => {
  const dir = mkdtempSync(join(tmpdir(), "scalesim-links-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names GitHub's anchors: code spans, punctuation and repeated headings", () => {
    expect([
      ...headingAnchors(
        "# `scalesim run`\n\n## What changed and why (issue 10: mechanisms, not presets)\n\n## Usage\n\n## Usage\n",
      ),
    ]).toEqual(["scalesim-run", "what-changed-and-why-issue-10-mechanisms-not-presets", "usage", "usage-1"]);
  });

  it("fails on a missing file, a missing anchor and a link out of the repository, and on nothing else", () => {
    mkdirSync(join(dir, "docs"), { recursive: true });
    writeFileSync(join(dir, "docs", "b.md"), "# Page b\n\n## A section\n");
    writeFileSync(join(dir, "notes.txt"), "plain\n");
    writeFileSync(
      join(dir, "README.md"),
      [
        "# Top",
        "",
        "[ok](docs/b.md) [ok anchor](docs/b.md#a-section) [ok own](#top) [ok folder](docs/) [ok text](notes.txt)",
        "[web](https://example.com/missing) [mail](mailto:someone@example.com)",
        "[missing file](docs/c.md) [missing anchor](docs/b.md#no-such-section) [own missing](#bottom)",
        "[outside](../elsewhere.md) ![missing image](docs/images/none.png)",
        "",
        "```md",
        "[in code](docs/not-a-link.md)",
        "```",
        "",
        "| table | cell |",
        "| ----- | ---- |",
        "| [in a table](docs/d.md) | x |",
        "",
      ].join("\n"),
    );
    const broken = brokenLinks(dir, [join(dir, "README.md"), join(dir, "docs", "b.md")]);
    expect(broken.map((link) => link.href)).toEqual([
      "docs/c.md",
      "docs/b.md#no-such-section",
      "#bottom",
      "../elsewhere.md",
      "docs/images/none.png",
      "docs/d.md",
    ]);
    expect(broken[1]?.reason).toBe("no heading #no-such-section in docs/b.md");
  });
});
