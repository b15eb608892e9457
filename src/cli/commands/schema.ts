/**
 * `scalesim schema [--out file]`: prints (or writes) the JSON Schema of scenario files, for editor completion
 * and validation (`# yaml-language-server: $schema=...`).
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { scenarioJsonSchema } from "../../scenario/index.ts";
import type { CliContext } from "../context.ts";
import { fileSystemFailure } from "../file-system-error.ts";
import { schemaWritten } from "../messages.ts";
import type { ParsedOptions } from "../options.ts";

/** Runs the `schema` command; see the module comment. */
export async function schemaCommand(
  _operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (options.out === undefined) {
    context.stdout(text);
    return;
  }
  const path = resolve(context.cwd, options.out);
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw fileSystemFailure(error, "write", options.out);
  }
  if (!options.quiet) context.stderr(`${schemaWritten(options.out)}\n`);
}
