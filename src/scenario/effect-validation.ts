/**
 * Roadmap effects checked like the scenario itself (issue 10, point 9). An effect names a parameter with a dotted
 * path (parameter-path.ts: `organisation.spokes.count`, `demand.businessUnits[1].ratePerMonth`,
 * `platform.clusters[0].maxNodes`) and the value it takes when its investment completes. The path is followed
 * through the scenario as loaded (defaults filled in, so list items are the scenario's own), a step that names
 * nothing gets a did-you-mean from the keys that exist there, the value must have the parameter's type, and the
 * scenario with the value in place must pass the schema's own rules (bounds, cross-field checks), with the
 * schema's own message.
 *
 * What may change during a run: the delivery sections (organisation, demand, portfolio, lifecycle, governance,
 * finance), except the business units (their arrivals are scheduled when the run starts). Platform parameters are
 * checked the same way and then refused with a plain reason: the platform is built once when the run starts and
 * has no way yet to be rebuilt mid-run (see docs/model.md).
 */
import type { DocPath } from "./merge.ts";
import { FORBIDDEN_SEGMENTS, pathKeys, pathProblem } from "./parameter-path.ts";
import { suggest } from "./suggest.ts";

/** Sections whose parameters a roadmap effect may change during a run. */
export const EFFECT_SECTIONS: readonly string[] = [
  "organisation",
  "demand",
  "portfolio",
  "lifecycle",
  "governance",
  "finance",
];

/** A roadmap effect's problem, as data: where (relative to the effect) and what. */
export interface EffectIssue {
  /** `["path"]` or `["value"]`: the effect field to point at. */
  field: "path" | "value";
  message: string;
}

/** Checks a document with one value set: the first issue's path and message, or undefined when it is valid. */
export type DocumentCheck = (
  document: Record<string, unknown>,
) => { path: DocPath; message: string } | undefined;

function kindOf(node: unknown): string {
  if (Array.isArray(node)) return "a list";
  if (node !== null && typeof node === "object") return "a mapping";
  return `a ${typeof node}`;
}

/**
 * Why `path` cannot name a number or true/false parameter of `document` (the parsed scenario or its delivery
 * sections), or undefined when it does. A missing step names the closest existing key.
 */
export function effectPathProblem(
  document: unknown,
  path: string,
  value: number | boolean,
): string | undefined {
  const malformed = pathProblem(path);
  if (malformed !== undefined) return `roadmap effect path: ${malformed}`;
  const keys = pathKeys(path);
  let node: unknown = document;
  for (const [i, key] of keys.entries()) {
    const here = keys.slice(0, i).join(".");
    if (
      node === null ||
      typeof node !== "object" ||
      FORBIDDEN_SEGMENTS.has(key) ||
      !Object.hasOwn(node, key)
    ) {
      const where = here === "" ? "at the top" : `under ${here}`;
      const options = node !== null && typeof node === "object" ? Object.keys(node) : [];
      const near = Array.isArray(node) ? undefined : suggest(key, options);
      const hint =
        near === undefined
          ? Array.isArray(node)
            ? ` (the list has ${node.length} item${node.length === 1 ? "" : "s"}${node.length > 0 ? `, index 0 to ${node.length - 1}` : ""})`
            : ""
          : `; did you mean ${JSON.stringify([...keys.slice(0, i), near, ...keys.slice(i + 1)].join("."))}?`;
      return `roadmap effect path ${JSON.stringify(path)} names no parameter (no ${JSON.stringify(key)} ${where})${hint}`;
    }
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node !== "number" && typeof node !== "boolean")
    return `roadmap effect path ${JSON.stringify(path)} must name a number or true/false parameter, but names ${kindOf(node)}`;
  if (typeof node !== typeof value)
    return `roadmap effect ${JSON.stringify(path)} needs a ${typeof node === "boolean" ? "true/false" : "number"}, got ${JSON.stringify(value)}`;
  return undefined;
}

/**
 * Every problem of one effect against the parsed `scenario`: the path (did-you-mean, allowed sections, type),
 * then the value (the scenario with it in place must pass `check`, which reports the schema's message).
 */
export function effectIssues(
  scenario: Record<string, unknown>,
  path: string,
  value: number | boolean,
  check: DocumentCheck,
): EffectIssue[] {
  const problem = effectPathProblem(scenario, path, value);
  if (problem !== undefined) return [{ field: "path", message: problem }];
  const keys = pathKeys(path);
  const section = keys[0]!;
  const document = structuredClone(scenario);
  document.roadmap = { investments: [] };
  setOwn(document, keys, value);
  const invalid = check(document);
  if (invalid !== undefined)
    return [{ field: "value", message: `after this effect, ${invalid.path.join(".")}: ${invalid.message}` }];
  if (/^demand\.businessUnits(\.|$)/.test(keys.join(".")))
    return [
      {
        field: "path",
        message: `roadmap effect ${JSON.stringify(path)}: business units cannot change during a run yet (each unit's arrivals are scheduled when the run starts); use demand.businessUnits[i].ramp for demand that grows`,
      },
    ];
  if (!EFFECT_SECTIONS.includes(section))
    return [
      {
        field: "path",
        message:
          section === "platform"
            ? `roadmap effect ${JSON.stringify(path)}: platform parameters cannot change during a run yet (the platform is built once at month 0); set it in the scenario's platform section, or compare two scenarios`
            : `roadmap effect ${JSON.stringify(path)}: only ${EFFECT_SECTIONS.join(", ")} parameters can change during a run`,
      },
    ];
  return [];
}

function setOwn(document: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = document;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  Object.defineProperty(node, keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}
