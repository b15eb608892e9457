/**
 * Builds the commander program from the command and option tables. Nothing here knows what a command does:
 * each action is loaded on demand (so `--help` and `--version` stay fast) and receives its operands, parsed
 * options and the {@link CliContext}.
 */
import { Command, Option } from "commander";
import { COMMANDS } from "./commands.ts";
import type { CliContext } from "./context.ts";
import { EXIT_CODE_MEANINGS } from "./exit-codes.ts";
import { type CommandName, type OptionSpec, optionsFor, type ParsedOptions } from "./options.ts";

/** A command's behaviour: resolves when done, throws `CliError` to choose a non-zero exit code. */
export type CommandAction = (
  operands: string[],
  options: ParsedOptions,
  context: CliContext,
) => Promise<void>;

/** Loads the action of each command lazily. */
const ACTIONS: Record<CommandName, () => Promise<CommandAction>> = {
  run: async () => (await import("./commands/run.ts")).runCommand,
  compare: async () => (await import("./commands/compare.ts")).compareCommand,
  sweep: async () => (await import("./commands/sweep.ts")).sweepCommand,
  merge: async () => (await import("./commands/merge.ts")).mergeCommand,
  validate: async () => (await import("./commands/validate.ts")).validateCommand,
  init: async () => (await import("./commands/init.ts")).initCommand,
  presets: async () => (await import("./commands/presets.ts")).presetsCommand,
  report: async () => (await import("./commands/report.ts")).reportCommand,
  schema: async () => (await import("./commands/schema.ts")).schemaCommand,
  worker: async () => (await import("./commands/worker.ts")).workerCommand,
  claims: async () => (await import("./commands/claims.ts")).claimsCommand,
};

/** Description of the whole program, shown at the top of `--help`. */
export const PROGRAM_DESCRIPTION =
  "Discrete-event and Monte Carlo simulator for scaling enterprise AI from pilots to a portfolio";

/** Converts one row of the option table into a commander option. */
export function toCommanderOption(spec: OptionSpec): Option {
  // commander prints "(default: ...)" only for options with a default value; defaults the command resolves
  // itself (number of CPUs, the sweep file's seed) are shown the same way through the description
  const description =
    spec.defaultValue === undefined && spec.defaultText !== undefined
      ? `${spec.description} (default: ${spec.defaultText})`
      : spec.description;
  const option = new Option(spec.flags, description);
  if (spec.parse) option.argParser(spec.parse);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue, spec.defaultText);
  return option;
}

/** Flattens commander's processed arguments (variadic ones are arrays, missing optional ones undefined). */
function operandsOf(command: Command): string[] {
  return (command.processedArgs as unknown[])
    .flat()
    .filter((value): value is string => typeof value === "string");
}

/**
 * Builds the `scalesim` program: help and errors go through `context`, and errors throw (exitOverride)
 * instead of exiting, so `main` decides the exit code.
 */
export function buildProgram(context: CliContext): Command {
  const program = new Command("scalesim")
    .description(PROGRAM_DESCRIPTION)
    .version(context.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .helpCommand("help [command]", "show help for a command")
    .exitOverride()
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr })
    .showHelpAfterError("(add --help for usage)")
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `\nExit codes:\n${EXIT_CODE_MEANINGS.map((entry) => `  ${String(entry.code).padEnd(3)}  ${entry.meaning}`).join("\n")}\n`,
    );
  for (const spec of COMMANDS) {
    const command = program.command(spec.name).summary(spec.summary).description(spec.summary);
    for (const argument of spec.arguments) command.argument(argument.syntax, argument.description);
    for (const option of optionsFor(spec.name)) command.addOption(toCommanderOption(option));
    command.helpOption("-h, --help", "show help");
    command.addHelpText("after", `\nExamples:\n${spec.examples.map((line) => `  $ ${line}`).join("\n")}\n`);
    command.action(async (...parameters: unknown[]) => {
      const self = parameters.at(-1) as Command;
      const action = await ACTIONS[spec.name]();
      await action(operandsOf(self), self.opts<ParsedOptions>(), context);
    });
  }
  return program;
}
