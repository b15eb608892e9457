/**
 * Scenario loading, in numbered steps (the pipeline reads top to bottom):
 *
 *   text --1 parse (yaml, positions kept)--> Document --2 plain data--> value
 *        --3 resolve extends (presets, files; cycle check)--> layers --4 deep merge (owners per key)-->
 *        --5 validate (zod, all issues)--> Scenario | ScenarioIssue[] (6: each issue placed at file:line:column)
 *
 * Scenario files are data: YAML is parsed with the `yaml` package's safe core schema, no custom tags, any
 * explicit tag other than the core ones (`!!str`, `!!int`, ...) is an issue, and alias expansion is capped
 * (`maxAliasCount`) against "billion laughs" documents (https://en.wikipedia.org/wiki/Billion_laughs_attack).
 * JSON files go through the same parser: YAML 1.2 is a superset of JSON (YAML 1.2.2 spec, §1.3), so they get
 * line and column too. Bad input never throws: every problem comes back as a `ScenarioIssue`.
 */
import { dirname, isAbsolute, relative, resolve } from "node:path";
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from "yaml";
import type { z } from "zod";
import { compareIssues, formatPath, fromZodIssue, type ScenarioIssue, type UnplacedIssue } from "./issues.ts";
import { MAX_EXTENDS_LOADS, MAX_SCENARIO_FILE_BYTES } from "./limits.ts";
import { type DocPath, deepMerge, fromLayer, isMapping, type MergedDocument, ownerOf } from "./merge.ts";
import {
  badExtends,
  circularExtends,
  didYouMean,
  extendsNeedsExtension,
  extendsNotFound,
  extendsTooDeep,
  fileNotFound,
  moreIssues,
  nestingTooDeep,
  notAMapping,
  notStrictJson,
  presetExtendsFile,
  presetList,
  syntaxError,
  tagNotAllowed,
  tooManyAliases,
  tooManyLoads,
  unknownPreset,
} from "./messages.ts";
import { presetDocument, presetNames } from "./presets/index.ts";
import { readSourceText } from "./read-source.ts";
import { type ScenarioWarning, scenarioWarnings } from "./scenario-warnings.ts";
import { type Scenario, scenarioSchema } from "./schema.ts";
import { suggest } from "./suggest.ts";

/**
 * Outcome of loading a scenario: the validated scenario (with `warnings` when it runs, but not as written:
 * scenario-warnings.ts), or every issue found.
 */
