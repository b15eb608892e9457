/**
 * Every option of the `scalesim` command, declared once as data (the npm-check-updates `cli-options` habit):
 * the commander wiring (`program.ts`), the `--help` text and the README reference (`cli-reference.ts`) are all
 * generated from this table, so they cannot drift apart. Parsers reject bad values with commander's
 * `InvalidArgumentError`, which the command maps to exit code 2.
 */
import { InvalidArgumentError } from "commander";
import type { ReportFormat as WriterFormat } from "../../reports/write-report.ts";
import { DEFAULT_MAX_REPLICATIONS, DEFAULT_REPLICATIONS, DEFAULT_SEED } from "../montecarlo/run-options.ts";
import { MAX_REPLICATIONS } from "../scenario/limits.ts";
import { DEFAULT_MAX_WORK_UNITS } from "../scenario/work-estimate.ts";
import { parseKpiNames } from "./kpi-names-option.ts";

export { DEFAULT_MAX_REPLICATIONS, DEFAULT_REPLICATIONS, DEFAULT_SEED };

/** Names of the subcommands, in the order `--help` and the README list them. */
export const COMMAND_NAMES = [
  "run",
  "compare",
  "sweep",
  "merge",
  "validate",
  "init",
  "presets",
  "report",
  "schema",
  "worker",
  "claims",
] as const;

/** One subcommand name. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Report formats `--format` accepts. */
export const REPORT_FORMATS = [
  "html",
  "json",
  "csv",
  "svg",
  "png",
] as const satisfies readonly WriterFormat[];

/** One report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats written when `--format` is not given (PNG needs a rasteriser and is opt-in). */
export const DEFAULT_FORMATS: readonly ReportFormat[] = ["html", "json", "csv", "svg"];

/** KPIs whose precision `--until-ci` waits for when `--ci-kpis` is not given (positive quantities). */
export const DEFAULT_CI_KPIS: readonly string[] = [
  "delivered",
  "timeToMarketDays",
  "costPerDelivered",
  "roi",
];

/** Preset `scalesim init` extends when `--preset` is not given. */
export const DEFAULT_INIT_PRESET = "level-3";

/** File `scalesim init` writes when no file is given. */
export const DEFAULT_INIT_FILE = "scenario.yaml";

/** A 1-based shard of a sweep: shard `index` of `count`. */
export interface ShardOption {
  index: number;
  count: number;
}

/** Parsed option values, by attribute name; every field is optional because each command takes a subset. */
export interface ParsedOptions {
  replications?: number;
  workers?: number;
  seed?: number;
  out?: string;
  format?: ReportFormat[];
  json?: boolean;
  quiet?: boolean;
  untilCi?: number;
  ciKpis?: string[];
  maxReplications?: number;
  replay?: number;
  shard?: ShardOption;
  preset?: string;
  force?: boolean;
  crnCheck?: boolean;
  maxWork?: number;
  shardFromEnv?: true | number;
  queue?: string;
  jobReplications?: number;
  concurrency?: number;
  stallSeconds?: number;
  ladder?: boolean;
  kpi?: string[];
  strict?: boolean;
  targets?: number[];
  claims?: string;
}

/** One option, as data. */
export interface OptionSpec {
  /** Attribute name in {@link ParsedOptions} (commander's camel-cased long flag). */
  key: keyof ParsedOptions;
  /** commander flags, e.g. `-n, --replications <count>`. */
  flags: string;
  /** One sentence for `--help` and the README. */
  description: string;
  /** Default applied by commander; omitted when the command resolves the default itself. */
  defaultValue?: string | number | boolean | readonly string[];
  /** How the default reads in help and README when it is not a literal value. */
  defaultText?: string;
  /** Converts and checks the raw text; throws `InvalidArgumentError` with a fragment naming the problem. */
  parse?: (raw: string) => unknown;
  /** Commands that take this option. */
  commands: readonly CommandName[];
  /** Wording that differs for some commands (e.g. "per point" for sweep). */
  perCommand?: Partial<Record<CommandName, { description?: string; defaultText?: string }>>;
}

/** Largest seed accepted: seeds are hashed as unsigned 32-bit integers. */
const MAX_SEED = 2 ** 32 - 1;

