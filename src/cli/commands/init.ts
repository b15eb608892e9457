/**
 * `scalesim init [--preset level-3] [file]`: writes a commented starter scenario that extends a preset; refuses
 * to overwrite an existing file unless `--force`.
 */
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { presetNames } from "../../scenario/index.ts";
import type { CliContext } from "../context.ts";
import { CliError, ExitCode } from "../exit-codes.ts";
import { fileSystemFailure } from "../file-system-error.ts";
import { initWritten, refuseOverwrite, unknownPreset } from "../messages.ts";
import { DEFAULT_INIT_FILE, DEFAULT_INIT_PRESET, type ParsedOptions } from "../options.ts";
import { starterScenario } from "../starter-scenario.ts";

/** Runs the `init` command; see the module comment. @throws CliError (exit 2) for an unknown preset or existing file */
export async function initCommand(
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const file = operands[0] ?? DEFAULT_INIT_FILE;
  const preset = options.preset ?? DEFAULT_INIT_PRESET;
  const presets = presetNames();
  if (!presets.includes(preset)) throw new CliError(ExitCode.usage, unknownPreset(preset, presets));
  const path = resolve(context.cwd, file);
  if (existsSync(path) && !options.force) throw new CliError(ExitCode.usage, refuseOverwrite(file));
  try {
    writeFileSync(path, starterScenario(preset, file));
  } catch (error) {
    throw fileSystemFailure(error, "write", file);
  }
  if (!options.quiet) context.stdout(`${initWritten(file, preset)}\n`);
}
