/**
 * Finds the relative links of Markdown files that do not resolve: a target file or folder that does not exist,
 * or an `#anchor` that names no heading of the target page. Links and headings are read with marked's lexer (so
 * a link inside a code block is not a link), and headings become anchors by GitHub's rules (github-slugger: the
 * heading's text, lower-cased, punctuation dropped, spaces to dashes, "-1", "-2" ... for repeats). Links with a
 * scheme (https:, mailto:) are left alone: the check needs no network.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import GithubSlugger from "github-slugger";
import { marked, type Token, type Tokens } from "marked";

/** One link that does not resolve. */
export interface BrokenLink {
  /** The Markdown file that holds the link, relative to the root given to {@link brokenLinks}. */
  file: string;
  href: string;
  reason: string;
}

/** The plain text of inline tokens, as GitHub reads a heading to make its anchor. */
function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ("tokens" in token && Array.isArray(token.tokens) && token.type !== "codespan")
        return plainText(token.tokens);
      if (token.type === "codespan" || token.type === "text" || token.type === "escape")
        return (token as Tokens.Codespan | Tokens.Text | Tokens.Escape).text;
      if (token.type === "html") return "";
      return "raw" in token ? token.raw : "";
    })
    .join("");
}

/** Every token of a document, nested ones included (list items, table cells, blockquotes, link texts). */
function allTokens(tokens: readonly Token[]): Token[] {
  const result: Token[] = [];
  const visit = (list: readonly Token[] | undefined) => {
    for (const token of list ?? []) {
      result.push(token);
      if ("tokens" in token && Array.isArray(token.tokens)) visit(token.tokens as Token[]);
      if (token.type === "list") for (const item of (token as Tokens.List).items) visit([item]);
      if (token.type === "table") {
        const table = token as Tokens.Table;
        for (const cell of table.header) visit(cell.tokens);
        for (const row of table.rows) for (const cell of row) visit(cell.tokens);
      }
    }
  };
  visit(tokens);
  return result;
}

/** The anchors GitHub gives the headings of a Markdown text, in order. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const token of allTokens(marked.lexer(markdown)))
    if (token.type === "heading") anchors.add(slugger.slug(plainText((token as Tokens.Heading).tokens)));
  return anchors;
}

/** The targets of the links and images of a Markdown text, in order (reference links resolved). */
export function linkTargets(markdown: string): string[] {
  return allTokens(marked.lexer(markdown))
    .filter((token) => token.type === "link" || token.type === "image")
    .map((token) => (token as Tokens.Link | Tokens.Image).href);
}

/**
 * The broken relative links of `files` (absolute paths of Markdown files under `root`): each link is resolved
 * against its file's folder; a target outside `root` counts as missing.
 */
export function brokenLinks(root: string, files: readonly string[]): BrokenLink[] {
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    let set = anchorsOf.get(file);
    if (set === undefined) {
      set = headingAnchors(readFileSync(file, "utf8"));
      anchorsOf.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    const name = relative(root, file);
    for (const href of linkTargets(readFileSync(file, "utf8"))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      const hash = href.indexOf("#");
      const pathPart = decodeURI(hash === -1 ? href : href.slice(0, hash)).replace(/\?.*$/, "");
      const anchor = hash === -1 ? undefined : decodeURIComponent(href.slice(hash + 1));
      const target = pathPart === "" ? file : resolve(dirname(file), pathPart);
      if (relative(root, target).startsWith("..")) {
        broken.push({ file: name, href, reason: "points outside the repository" });
        continue;
      }
      if (!existsSync(target)) {
        broken.push({ file: name, href, reason: `no such file: ${relative(root, target)}` });
        continue;
      }
      if (anchor === undefined || anchor === "") continue;
      if (statSync(target).isDirectory()) {
        const readme = join(target, "README.md");
        if (!existsSync(readme)) {
          broken.push({ file: name, href, reason: "an anchor on a folder without a README.md" });
          continue;
        }
        if (!anchors(readme).has(anchor))
          broken.push({ file: name, href, reason: `no heading #${anchor} in ${relative(root, readme)}` });
        continue;
      }
      if (!target.endsWith(".md")) {
        if (!/^L\d+(-L\d+)?$/.test(anchor))
          broken.push({ file: name, href, reason: `anchor #${anchor} on a file that is not Markdown` });
        continue;
      }
      if (!anchors(target).has(anchor))
        broken.push({ file: name, href, reason: `no heading #${anchor} in ${relative(root, target)}` });
    }
  }
  return broken;
}