function integer(raw: string, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = raw.trim();
  if (!/^[+-]?\d+$/.test(text)) throw new InvalidArgumentError(`${what} must be an integer, got "${raw}"`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER && value < min ? `>= ${min}` : `between ${min} and ${max}`;
    throw new InvalidArgumentError(`${what} must be ${range}, got ${text.replace(/^\+/, "")}`);
  }
  return value;
}

/** Parses a positive integer flag value. @throws InvalidArgumentError when it is not an integer >= 1 */
export function parsePositiveInteger(raw: string): number {
  return integer(raw, "value", 1);
}

/** Parses a replication count: an integer in [1, MAX_REPLICATIONS]. @throws InvalidArgumentError otherwise */
export function parseReplications(raw: string): number {
  return integer(raw, "replications", 1, MAX_REPLICATIONS);
}

/** Parses a seed: an integer in [0, 2^32 - 1]. @throws InvalidArgumentError otherwise */
export function parseSeed(raw: string): number {
  return integer(raw, "seed", 0, MAX_SEED);
}

/** Parses a work limit: a number > 0 such as 1e9. @throws InvalidArgumentError otherwise */
export function parseWorkUnits(raw: string): number {
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(value) || value <= 0)
    throw new InvalidArgumentError(`work limit must be a number > 0 such as 1e9, got "${raw}"`);
  return value;
}

/** Parses a replication index: an integer >= 0. @throws InvalidArgumentError otherwise */
export function parseReplicationIndex(raw: string): number {
  return integer(raw, "replication index", 0);
}

/** Parses a relative CI half-width such as `0.05` or `5%` into a fraction in (0, 1). @throws InvalidArgumentError */
export function parseRelativeHalfWidth(raw: string): number {
  const text = raw.trim();
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
  if (text === "" || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new InvalidArgumentError(
      `relative half-width must be a fraction in (0, 1) such as 0.05 or 5%, got "${raw}"`,
    );
  }
  return value;
}