export type LoadResult<T = Scenario> =
  | { ok: true; scenario: T; warnings?: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

/** Where scenario text came from, for messages and for resolving relative `extends:` paths. */
export interface ParseOptions {
  /** File name shown in issues; default `"<scenario>"`. */
  file?: string;
  /** Directory relative `extends:` paths resolve against; default the directory of `file`, else the cwd. */
  baseDir?: string;
}

/** The presets a loader knows. */
export interface PresetSource {
  names(): readonly string[];
  /** A fresh copy of the preset's document, or `undefined` for an unknown name. */
  document(name: string): Record<string, unknown> | undefined;
}

/** What a loader validates against; `scenarioLoader` with the real schema backs `parseScenario`. */
export interface LoaderConfig<T> {
  schema: z.ZodType<T>;
  presets: PresetSource;
  /** Maximum alias expansions per file (yaml's `maxAliasCount`); default 100. */
  maxAliasCount?: number;
  /** Maximum `extends:` depth; default 16. */
  maxExtendsDepth?: number;
  /** Largest file read, in bytes; default {@link MAX_SCENARIO_FILE_BYTES}. */
  maxFileBytes?: number;
  /** Most distinct files one load reads (the root and every file it extends); default {@link MAX_EXTENDS_LOADS}. */
  maxLoads?: number;
  /** Warnings about a valid value, given the merged document as written (placed like issues); default none. */
  warnings?: (value: T, document: Record<string, unknown>) => ScenarioWarning[];
}

/** A loader bound to a schema and presets. */
export interface ScenarioLoader<T> {
  /** Validates scenario text; `extends:` files are read synchronously relative to `baseDir`. */
  parse(text: string, options?: ParseOptions): LoadResult<T>;
  /** Reads and validates a scenario file (YAML or JSON). */
  load(path: string): Promise<LoadResult<T>>;
}

const CORE_TAGS = new Set([
  "tag:yaml.org,2002:str",
  "tag:yaml.org,2002:int",
  "tag:yaml.org,2002:float",
  "tag:yaml.org,2002:bool",
  "tag:yaml.org,2002:null",
  "tag:yaml.org,2002:map",
  "tag:yaml.org,2002:seq",
]);

const FILE_PATTERN = /[/\\]|\.(ya?ml|json)$/i;
const EXTENSION = /\.(ya?ml|json)$/i;

/** Issues shown at most; a file of garbage would otherwise be echoed line by line. */
const MAX_ISSUES = 50;

/** One source document in an `extends:` chain. */
interface Layer {
  /** File as shown to the user, or `(preset name)`. */
  display: string;
  doc?: Document.Parsed;
  lineCounter?: LineCounter;
}

/**
 * Builds a loader for `schema`; the exported `parseScenario`/`loadScenario` use the real scenario schema and
 * presets, tests and tools may bind their own.
 */
export function scenarioLoader<T>(config: LoaderConfig<T>): ScenarioLoader<T> {
  const maxAliasCount = config.maxAliasCount ?? 100;
  const maxDepth = config.maxExtendsDepth ?? 16;
  const maxFileBytes = config.maxFileBytes ?? MAX_SCENARIO_FILE_BYTES;
  const maxLoads = config.maxLoads ?? MAX_EXTENDS_LOADS;

  function run(text: string, display: string, absPath: string | undefined, baseDir: string): LoadResult<T> {
    const layers: Layer[] = [];
    const issues: ScenarioIssue[] = [];
    // each file is read and merged with its parents once, however often the extends graph reaches it
    const loadedFiles = new Map<string, MergedDocument | undefined>();
    if (absPath !== undefined) loadedFiles.set(absPath, undefined);

    const place = (layer: number | undefined, issue: UnplacedIssue): ScenarioIssue => {
      const out: ScenarioIssue = { path: formatPath(issue.path), message: issue.message };
      const source = layer === undefined ? undefined : layers[layer];
      if (source !== undefined) {
        out.file = source.display;
        if (source.doc !== undefined && source.lineCounter !== undefined) {
          const node = findNode(source.doc, issue.path, issue.atKey);
          if (node?.range !== undefined && node.range !== null) {
            const pos = source.lineCounter.linePos(node.range[0]);
            out.line = pos.line;
            out.column = pos.col;
          }
        }
      }
      if (issue.value !== undefined) out.value = issue.value;
      if (issue.hint !== undefined) out.hint = issue.hint;
      return out;
    };

    /** Steps 1-2 for one file: parse and convert to plain data; `undefined` after reporting issues. */
    const readLayer = (
      source: string,
      shownAs: string,
    ): { layer: number; value: Record<string, unknown> } | undefined => {
      const lineCounter = new LineCounter();
      if (/\.json$/i.test(shownAs)) {
        // YAML reads NaN, comments and trailing commas in JSON as plain text; a .json file must be strict JSON
        try {
          JSON.parse(source);
        } catch (error) {
          const issue: ScenarioIssue = {
            file: shownAs,
            path: "",
            message: notStrictJson(String((error as Error).message)),
          };
          const at = /position (\d+)/.exec(String((error as Error).message));
          if (at !== null) {
            const before = source.slice(0, Number(at[1]));
            issue.line = before.split("\n").length;
            issue.column = before.length - before.lastIndexOf("\n");
          }
          issues.push(issue);
          return undefined;
        }
      }
      let doc: Document.Parsed;
      try {
        doc = parseDocument(source, { lineCounter, uniqueKeys: true, strict: true, customTags: [] });
      } catch (error) {
        if (!isStackOverflow(error)) throw error;
        issues.push({ file: shownAs, path: "", message: nestingTooDeep() });
        return undefined;
      }
      const layer = layers.push({ display: shownAs, doc, lineCounter }) - 1;
      const start = issues.length;
      for (const error of [...doc.errors, ...doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")]) {
        const pos = error.linePos?.[0];
        const parserMessage = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "");
        const issue: ScenarioIssue = {
          file: shownAs,
          path: "",
          message: /call stack/i.test(parserMessage) ? nestingTooDeep() : syntaxError(parserMessage),
        };
        if (pos !== undefined) {
          issue.line = pos.line;
          issue.column = pos.col;
        }
        issues.push(issue);
      }
      visit(doc, (_key, node) => {
        if (!(isScalar(node) || isMap(node) || isSeq(node))) return;
        const tag = node.tag;
        if (tag === undefined || CORE_TAGS.has(tag)) return;
        const written = shortTag(tag);
        const issue: ScenarioIssue = { file: shownAs, path: "", message: tagNotAllowed(written) };
        if (node.range) {
          // The node's range starts after its tag; point at the tag itself when it is on the same line.
          const tagAt = source.lastIndexOf(written, node.range[0]);
          const lineStart = source.lastIndexOf("\n", node.range[0]) + 1;
          const pos = lineCounter.linePos(tagAt >= lineStart ? tagAt : node.range[0]);
          issue.line = pos.line;
          issue.column = pos.col;
        }
        issues.push(issue);
      });
      if (issues.length > start) return undefined;
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount });
      } catch (error) {
        if (isStackOverflow(error)) {
          issues.push({ file: shownAs, path: "", message: nestingTooDeep() });
          return undefined;
        }
        // yaml throws a ReferenceError when alias expansion exceeds maxAliasCount; anything else is our bug
        if (!(error instanceof ReferenceError)) throw error;
        const issue: ScenarioIssue = { file: shownAs, path: "", message: tooManyAliases(maxAliasCount) };
        visit(doc, {
          Alias(_key, alias) {
            if (alias.range) {
              const pos = lineCounter.linePos(alias.range[0]);
              issue.line = pos.line;
              issue.column = pos.col;
            }
            return visit.BREAK;
          },
        });
        issues.push(issue);
        return undefined;
      }
      if (value === null || value === undefined) value = {};
      if (!isMapping(value)) {
        issues.push(place(layer, { path: [], atKey: false, value, message: notAMapping(value) }));
        return undefined;
      }
      return { layer, value };
    };

    /** Step 3-4: resolves `extends` of a layer and merges parents first. */
    const withParents = (
      layer: number,
      value: Record<string, unknown>,
      context: { dir: string | undefined; stack: readonly string[]; preset: string | undefined },
    ): MergedDocument | undefined => {
      const { extends: parents, ...own } = value;
      const ownDoc = fromLayer(own, layer);
      if (parents === undefined) return ownDoc;
      const entries = typeof parents === "string" ? [parents] : parents;
      if (
        !Array.isArray(entries) ||
        entries.length === 0 ||
        !entries.every((e) => typeof e === "string" && e !== "")
      ) {
        issues.push(
          place(layer, { path: ["extends"], atKey: false, value: parents, message: badExtends(parents) }),
        );
        return undefined;
      }
      let base: MergedDocument | undefined;
      let failed = false;
      for (const [index, entry] of (entries as string[]).entries()) {
        const at: DocPath = typeof parents === "string" ? ["extends"] : ["extends", index];
        const report = (message: string, hint?: string) => {
          const issue: UnplacedIssue = { path: at, atKey: false, value: entry, message };
          if (hint !== undefined) issue.hint = hint;
          issues.push(place(layer, issue));
          failed = true;
        };
        let parent: MergedDocument | undefined;
        if (config.presets.names().includes(entry)) {
          const id = `preset:${entry}`;
          if (context.stack.includes(id)) {
            report(circularExtends(chainOf(context.stack, id)));
            continue;
          }
          if (context.stack.length >= maxDepth) {
            report(extendsTooDeep(maxDepth));
            continue;
          }
          const document = config.presets.document(entry) ?? {};
          const presetLayer = layers.push({ display: `(preset ${entry})` }) - 1;
          parent = withParents(presetLayer, document, {
            dir: undefined,
            stack: [...context.stack, id],
            preset: entry,
          });
        } else if (FILE_PATTERN.test(entry)) {
          if (context.preset !== undefined || context.dir === undefined) {
            report(presetExtendsFile(context.preset ?? "", entry));
            continue;
          }
          if (!EXTENSION.test(entry)) {
            report(extendsNeedsExtension(entry));
            continue;
          }
          const target = resolve(context.dir, entry);
          if (context.stack.includes(target)) {
            report(circularExtends(chainOf(context.stack, target)));
            continue;
          }
          if (context.stack.length >= maxDepth) {
            report(extendsTooDeep(maxDepth));
            continue;
          }
          if (loadedFiles.has(target)) {
            parent = loadedFiles.get(target);
            if (parent === undefined) failed = true;
            else base = base === undefined ? parent : deepMerge(base, parent);
            continue;
          }
          if (loadedFiles.size >= maxLoads) {
            report(tooManyLoads(maxLoads));
            continue;
          }
          loadedFiles.set(target, undefined);
          const source = readSourceText(target, maxFileBytes);
          if (!source.ok) {
            report(source.missing ? extendsNotFound(shown(target)) : `${shown(target)}: ${source.message}`);
            continue;
          }
          const read = readLayer(source.text, shown(target));
          if (read === undefined) {
            failed = true;
            continue;
          }
          parent = withParents(read.layer, read.value, {
            dir: dirname(target),
            stack: [...context.stack, target],
            preset: undefined,
          });
          loadedFiles.set(target, parent);
        } else {
          const names = config.presets.names();
          const close = suggest(entry, names);
          report(unknownPreset(entry), close !== undefined ? didYouMean(close) : presetList(names));
          continue;
        }
        if (parent === undefined) failed = true;
        else base = base === undefined ? parent : deepMerge(base, parent);
      }
      if (failed || base === undefined) return undefined;
      return deepMerge(base, ownDoc);
    };

    const root = readLayer(text, display);
    if (root === undefined) return { ok: false, issues };
    const stackStart = absPath === undefined ? [] : [absPath];
    const merged = withParents(root.layer, root.value, {
      dir: baseDir,
      stack: stackStart,
      preset: undefined,
    });
    if (merged === undefined) return { ok: false, issues };

    // Step 5: validate the merged document; the root's own `extends` stays visible in the result.
    const document: Record<string, unknown> = { ...merged.value };
    if (root.value.extends !== undefined) document.extends = root.value.extends;
    const parsed = config.schema.safeParse(document, { reportInput: true });
    if (parsed.success) {
      const warnings = (config.warnings?.(parsed.data, document) ?? []).map((w) =>
        place(ownerOf(merged, w.path) ?? root.layer, { ...w, atKey: false }),
      );
      if (warnings.length === 0) return { ok: true, scenario: parsed.data };
      return { ok: true, scenario: parsed.data, warnings: warnings.sort(compareIssues) };
    }
    for (const zodIssue of parsed.error.issues) {
      for (const issue of fromZodIssue(zodIssue, config.schema, document)) {
        // Step 6: the layer that wrote the value (child over parent); a pure default points at the root file.
        issues.push(place(ownerOf(merged, issue.path) ?? root.layer, issue));
      }
    }
    return { ok: false, issues };
  }

  return {
    parse(text, options = {}) {
      const display = options.file ?? "<scenario>";
      const absPath = options.file === undefined ? undefined : resolve(options.file);
      const baseDir = options.baseDir ?? (absPath === undefined ? process.cwd() : dirname(absPath));
      return guard(display, () => sorted(run(text, display, absPath, baseDir)));
    },
    async load(path) {
      const source = readSourceText(path, maxFileBytes);
      if (!source.ok) {
        const message = source.missing ? fileNotFound() : source.message;
        return { ok: false, issues: [{ file: path, path: "", message }] };
      }
      const absPath = resolve(path);
      return guard(path, () => sorted(run(source.text, path, absPath, dirname(absPath))));
    },
  };
}

