/**
 * Scenario issues as data (the zod habit: `{ path, message }`, rendering separate), the translation of zod
 * issues into them, and their rendering as `file:line:column  path: message` lines (the GNU error format,
 * https://www.gnu.org/prep/standards/html_node/Errors.html, so editors and CI annotate the right line).
 */
import type { z } from "zod";
import type { DocPath } from "./merge.ts";
import {
  allowedKeys,
  allowedValues,
  badFormat,
  didYouMean,
  fieldMeaning,
  mergeKeyUnsupported,
  noAlternative,
  notMultipleOf,
  notOneOf,
  outOfRange,
  required,
  unknownKey,
  wrongType,
} from "./messages.ts";
import { suggest } from "./suggest.ts";

/** One problem found in a scenario: where it is, which value, what is allowed. */
export interface ScenarioIssue {
  /** File the offending value was written in (as the user named it, or relative to cwd); absent for presets. */
  file?: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** 1-based column in `file`, when known. */
  column?: number;
  /** Dotted path in the scenario, e.g. `organisation.spokes[2].fte`; `""` for the whole file. */
  path: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** What is wrong and what is allowed, e.g. `expected a number >= 0, got -3`. */
  message: string;
  /** A second line: a did-you-mean, the allowed keys, or the field's description. */
  hint?: string;
}

/**
 * Renders a path the way a user reads it: `organisation.spokes[2].fte`; keys that are not plain words
 * are quoted: `tenants["eu west"]`.
 */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Orders issues by file, then line, then column (issues without a place first); stable otherwise. */
