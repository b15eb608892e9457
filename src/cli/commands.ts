/**
 * The subcommands of `scalesim`, declared as data next to the option table: name, positional arguments,
 * one-line summary and examples. `program.ts` wires them to their actions; `cli-reference.ts` renders them.
 */
import type { CommandName } from "./options.ts";

/** One positional argument in commander syntax (`<name>` required, `[name]` optional, `...` variadic). */
export interface ArgumentSpec {
  syntax: string;
  description: string;
}

/** One subcommand, as data. */
export interface CommandSpec {
  name: CommandName;
  arguments: readonly ArgumentSpec[];
  summary: string;
  examples: readonly string[];
}

/** What a scenario argument may be, shared by several commands. */
const SCENARIO_ARGUMENT = "scenario file (.yaml, .yml or .json) or preset name (see `scalesim presets`)";

/** The command table, in the order `--help` and the README list the commands. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "run",
    arguments: [
      { syntax: "[scenario...]", description: `${SCENARIO_ARGUMENT}; default: the financial-services case` },
    ],
    summary: "run Monte Carlo replications of each scenario and write a report per scenario",
    examples: [
      "scalesim run scenarios/financial-services.yaml -n 500",
      "scalesim run level-3 --until-ci 2% --json",
      "scalesim run level-3 --seed 7 --replay 42",
    ],
  },
  {
    name: "compare",
    arguments: [
      { syntax: "<baseline>", description: SCENARIO_ARGUMENT },
      {
        syntax: "<alternatives...>",
        description: "scenarios compared against the baseline on common random numbers",
      },
    ],
    summary: "compare scenarios on the same random numbers and report the paired differences",
    examples: ["scalesim compare level-2 level-3 level-4 -n 300"],
  },
  {
    name: "sweep",
    arguments: [{ syntax: "<sweep-file>", description: "sweep definition (.yaml or .json)" }],
    summary: "evaluate a scenario over a grid or sample of parameter values (sensitivity analysis)",
    examples: [
      "scalesim sweep scenarios/sweeps/hub-size.yaml",
      "scalesim sweep scenarios/sweeps/hub-size.yaml --shard 2/4 -o part-2",
      "scalesim sweep scenarios/sweeps/hub-size.yaml --shard-from-env -o part-$SLURM_ARRAY_TASK_ID",
    ],
  },
  {
    name: "merge",
    arguments: [
      {
        syntax: "<part...>",
        description: "summary.json files of sweep shards (or their report directories)",
      },
    ],
    summary: "merge sweep shards run with --shard into one sweep report",
    examples: ["scalesim merge part-1 part-2 part-3 part-4 -o hub-size"],
  },
  {
    name: "validate",
    arguments: [
      {
        syntax: "<file...>",
        description: `${SCENARIO_ARGUMENT}, a sweep file or a claims file (told apart by their top-level keys)`,
      },
    ],
    summary:
      "check scenario, sweep and claims files without running them; problems are listed with file:line:column",
    examples: ["scalesim validate scenarios/*.yaml", "scalesim validate scenarios/sweeps/*.yaml"],
  },
  {
    name: "init",
    arguments: [{ syntax: "[file]", description: "file to write (default scenario.yaml)" }],
    summary: "write a commented starter scenario that extends a preset",
    examples: ["scalesim init --preset level-2 my-bank.yaml"],
  },
  {
    name: "presets",
    arguments: [],
    summary: "list the built-in presets with their descriptions",
    examples: ["scalesim presets"],
  },
  {
    name: "report",
    arguments: [
      {
        syntax: "<summary>",
        description: "summary.json of a run, compare or sweep (or its report directory)",
      },
    ],
    summary: "re-render a report from a saved summary without re-running",
    examples: ["scalesim report out/level-3-2026-01-01T10-00-00Z/summary.json --format html,png"],
  },
  {
    name: "worker",
    arguments: [],
    summary: "take replication jobs from a Redis queue (for sweeps and runs given --queue) until stopped",
    examples: [
      "scalesim worker --queue redis://queue-host:6379 --concurrency 8",
      "scalesim sweep scenarios/sweeps/hub-size.yaml --queue redis://queue-host:6379",
    ],
  },
  {
    name: "schema",
    arguments: [],
    summary: "print the JSON Schema of scenario files (for editor completion)",
    examples: ["scalesim schema --out scenario.schema.json"],
  },
  {
    name: "claims",
    arguments: [
      {
        syntax: "[file...]",
        description:
          "claims file (.yaml or .json); default: the guide's claims (scenarios/claims/guide.yaml)",
      },
    ],
    summary: "replay claims (a guide's or a business case's) on the model and give each a verdict",
    examples: [
      "scalesim claims",
      "scalesim claims my-business-case.yaml -n 100 --strict",
      "scalesim claims --json --quiet",
    ],
  },
];

/** The spec of one command. @throws RangeError for a name not in {@link COMMANDS} */
export function commandSpec(name: CommandName): CommandSpec {
  const spec = COMMANDS.find((command) => command.name === name);
  if (!spec) throw new RangeError(`unknown command ${name}`);
  return spec;
}