/**
 * Last line of defence for "never a stack trace": an exception here is a bug in scalesim, not in the
 * scenario, so it is rethrown with the file name rather than turned into a user issue.
 */
function guard<R>(display: string, body: () => R): R {
  try {
    return body();
  } catch (error) {
    throw new Error(`internal error while loading ${display}`, { cause: error });
  }
}

/**
 * Issues in reading order (file, line, column), so results are stable for callers and tests; beyond
 * {@link MAX_ISSUES} one line says how many more there are (a file of garbage is not echoed line by line).
 */
function sorted<T>(result: LoadResult<T>): LoadResult<T> {
  if (result.ok) return result;
  const issues = [...result.issues].sort(compareIssues);
  if (issues.length <= MAX_ISSUES) return { ok: false, issues };
  const more = issues.length - MAX_ISSUES;
  return { ok: false, issues: [...issues.slice(0, MAX_ISSUES), { path: "", message: moreIssues(more) }] };
}

/** True for V8's "Maximum call stack size exceeded" (deep nesting in the parser). */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The cycle as the user sees it: from the first occurrence of `id` back to `id`. */
function chainOf(stack: readonly string[], id: string): string[] {
  return [...stack.slice(stack.indexOf(id)), id].map((entry) =>
    entry.startsWith("preset:") ? entry.slice("preset:".length) : shown(entry),
  );
}