export function compareIssues(a: ScenarioIssue, b: ScenarioIssue): number {
  return (
    (a.file ?? "").localeCompare(b.file ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

/**
 * Renders issues one per line as `file:line:column  path: message`, each followed by an indented
 * `hint: ...` line when it has a hint; issues are sorted by file, line and column. Pure: no colour, no I/O.
 * @example formatIssues([{ file: "x.yaml", line: 12, column: 5, path: "organisation.hubFte", message: "expected a number >= 0, got -3" }])
 *   // => "x.yaml:12:5  organisation.hubFte: expected a number >= 0, got -3"
 */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  const sorted = [...issues].sort(compareIssues);
  const lines: string[] = [];
  for (const issue of sorted) {
    let where = issue.file ?? "";
    if (issue.file !== undefined && issue.line !== undefined) {
      where += `:${issue.line}`;
      if (issue.column !== undefined) where += `:${issue.column}`;
    }
    const what = issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
    lines.push(where === "" ? what : `${where}  ${what}`);
    if (issue.hint !== undefined) lines.push(`  hint: ${issue.hint}`);
  }
  return lines.join("\n");
}

/** An issue before it is placed in a file: path as segments, and whether it points at a key or a value. */
export interface UnplacedIssue {
  path: DocPath;
  /** True when the issue is about the key itself (unknown key), so the key's position is the one to report. */
  atKey: boolean;
  value?: unknown;
  message: string;
  hint?: string;
}

/**
 * Translates one zod issue into scenario issues in plain words (one per unknown key), using the schema
 * to list allowed keys, suggest the closest one and describe the field.
 * @param root the schema that produced the issue
 * @param document the value that was validated (to read offending values and pick union branches)
 */
export function fromZodIssue(
  issue: z.core.$ZodIssue,
  root: z.core.$ZodType,
  document: unknown,
): UnplacedIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const value = "input" in issue ? issue.input : valueAt(document, path);
  const field = schemaAt(root, path, document);
  const meaning = field?.description === undefined ? undefined : fieldMeaning(field.description);
  const withHint = (message: string, hint: string | undefined): UnplacedIssue =>
    hint === undefined
      ? { path, atKey: false, value, message }
      : { path, atKey: false, value, message, hint };
  switch (issue.code) {
    case "unrecognized_keys": {
      const keys = field === undefined ? [] : objectKeys(field.schema);
      return issue.keys.map((key) => {
        const close = suggest(key, keys);
        const hint =
          key === "<<"
            ? mergeKeyUnsupported()
            : close !== undefined
              ? didYouMean(close)
              : keys.length > 0
                ? allowedKeys(keys)
                : undefined;
        const placed: UnplacedIssue = {
          path: [...path, key],
          atKey: true,
          value: valueAt(document, [...path, key]),
          message: unknownKey(key),
        };
        if (hint !== undefined) placed.hint = hint;
        return placed;
      });
    }
    case "invalid_type":
      if (value === undefined) return [withHint(required(issue.expected), meaning)];
      return [withHint(wrongType(issue.expected, value), meaning)];
    case "too_small":
      return [
        withHint(outOfRange(issue.origin, "min", issue.minimum, issue.inclusive ?? true, value), meaning),
      ];
    case "too_big":
      return [
        withHint(outOfRange(issue.origin, "max", issue.maximum, issue.inclusive ?? true, value), meaning),
      ];
    case "invalid_value": {
      const close = typeof value === "string" ? suggest(value, issue.values.map(String)) : undefined;
      return [withHint(notOneOf(issue.values, value), close === undefined ? meaning : didYouMean(close))];
    }
    case "invalid_union": {
      const discriminated = issue as z.core.$ZodIssueInvalidUnion & {
        discriminator?: string;
        options?: unknown[];
      };
      if (discriminated.discriminator !== undefined && discriminated.options !== undefined) {
        const atDiscriminator = path[path.length - 1] === discriminated.discriminator;
        const discPath = atDiscriminator ? path : [...path, discriminated.discriminator];
        const written = valueAt(document, discPath);
        const options = discriminated.options.map(String);
        const close = typeof written === "string" ? suggest(written, options) : undefined;
        const placed: UnplacedIssue = {
          path: discPath,
          atKey: false,
          value: written,
          message: written === undefined ? required("string") : notOneOf(options, written),
        };
        placed.hint = close === undefined ? allowedValues(options) : didYouMean(close);
        return [placed];
      }
      return [withHint(noAlternative(value), meaning)];
    }
    case "invalid_format":
      if (issue.format === "regex") return [withHint(issue.message, meaning)];
      return [withHint(badFormat(issue.format, value), meaning)];
    case "not_multiple_of":
      return [withHint(notMultipleOf(issue.divisor, value), meaning)];
    default:
      return [withHint(issue.message, undefined)];
  }
}

/** The value at `path` inside a plain document, or `undefined`. */
export function valueAt(document: unknown, path: DocPath): unknown {
  let node = document;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

interface LooseDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  items?: z.core.$ZodType[];
  options?: z.core.$ZodType[];
  discriminator?: string;
  getter?: () => z.core.$ZodType;
}

const WRAPPERS = new Set(["default", "prefault", "optional", "nullable", "readonly", "catch", "nonoptional"]);

/** Strips wrappers (default, optional, pipe, lazy, ...) keeping the first description met on the way. */
function unwrap(schema: z.core.$ZodType): { schema: z.core.$ZodType; description?: string } {
  let current = schema;
  let description: string | undefined;
  for (let guard = 0; guard < 32; guard++) {
    description ??= (current as { description?: string }).description;
    const def = current._zod.def as unknown as LooseDef;
    const next = WRAPPERS.has(def.type)
      ? def.innerType
      : def.type === "pipe"
        ? def.in
        : def.type === "lazy"
          ? def.getter?.()
          : undefined;
    if (next === undefined) break;
    current = next;
  }
  return description === undefined ? { schema: current } : { schema: current, description };
}

/** The keys an object schema allows (empty when it is not an object). */
function objectKeys(schema: z.core.$ZodType): string[] {
  const def = schema._zod.def as unknown as LooseDef;
  return def.type === "object" && def.shape !== undefined ? Object.keys(def.shape) : [];
}

/**
 * The (unwrapped) schema that validates the value at `path`, following objects, lists, records, tuples and
 * unions (a discriminated union by the written discriminator; other unions by the first object branch that
 * has the key). `undefined` when the path leaves the schema.
 */
export function schemaAt(
  root: z.core.$ZodType,
  path: DocPath,
  document: unknown,
): { schema: z.core.$ZodType; description?: string } | undefined {
  let here = unwrap(root);
  for (let i = 0; i <= path.length; i++) {
    here = resolveUnion(here, valueAt(document, path.slice(0, i)), path[i]);
    if (i === path.length) return here;
    const segment = path[i]!;
    const def = here.schema._zod.def as unknown as LooseDef;
    let next: z.core.$ZodType | undefined;
    if (def.type === "object") next = def.shape?.[String(segment)];
    else if (def.type === "array") next = def.element;
    else if (def.type === "record") next = def.valueType;
    else if (def.type === "tuple" && typeof segment === "number") next = def.items?.[segment];
    if (next === undefined) return undefined;
    here = unwrap(next);
  }
  return here;
}

function resolveUnion(
  here: { schema: z.core.$ZodType; description?: string },
  value: unknown,
  nextSegment: string | number | undefined,
): { schema: z.core.$ZodType; description?: string } {
  const def = here.schema._zod.def as unknown as LooseDef;
  if (def.type !== "union" || def.options === undefined) return here;
  const options = def.options.map((option) => unwrap(option));
  let chosen: { schema: z.core.$ZodType; description?: string } | undefined;
  if (def.discriminator !== undefined && value !== null && typeof value === "object") {
    const written = (value as Record<string, unknown>)[def.discriminator];
    chosen = options.find((option) => {
      const values = (option.schema._zod as { propValues?: Record<string, Set<unknown>> }).propValues;
      return values?.[def.discriminator!]?.has(written as never) ?? false;
    });
  }
  chosen ??= options.find((option) =>
    nextSegment === undefined
      ? objectKeys(option.schema).length > 0 && value !== null && typeof value === "object"
      : objectKeys(option.schema).includes(String(nextSegment)),
  );
  if (chosen === undefined) return here;
  const description = chosen.description ?? here.description;
  return description === undefined ? { schema: chosen.schema } : { schema: chosen.schema, description };
}
