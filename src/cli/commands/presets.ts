/**
 * `scalesim presets`: lists the built-in presets (usable wherever a scenario is expected) with their descriptions.
 */
import { presetDescription, presetNames } from "../../scenario/index.ts";
import type { CliContext } from "../context.ts";
import type { ParsedOptions } from "../options.ts";

/** Runs the `presets` command; see the module comment. */
export async function presetsCommand(
  _operands: string[],
  options: ParsedOptions,
  context: CliContext,
): Promise<void> {
  const presets = presetNames().map((name) => ({ name, description: presetDescription(name) ?? "" }));
  if (options.json) {
    context.stdout(`${JSON.stringify({ command: "presets", presets }, null, 2)}\n`);
    return;
  }
  const width = Math.max(0, ...presets.map((preset) => preset.name.length));
  const lines = presets.map((preset) => `${preset.name.padEnd(width)}  ${preset.description}`.trimEnd());
  context.stdout(`${lines.join("\n")}\n`);
}