/** A path relative to the cwd when that is shorter, as users typed it. */
function shown(absPath: string): string {
  const rel = relative(process.cwd(), absPath);
  return rel !== "" && !isAbsolute(rel) && rel.length < absPath.length ? rel : absPath;
}

function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

/**
 * The deepest node of `doc` along `path` (the value node, or with `atKey` the key node of the last step);
 * aliases are followed. A list index met at a mapping is skipped: the path leads into an item expanded from a
 * compact form (`tenants: { count: 20, ... }`), whose fields are the mapping's.
 */
function findNode(doc: Document.Parsed, path: DocPath, atKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let found = (node ?? undefined) as Node | undefined;
  let keyOfFound: Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let key: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      // a list index into a mapping: an item of a compact form (repetition.ts) that stands for the whole list,
      // so its fields are looked up in the mapping the user wrote
      if (pair === undefined && typeof segment === "number") continue;
      if (pair === undefined) break;
      key = pair.key as Node;
      if (atKey && i === path.length - 1) return key;
      next = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === "number") {
      next = node.items[segment];
    }
    if (next === undefined || next === null) break;
    node = next;
    found = next as Node;
    keyOfFound = key;
  }
  // A block mapping or list starts on the line after its key; the key is where the user looks for it.
  if ((isMap(found) || isSeq(found)) && !found.flow && keyOfFound !== undefined) return keyOfFound;
  return found;
}

let defaultLoader: ScenarioLoader<Scenario> | undefined;

function loader(): ScenarioLoader<Scenario> {
  defaultLoader ??= scenarioLoader({
    schema: scenarioSchema,
    presets: { names: presetNames, document: (name) => presetDocument(name) },
    warnings: scenarioWarnings,
  });
  return defaultLoader;
}

/**
 * Validates scenario text (YAML or JSON) against the scenario schema, resolving `extends:` (presets and files
 * relative to `options.baseDir`) and merging parents first. Never throws for bad input.
 * @example parseScenario("extends: level-3\nhorizonMonths: 24\n", { file: "x.yaml" })
 */
export function parseScenario(text: string, options: ParseOptions = {}): LoadResult {
  return loader().parse(text, options);
}

/**
 * Reads a scenario file (YAML or JSON) and validates it as `parseScenario` does; a missing or unreadable file
 * is an issue, not an exception.
 */
export function loadScenario(path: string): Promise<LoadResult> {
  return loader().load(path);
}
