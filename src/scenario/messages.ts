/**
 * Every user-facing sentence of the scenario layer, one function per message (the vega-lite `log/message.ts`
 * habit): schemas, the loader and the renderer import from here, so wording is reviewed and changed in one place.
 * Messages are fragments without a trailing full stop; the path and location are added by `formatIssues`.
 */

/** Renders a value for a message: strings quoted, long values shortened. */
export function showValue(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** `min must be <= max` style message for an ordered pair of fields. */
export function orderedPair(lowKey: string, highKey: string, low: unknown, high: unknown): string {
  return `${lowKey} (${showValue(low)}) must be <= ${highKey} (${showValue(high)})`;
}

/** A list of thresholds that must strictly increase. */
export function notAscending(label: string, index: number, previous: number, current: number): string {
  return `${label} must be strictly increasing: ${label}[${index - 1}] is ${previous}, ${label}[${index}] is ${current}`;
}

/** A weight table whose entries must add up to 100 percentage points. */
export function weightsSum(sum: number, entries: Record<string, number>): string {
  const parts = Object.entries(entries)
    .map(([key, weight]) => `${key} ${weight}`)
    .join(" + ");
  return `weights must sum to 100, got ${round(sum)} (${parts})`;
}

/** Triangular/PERT: the mode must lie between min and max. */
export function modeOutsideRange(min: number, mode: number, max: number): string {
  return `mode must lie between min and max (min ${min} <= mode ${mode} <= max ${max})`;
}

/** Uniform, triangular, PERT: the range is reversed. */
export function reversedRange(min: number, max: number): string {
  return `min must be <= max, got min ${min} and max ${max}`;
}

/** Lognormal whose sd is so many times its mean that its log-parameters overflow. */
export function lognormalSpread(mean: number, sd: number): string {
  return `sd (${sd}) is too large relative to mean (${mean}) for a lognormal`;
}

/** A positive parameter so small that its reciprocal overflows. */
export function tooSmall(value: number): string {
  return `${value} is too close to 0 to be used as a mean`;
}

/** Empirical distribution without data. */
export function emptyData(): string {
  return "data must hold at least one number";
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Name of a kind of value, with its article, for "expected ..." (zod's type names to plain words). */
export function kindName(expected: string): string {
  const names: Record<string, string> = {
    number: "a number",
    int: "a whole number",
    string: "a text",
    boolean: "true or false",
    object: "a mapping (key: value)",
    array: "a list",
    record: "a mapping (key: value)",
    literal: "a fixed value",
    null: "null",
  };
  return names[expected] ?? `a ${expected}`;
}

/** What the user wrote, described for "got ...". */
export function gotValue(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === "object") return "a mapping";
  return showValue(value);
}

/** A required field is absent. */
export function required(expected: string): string {
  return `is required (${kindName(expected)})`;
}

/** Wrong kind of value. */
export function wrongType(expected: string, value: unknown): string {
  return `expected ${kindName(expected)}, got ${gotValue(value)}`;
}

/** A number, list or text outside its bounds. */
export function outOfRange(
  origin: string,
  direction: "min" | "max",
  bound: number | bigint,
  inclusive: boolean,
  value: unknown,
): string {
  if (origin === "array" || origin === "set") {
    const size = Array.isArray(value) ? value.length : "?";
    return `expected ${direction === "min" ? "at least" : "at most"} ${bound} items, got ${size}`;
  }
  if (origin === "string") {
    return `expected ${direction === "min" ? "at least" : "at most"} ${bound} characters, got ${showValue(value)}`;
  }
  const op = direction === "min" ? (inclusive ? ">=" : ">") : inclusive ? "<=" : "<";
  return `expected a number ${op} ${bound}, got ${showValue(value)}`;
}

/** A value not among the allowed options. */
export function notOneOf(values: readonly unknown[], value: unknown): string {
  return `expected one of ${values.map(showValue).join(", ")}, got ${gotValue(value)}`;
}

/** A text not in the required format. */
export function badFormat(format: string, value: unknown): string {
  const example: Record<string, string> = { date: " (YYYY-MM-DD)" };
  return `expected a ${format}${example[format] ?? ""}, got ${showValue(value)}`;
}

/** Currency that is not an ISO 4217 code. */
export function notCurrencyCode(value: unknown): string {
  return `expected a three-letter ISO 4217 currency code such as USD or EUR, got ${showValue(value)}`;
}

/** A number that must be a multiple of a step. */
export function notMultipleOf(step: number | bigint, value: unknown): string {
  return `expected a multiple of ${step}, got ${showValue(value)}`;
}

/** A value that matches none of the alternatives of a union. */
export function noAlternative(value: unknown): string {
  return `${gotValue(value)} matches none of the allowed forms`;
}

/** A key the schema does not know. */
export function unknownKey(key: string): string {
  return `unknown key ${JSON.stringify(key)}`;
}

/** Hint: the closest allowed word. */
export function didYouMean(candidate: string): string {
  return `did you mean ${JSON.stringify(candidate)}?`;
}

/** Hint: the allowed keys at a place (shortened when long). */
export function allowedKeys(keys: readonly string[]): string {
  const shown = keys.length > 12 ? [...keys.slice(0, 12), `... (${keys.length - 12} more)`] : keys;
  return `allowed here: ${shown.join(", ")}`;
}

/** Hint for a YAML 1.1 merge key (`<<: *base`), which YAML 1.2 and scenario files do not support. */
export function mergeKeyUnsupported(): string {
  return "merge keys (<<) are not supported; use extends: to build on another scenario";
}

/** Hint: the allowed values of a choice. */
export function allowedValues(values: readonly string[]): string {
  return `allowed: ${values.join(", ")}`;
}

/** Hint: the field's description from the schema. */
export function fieldMeaning(description: string): string {
  return description;
}

/** The scenario file does not exist. */
export function fileNotFound(): string {
  return "file not found";
}

/** The scenario file exists but cannot be read. */
export function fileUnreadable(reason: string): string {
  return `cannot read the file (${reason})`;
}

/** YAML/JSON syntax error as reported by the parser (its first line only). */
export function syntaxError(parserMessage: string): string {
  return `syntax error: ${parserMessage.split("\n")[0]}`;
}

/** A tag such as `!!js/function` or `!include`: scenario files are data, tags are not executed. */
export function tagNotAllowed(tag: string): string {
  return `tags are not allowed in scenario files, got ${tag}`;
}

/** Too many alias expansions (a "billion laughs" document). */
export function tooManyAliases(limit: number): string {
  return `too many alias (*name) expansions, more than ${limit}; scenario files must be plain data`;
}

/** The top level of a scenario file must be a mapping. */
export function notAMapping(value: unknown): string {
  return `a scenario file must be a mapping of sections (name:, organisation:, ...), got ${gotValue(value)}`;
}

/** `extends:` of the wrong shape. */
export function badExtends(value: unknown): string {
  return `extends must be a preset name or a file path, or a list of them, got ${gotValue(value)}`;
}

/** `extends:` names neither a preset nor a file path. */
export function unknownPreset(name: string): string {
  return `unknown preset ${JSON.stringify(name)} (a file path must end in .yaml, .yml or .json)`;
}

/** Hint: the preset names. */
export function presetList(names: readonly string[]): string {
  return `presets: ${names.join(", ")}`;
}

/** `extends:` names a file that does not exist. */
export function extendsNotFound(target: string): string {
  return `parent file not found: ${target}`;
}

/** `extends:` chain that comes back to itself. */
export function circularExtends(chain: readonly string[]): string {
  return `circular extends: ${chain.join(" -> ")}`;
}

/** `extends:` chain deeper than the limit. */
export function extendsTooDeep(limit: number): string {
  return `extends chain deeper than ${limit} files`;
}

/** A preset may only extend other presets. */
export function presetExtendsFile(preset: string, target: string): string {
  return `preset ${preset} may only extend presets, not the file ${target}`;
}

/** Heading of the rendered list of issues. */
export function issueCount(count: number): string {
  return count === 1 ? "1 problem in the scenario" : `${count} problems in the scenario`;
}

/** A path that is not a regular file (a folder, FIFO, device, socket). */
export function notARegularFile(kind: string): string {
  return `not a regular file (it is a ${kind}); only ordinary files are read`;
}

/** A file above the size cap (`bytes` undefined when it was only found while reading). */
export function fileTooLarge(bytes: number | undefined, limit: number): string {
  return `file too large: ${bytes ?? `more than ${limit}`} bytes; at most ${limit} bytes (${limit / 1024 / 1024} MiB) are read`;
}

/** Bytes that are not UTF-8. */
export function notUtf8(): string {
  return "the file is not valid UTF-8 text";
}

/** A NUL byte: scenario files are text. */
export function nulByte(): string {
  return "the file contains a NUL byte; scenario files are text";
}

/** A JSON file that is not strict JSON (NaN, comments, trailing commas...). */
export function notStrictJson(parserMessage: string): string {
  return `not valid JSON: ${parserMessage.split("\n")[0]}`;
}

/** `extends:` file path without a scenario file extension. */
export function extendsNeedsExtension(target: string): string {
  return `extends file ${JSON.stringify(target)} must end in .yaml, .yml or .json`;
}

/** `extends:` graph that reads too many files. */
export function tooManyLoads(limit: number): string {
  return `extends reads more than ${limit} files; at most ${limit} files (each counted once) make one scenario`;
}

/** The parser ran out of stack on deeply nested lists or mappings. */
export function nestingTooDeep(): string {
  return "nested too deeply (lists or mappings inside each other thousands of levels deep)";
}

/** Issues beyond the first `shown` are summarised in one line. */
export function moreIssues(count: number): string {
  return `... and ${count} more problem${count === 1 ? "" : "s"} not shown`;
}

/** A job profile wider than the cluster its jobs run on: they run narrowed (a warning, not an error). */
export function jobWiderThanCluster(
  jobs: string,
  width: number,
  cluster: string,
  maxPath: string,
  maxNodes: number,
): string {
  return `${jobs} ask for ${width} nodes but cluster "${cluster}" has at most ${maxNodes} (${maxPath}): they run narrowed to ${maxNodes} nodes, so their node-hours and waits are not those of ${width}-node jobs (counted in the KPI cluster.jobsNarrowed)`;
}

/** A roadmap effect on the platform while `platform.enabled` is false (a warning: it changes nothing). */
export function platformEffectWhileOff(path: string): string {
  return `roadmap effect ${JSON.stringify(path)} changes nothing: the platform is off (platform.enabled: false), so jobs just take their run time`;
}
