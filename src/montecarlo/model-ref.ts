/**
 * Which replication function the pool calls, named by module so that worker threads can import it.
 * The default is the model's `simulate` (src/model/simulate.ts under tsx, dist/src/model/simulate.js when
 * compiled); tests and other models pass their own module.
 */
import { pathToFileURL } from "node:url";
import type { ReplicationResult, SimulateOptions } from "../model/result.ts";

/** A function that runs one replication of a scenario, deterministic in (scenario, seed, replication). */
export type ReplicationFunction = (scenario: never, options: SimulateOptions) => ReplicationResult;

/** A replication function named by module: `module` is an absolute path or a file: URL. */
export interface ModelRef {
  module: string;
  /** Export to call (default "simulate"). */
  exportName?: string;
}

/** The model's own `simulate`, next to this module in src/ or dist/. */
export function defaultModel(): Required<ModelRef> {
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  return { module: new URL(`../model/simulate${extension}`, import.meta.url).href, exportName: "simulate" };
}

/**
 * `ref` with the module as a file: URL and the export name filled in.
 *
 * @throws {TypeError} when module is not a non-empty string.
 */
export function resolveModel(ref: ModelRef | undefined): Required<ModelRef> {
  if (ref === undefined) return defaultModel();
  if (typeof ref.module !== "string" || ref.module.length === 0) {
    throw new TypeError(`model.module must be a file path or file: URL, got ${JSON.stringify(ref.module)}`);
  }
  const module = ref.module.startsWith("file:") ? ref.module : pathToFileURL(ref.module).href;
  return { module, exportName: ref.exportName ?? "simulate" };
}

const loaded = new Map<string, Promise<ReplicationFunction>>();

/**
 * Imports the module of `ref` (once per thread) and returns its replication function.
 *
 * @throws {TypeError} when the export is not a function.
 */
export function loadReplicationFunction(ref: Required<ModelRef>): Promise<ReplicationFunction> {
  const key = `${ref.module}#${ref.exportName}`;
  let promise = loaded.get(key);
  if (promise === undefined) {
    promise = import(ref.module).then((module: Record<string, unknown>) => {
      const fn = module[ref.exportName];
      if (typeof fn !== "function") {
        throw new TypeError(`${ref.module} does not export a function named ${ref.exportName}`);
      }
      return fn as ReplicationFunction;
    });
    loaded.set(key, promise);
  }
  return promise;
}
