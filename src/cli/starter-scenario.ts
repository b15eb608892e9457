/**
 * The text `scalesim init` writes: a scenario that extends a preset, with the preset's own settings shown as
 * comments so that a user sees every knob and its current value, and uncomments only what differs.
 */
import { stringify } from "yaml";
import { presetMapping } from "./preset-info.ts";

function commented(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => (line === "" ? "#" : `# ${line}`))
    .join("\n");
}

/** Renders the starter scenario extending `preset`; `file` is the name it will be written to (for the hints). */
export function starterScenario(preset: string, file: string): string {
  const { description: _description, name: _name, extends: _extends, ...settings } = presetMapping(preset);
  const body =
    Object.keys(settings).length > 0 ? commented(stringify(settings, { lineWidth: 100 })) : "# (none)";
  return [
    `# scalesim scenario, started with: scalesim init --preset ${preset} ${file}`,
    "#",
    `# It extends the preset "${preset}": every setting not written here is the preset's.`,
    "# Uncomment and change what differs in your organisation, then:",
    `#   scalesim validate ${file}     check it (problems are listed with line and column)`,
    `#   scalesim run ${file}          run it and write a report`,
    "# Editor completion: scalesim schema --out scenario.schema.json, then add as the first line",
    "#   # yaml-language-server: $schema=./scenario.schema.json",
    "",
    `extends: ${preset}`,
    "name: My organisation",
    "description: Starter scenario; describe what this case represents.",
    "",
    `# Settings of the preset "${preset}", for reference:`,
    body,
    "",
  ].join("\n");
}
