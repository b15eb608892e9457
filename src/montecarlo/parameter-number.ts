/**
 * The numeric reading of a sweep parameter value for the measures that need numbers (SRC, PRCC, PRIM boxes):
 * finite numbers as they are, booleans as 0 and 1, text as nothing.
 */
import type { ParameterValue } from "../scenario/parameter-path.ts";

/** `value` as a number, or undefined when it has no numeric reading. */
export function parameterNumber(value: ParameterValue | undefined): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return undefined;
}