/** Parses a comma-separated list of report formats, without duplicates. @throws InvalidArgumentError on unknown names */
export function parseFormats(raw: string): ReportFormat[] {
  const names = raw
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  if (names.length === 0)
    throw new InvalidArgumentError(`format list is empty; choose from ${REPORT_FORMATS.join(", ")}`);
  const unknown = names.filter((name) => !(REPORT_FORMATS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown format ${unknown.map((name) => `"${name}"`).join(", ")}; choose from ${REPORT_FORMATS.join(", ")}`,
    );
  }
  return [...new Set(names)] as ReportFormat[];
}

/** Parses a comma-separated list of KPI names. @throws InvalidArgumentError when it is empty */
export function parseNameList(raw: string): string[] {
  const names = raw
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) throw new InvalidArgumentError("KPI list is empty");
  return [...new Set(names)];
}

/** Replications per queue job when `--job-replications` is not given. */
export const DEFAULT_JOB_REPLICATIONS = 10;

/** Parses a queue URL: redis://host:port or rediss://host:port. @throws InvalidArgumentError otherwise */
export function parseQueueUrl(raw: string): string {
  const text = raw.trim();
  if (!/^rediss?:\/\/[^\s]+$/.test(text)) {
    throw new InvalidArgumentError(`queue must be a Redis URL such as redis://127.0.0.1:6379, got "${raw}"`);
  }
  return text;
}

/** Parses `k/n` (1 <= k <= n) into a 1-based shard. @throws InvalidArgumentError otherwise */
export function parseShard(raw: string): ShardOption {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!match) throw new InvalidArgumentError(`shard must look like k/n (for example 2/4), got "${raw}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError(`shard k/n needs 1 <= k <= n, got ${index}/${count}`);
  }
  return { index, count };
}

/** Most delivery targets `--targets` accepts (each is a curve on the reach chart). */
export const MAX_TARGETS = 12;

/**
 * Parses delivery targets: comma-separated whole numbers >= 1 (e.g. `30,50`), at most {@link MAX_TARGETS},
 * returned sorted without duplicates. @throws InvalidArgumentError otherwise
 */
export function parseTargets(raw: string): number[] {
  const parts = raw
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0)
    throw new InvalidArgumentError(`target list is empty; give delivered-project counts such as 30,50`);
  const bad = parts.filter(
    (part) => !/^\+?\d+$/.test(part) || !Number.isSafeInteger(Number(part)) || Number(part) < 1,
  );
  if (bad.length > 0) {
    throw new InvalidArgumentError(
      `targets must be whole numbers of delivered projects >= 1, comma-separated such as 30,50; got ${bad.map((part) => `"${part}"`).join(", ")}`,
    );
  }
  const targets = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (targets.length > MAX_TARGETS)
    throw new InvalidArgumentError(`at most ${MAX_TARGETS} targets, got ${targets.length}`);
  return targets;
}

/** The option table: the single source of truth for flags, help and the README reference. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    key: "replications",
    flags: "-n, --replications <count>",
    description: "Monte Carlo replications per scenario",
    defaultText: String(DEFAULT_REPLICATIONS),
    perCommand: {
      sweep: { description: "replications per point", defaultText: "the sweep file's replications" },
      claims: {
        description:
          "first batch of replications per claim (overrides the claims file); undecided claims add batches up to 4x",
        defaultText: "the claims file's replications, else 50",
      },
    },
    parse: parseReplications,
    commands: ["run", "compare", "sweep", "claims"],
  },
  {
    key: "workers",
    flags: "-w, --workers <count>",
    description: "worker threads; results do not depend on it",
    defaultText: "number of CPUs",
    parse: parsePositiveInteger,
    commands: ["run", "compare", "sweep", "claims"],
  },
  {
    key: "seed",
    flags: "-s, --seed <integer>",
    description: "master seed; the same seed gives the same results",
    defaultText: String(DEFAULT_SEED),
    perCommand: { sweep: { defaultText: `the sweep file's seed, else ${DEFAULT_SEED}` } },
    parse: parseSeed,
    commands: ["run", "compare", "sweep", "claims"],
  },
  {
    key: "out",
    flags: "-o, --out <dir>",
    description: "report directory (written atomically; must not exist yet, never replaced)",
    defaultText: "out/<name>-<timestamp>/",
    commands: ["run", "compare", "sweep", "merge", "report", "claims"],
  },
  {
    key: "format",
    flags: "--format <list>",
    description: `report formats, comma-separated: ${REPORT_FORMATS.join(", ")}`,
    defaultValue: DEFAULT_FORMATS,
    defaultText: DEFAULT_FORMATS.join(","),
    parse: parseFormats,
    commands: ["run", "compare", "sweep", "merge", "report"],
  },
  {
    key: "json",
    flags: "--json",
    description: "print a machine-readable summary on stdout and nothing else",
    commands: ["run", "compare", "sweep", "merge", "validate", "presets", "report", "claims"],
  },
  {
    key: "quiet",
    flags: "-q, --quiet",
    description: "no progress and no result table; errors are still printed",
    commands: [
      "run",
      "compare",
      "sweep",
      "merge",
      "validate",
      "init",
      "report",
      "schema",
      "worker",
      "claims",
    ],
  },
  {
    key: "untilCi",
    flags: "--until-ci <relative>",
    description:
      "keep adding replications until the 95% CI half-width of every --ci-kpis KPI is within this fraction of its mean (0.05 or 5%)",
    parse: parseRelativeHalfWidth,
    commands: ["run", "compare"],
  },
  {
    key: "ciKpis",
    flags: "--ci-kpis <names>",
    description: "KPIs --until-ci waits for, comma-separated",
    defaultValue: DEFAULT_CI_KPIS,
    defaultText: DEFAULT_CI_KPIS.join(","),
    parse: parseNameList,
    commands: ["run", "compare"],
  },
  {
    key: "maxReplications",
    flags: "--max-replications <count>",
    description: "replication cap for --until-ci",
    defaultText: String(DEFAULT_MAX_REPLICATIONS),
    parse: parseReplications,
    commands: ["run", "compare"],
  },
  {
    key: "maxWork",
    flags: "--max-work <units>",
    description:
      "refuse scenarios whose estimated work per replication is above this many units (see docs/reliability.md); raise it to run a larger scenario on purpose",
    defaultText: DEFAULT_MAX_WORK_UNITS.toExponential(),
    parse: parseWorkUnits,
    commands: ["run", "compare", "sweep", "validate"],
  },
  {
    key: "ladder",
    flags: "--ladder",
    description:
      "run the maturity ladder instead: levels 1-5 on this scenario's demand and staff budget, on common random numbers, with the mechanisms that differ listed",
    commands: ["run"],
  },
  {
    key: "targets",
    flags: "--targets <counts>",
    description:
      "delivery targets in delivered projects, comma-separated (e.g. 30,50); the report gives the month each is reached at P50 and P80 and its S-curve",
    defaultText: "round numbers up to the P95 of final deliveries",
    parse: parseTargets,
    commands: ["run", "compare"],
  },
  {
    key: "crnCheck",
    flags: "--crn-check",
    description:
      "also run the first alternative on independent seeds and report how much common random numbers narrow the CI (one more run)",
    commands: ["compare"],
  },
  {
    key: "replay",
    flags: "--replay <index>",
    description:
      "rerun replication <index> alone (same seed) and print its trace instead of writing a report",
    parse: parseReplicationIndex,
    commands: ["run"],
  },
  {
    key: "shard",
    flags: "--shard <k/n>",
    description: "evaluate only shard k of n of the sweep's points; combine the parts with `scalesim merge`",
    parse: parseShard,
    commands: ["sweep"],
  },
  {
    key: "shardFromEnv",
    flags: "--shard-from-env [count]",
    description:
      "take the shard from a Slurm job array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX; give the Job's completions as count)",
    parse: parsePositiveInteger,
    commands: ["sweep"],
  },
  {
    key: "queue",
    flags: "--queue <redis-url>",
    description:
      "run the replications as jobs on a BullMQ queue in Redis, executed by `scalesim worker` processes on any machines; results are identical to a local run",
    perCommand: { worker: { description: "Redis of the queue to take jobs from" } },
    parse: parseQueueUrl,
    commands: ["run", "sweep", "worker"],
  },
  {
    key: "jobReplications",
    flags: "--job-replications <count>",
    description: "replications per queue job (with --queue)",
    defaultText: String(DEFAULT_JOB_REPLICATIONS),
    parse: parsePositiveInteger,
    commands: ["run", "sweep"],
  },
  {
    key: "concurrency",
    flags: "--concurrency <count>",
    description: "jobs run at once, each on its own thread",
    defaultText: "number of CPUs",
    parse: parsePositiveInteger,
    commands: ["worker"],
  },
  {
    key: "stallSeconds",
    flags: "--stall-seconds <seconds>",
    description:
      "a job whose worker stops renewing its lock for this long (killed, machine lost) is run again by another worker",
    defaultText: "30",
    parse: parsePositiveInteger,
    commands: ["worker"],
  },
  {
    key: "preset",
    flags: "-p, --preset <name>",
    description: "preset the starter scenario extends (see `scalesim presets`)",
    defaultValue: DEFAULT_INIT_PRESET,
    commands: ["init"],
  },
  {
    key: "force",
    flags: "-f, --force",
    description: "overwrite the file if it exists",
    commands: ["init"],
  },
  {
    key: "strict",
    flags: "--strict",
    description:
      "exit with code 3 when a claim fails or stays undecided (for business-case claims kept in CI)",
    commands: ["claims"],
  },
  {
    key: "out",
    flags: "-o, --out <file>",
    description: "write the JSON Schema to this file instead of stdout",
    commands: ["schema"],
  },
  {
    key: "kpi",
    flags: "--kpi <names>",
    description:
      "KPIs the sweep report is about, comma-separated (e.g. roi,timeToMarketDays): the first drives the heatmap, each gets a tornado, SRC/PRCC and effects chart, and leads the CSV columns",
    defaultText: "the sweep file's kpis:, else deliveredPerYear",
    parse: parseKpiNames,
    commands: ["sweep"],
  },
  {
    key: "claims",
    flags: "--claims <file>",
    description:
      'claims file whose claims about the scenario (baseline or treatment is this scenario) the report\'s "against the guide" panel shows, at the run\'s seed and replications; "none" for no panel',
    defaultText: "scenarios/claims/guide.yaml (the guide's claims)",
    commands: ["run"],
  },
];

/** The options of one command, in table order, with that command's wording applied. */
export function optionsFor(command: CommandName): OptionSpec[] {
  return OPTIONS.filter((option) => option.commands.includes(command)).map(({ perCommand, ...option }) => ({
    ...option,
    ...perCommand?.[command],
  }));
}
