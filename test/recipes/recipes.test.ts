/**
 * The recipes (docs/recipes/*.md) and their files (scenarios/recipes/**): every scenario file validates and
 * simulates, every sweep file validates with all its points; every page is in the index, names only files that
 * exist and explains every file of its recipe; and each recipe's commands, taken verbatim from its page, run
 * through the real command line at low replication counts and write the figures the page points at.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_NAMES, type CommandName, OPTIONS } from "../../src/cli/options.ts";
import { simulate } from "../../src/model/simulate.ts";
import { loadSweep } from "../../src/montecarlo/index.ts";
import type { CompareSummary, RunSummary, SweepSummary } from "../../src/montecarlo/types.ts";
import { formatIssues } from "../../src/scenario/issues.ts";
import { loadScenario } from "../../src/scenario/load.ts";
import { type CliResult, ROOT, runCli } from "../cli/spawn-cli.ts";
import { startWorker, type WorkerProcess } from "../montecarlo/queue-worker-process.ts";
import { REDIS_SERVER, startRedis, type TestRedis } from "../montecarlo/redis-server.ts";

const SCENARIOS = join(ROOT, "scenarios", "recipes");
const PAGES = join(ROOT, "docs", "recipes");

/** The recipes: page docs/recipes/<name>.md, files scenarios/recipes/<name>/. */
const RECIPES = ["coe-or-platform", "hub-and-nodes", "tiers-and-chargeback", "roi-sensitivity"] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The `scalesim ...` commands of a page's ```sh blocks, continuation lines joined. */
function pageCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
  return blocks
    .flatMap((block) => block.replace(/\\\n\s*/g, "").split("\n"))
    .map((line) => line.trim())
    .filter((line) => line.startsWith("scalesim "));
}

function page(name: string): string {
  return readFileSync(join(PAGES, `${name}.md`), "utf8");
}

/**
 * The arguments of `command` (a line of the page, without `scalesim`) with options set: an option the command has
 * gets the new value, one it lacks is appended (`null`: a flag without a value).
 */
function argsOf(command: string, set: Record<string, string | null>): string[] {
  const args = command.split(/\s+/).slice(1);
  for (const [option, value] of Object.entries(set)) {
    const at = args.indexOf(option);
    if (at !== -1 && value !== null) args[at + 1] = value;
    else if (at === -1) args.push(option, ...(value === null ? [] : [value]));
  }
  return args;
}

/** Runs a command of a recipe page, after checking the page has it verbatim. */
async function runPageCommand(
  recipe: string,
  command: string,
  set: Record<string, string | null>,
): Promise<CliResult> {
  expect(pageCommands(page(recipe)), `docs/recipes/${recipe}.md runs this command`).toContain(command);
  const result = await runCli(argsOf(command, set), { timeoutMs: 240_000 });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result;
}

function json<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** The rows of an RFC 4180 CSV file without quoted fields (those the recipes read), as objects. */
function csvRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, "utf8").trimEnd().split(/\r?\n/);
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i]!, cell])));
}

const work = mkdtempSync(join(tmpdir(), "scalesim-recipes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Options every recipe run gets: a temporary report directory, one worker thread, machine-readable output. */
function lowCost(out: string, replications: string): Record<string, string | null> {
  return { "-n": replications, "-o": join(work, out), "-w": "1", "--format": "html,json,csv", "-q": null };
}

describe("scenarios/recipes", () => {
  const files = filesUnder(SCENARIOS);
  const sweeps = files.filter((file) => file.endsWith(".sweep.yaml"));
  const scenarios = files.filter((file) => !file.endsWith(".sweep.yaml"));

  it("has a folder per recipe with scenarios and sweeps", () => {
    expect(readdirSync(SCENARIOS).sort()).toEqual([...RECIPES].sort());
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    expect(sweeps.length).toBeGreaterThanOrEqual(4);
  });

  it.each(scenarios.map((file) => relative(ROOT, file)))("%s validates and simulates", async (file) => {
    const loaded = await loadScenario(join(ROOT, file));
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    const result = simulate(loaded.scenario, { seed: 1, replication: 0 });
    expect(result.meta.horizonMonths).toBe(loaded.scenario.horizonMonths);
    expect(result.kpis["cost.total"]).toBeGreaterThan(0);
  });

  it.each(sweeps.map((file) => relative(ROOT, file)))("%s validates with every point", async (file) => {
    const loaded = await loadSweep(join(ROOT, file));
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    expect(loaded.sweep.parameters.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => relative(ROOT, file)))("%s explains itself in comments", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    expect(text).toMatch(/^(extends|base): /m);
    expect(text).toMatch(/^# Recipe "/);
  });
});

describe("docs/recipes", () => {
  it("the index links every recipe page, and every page exists", () => {
    const index = readFileSync(join(PAGES, "README.md"), "utf8");
    const links = [...index.matchAll(/\]\(([^)#]+\.md)\)/g)].map((match) => match[1]!);
    expect(links.filter((link) => !link.includes("/")).sort()).toEqual(
      RECIPES.map((name) => `${name}.md`).sort(),
    );
    expect(readdirSync(PAGES).sort()).toEqual(["README.md", ...RECIPES.map((name) => `${name}.md`)].sort());
  });

  it.each(RECIPES)(
    "%s.md names every file of its recipe, and its commands only files that exist",
    (recipe) => {
      const markdown = page(recipe);
      for (const file of filesUnder(join(SCENARIOS, recipe)))
        expect(markdown, relative(ROOT, file)).toContain(relative(ROOT, file));
      const commands = pageCommands(markdown);
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) {
        const args = command.split(/\s+/);
        const name = args[1] as CommandName;
        expect(COMMAND_NAMES, command).toContain(name);
        const flags = OPTIONS.filter((option) => option.commands.includes(name)).flatMap((option) =>
          option.flags.split(/[ ,]+/).filter((flag) => flag.startsWith("-")),
        );
        for (const arg of args.filter((token) => token.startsWith("-")))
          expect(flags, `${command}: ${arg} is an option of scalesim ${name}`).toContain(arg);
        args.forEach((arg, i) => {
          const isOutput = ["-o", "--out"].includes(args[i - 1] ?? "");
          if (isOutput || !/\.(ya?ml|json)$/.test(arg)) return;
          expect(existsSync(join(ROOT, arg)), `${command}: ${arg} exists`).toBe(true);
        });
      }
    },
  );

  it.each(RECIPES)(
    "%s.md answers from a run of its own commands, stating replications and seed",
    (recipe) => {
      const answer = (page(recipe).split("## The answer")[1] ?? "").split("\n## ")[0]!;
      const runs = [...answer.matchAll(/From `(scalesim [^`]+)` \(([^)]*)\)/g)];
      expect(runs.length, "From `scalesim ...` (replications, seed)").toBeGreaterThan(0);
      const commands = pageCommands(page(recipe));
      for (const [, command, how] of runs) {
        const run = command!.replace(/\s+/g, " ");
        expect(
          commands.some((candidate) => `${candidate} `.startsWith(`${run} `)),
          `${run} is a command of the page`,
        ).toBe(true);
        expect(how, run).toMatch(/\d+\s+(paired\s+)?replications/);
        expect(how, run).toMatch(/seed\s+\d+/);
      }
    },
  );
});

describe("recipe: CoE first or platform first", () => {
  const command =
    "scalesim compare scenarios/recipes/coe-or-platform/coe-first.yaml scenarios/recipes/coe-or-platform/platform-first.yaml --targets 30 -n 200 -o out/coe-or-platform";

  it("compare answers with the month 30 projects are reached and the cost, on paired replications", async () => {
    const result = await runPageCommand("coe-or-platform", command, {
      ...lowCost("coe-or-platform", "3"),
      "--json": null,
    });
    const out = join(work, "coe-or-platform");
    const printed = JSON.parse(result.stdout) as { answer: string[] };
    expect(printed.answer[0]).toMatch(
      /^platform-first reaches 30 delivered projects in month \d+ .*coe-first.* over 36 months/,
    );
    const summary = json<CompareSummary>(join(out, "summary.json"));
    expect(summary.replications).toBe(3);
    expect(summary.scenarios.map((scenario) => scenario.meta.scenarioName)).toEqual([
      "coe-first",
      "platform-first",
    ]);
    const reach = summary.reachDifferences?.find((difference) => difference.threshold === 30);
    expect(reach).toMatchObject({ baseline: "coe-first", alternative: "platform-first", n: 3 });
    for (const scenario of summary.scenarios) expect(scenario.reach.targets?.[0]?.threshold).toBe(30);
    const cost = summary.differences.find((difference) => difference.name === "cost.total");
    expect(cost?.n).toBe(3);
    // the same investments in another order: the investment cost is equal in every paired replication
    const investment = summary.differences.find((difference) => difference.name === "cost.investment");
    expect(investment?.meanBaseline).toBeCloseTo(6_000_000, 0);
    expect(investment?.meanDifference).toBeCloseTo(0, 0);
    for (const chart of ["compare-reach", "compare-cumulative-cost", "compare-differences"])
      expect(existsSync(join(out, "charts", `${chart}.vl.json`)), chart).toBe(true);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("Probability of reaching each delivery target, by scenario");
    expect(html).toContain("Cumulative cost by scenario");
    expect(csvRows(join(out, "differences.csv")).some((row) => row.name === "cost.total")).toBe(true);
  });
});

describe("recipe: spokes for a 15-person hub, and cluster nodes", () => {
  it("the spokes sweep runs every spoke count on hub-15 and answers where the support wait stays under a day", async () => {
    await runPageCommand(
      "hub-and-nodes",
      "scalesim sweep scenarios/recipes/hub-and-nodes/spokes.sweep.yaml -o out/spokes",
      lowCost("spokes", "2"),
    );
    const out = join(work, "spokes");
    const summary = json<SweepSummary>(join(out, "summary.json"));
    expect(summary.points.map((point) => point.parameters["organisation.spokes.count"])).toEqual([
      4, 8, 12, 16, 20, 24, 28,
    ]);
    expect(summary.boxes?.[0]?.kpi).toBe("supportWaitDays");
    const rows = csvRows(join(out, "points.csv"));
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["supportWaitDays", "deliveredPerYear"]));
    for (const chart of ["sweep-box-1", "sweep-effects-supportWaitDays", "sweep-effects-deliveredPerYear"])
      expect(existsSync(join(out, "charts", `${chart}.vl.json`)), chart).toBe(true);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain(
      "Where wait for expert support stays below 1",
    );
  });

  it("the nodes sweep runs the cluster's floor against its ceiling and answers where the P95 wait stays low", async () => {
    await runPageCommand(
      "hub-and-nodes",
      "scalesim sweep scenarios/recipes/hub-and-nodes/nodes.sweep.yaml -o out/nodes",
      lowCost("nodes", "2"),
    );
    const out = join(work, "nodes");
    const summary = json<SweepSummary>(join(out, "summary.json"));
    expect(summary.points).toHaveLength(21);
    expect(summary.boxes?.[0]?.kpi).toBe("cluster.jobWaitP95Hours");
    const rows = csvRows(join(out, "points.csv"));
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining([
        "platform.clusters[0].maxNodes",
        "platform.clusters[0].minNodes",
        "cluster.jobWaitP95Hours",
        "cluster.cost",
      ]),
    );
    for (const chart of ["sweep-heatmap", "sweep-box-1", "sweep-effects-cluster-jobWaitP95Hours"])
      expect(existsSync(join(out, "charts", `${chart}.vl.json`)), chart).toBe(true);
  });
});

describe("recipe: tiers and chargeback", () => {
  it("the run reports tier fees and what each business unit is charged, in the charts, chargeback.csv and FOCUS", async () => {
    await runPageCommand(
      "tiers-and-chargeback",
      "scalesim run scenarios/recipes/tiers-and-chargeback/bank-units.yaml -n 200 -o out/bank-units",
      lowCost("bank-units", "3"),
    );
    const out = join(work, "bank-units");
    const summary = json<RunSummary>(join(out, "summary.json"));
    const units = ["retail", "cards", "mortgages", "wealth", "corporate"];
    for (const tier of ["Bronze", "Silver", "Gold", "Platinum"])
      expect(summary.kpis[`tierCost.${tier}`], tier).toBeDefined();
    expect(summary.series["cost.tiers"]?.months).toBe(24);
    const charged = new Map<string, number>();
    for (const row of csvRows(join(out, "chargeback.csv")))
      charged.set(row.tenant!, (charged.get(row.tenant!) ?? 0) + Number(row.meanBilledCost));
    expect([...charged.keys()].sort()).toEqual([...units].sort());
    for (const unit of units) {
      // chargeback.csv adds up to the unit's tenantCost (rows are means rounded to the cent)
      expect(charged.get(unit)! / summary.kpis[`tenantCost.${unit}`]!.mean, unit).toBeCloseTo(1, 6);
    }
    const focusUnits = new Set(csvRows(join(out, "focus-costs.csv")).map((row) => row.SubAccountId));
    for (const unit of units) expect(focusUnits.has(unit), unit).toBe(true);
    for (const chart of ["tiers", "chargeback", "tenant-monthly-cost"])
      expect(existsSync(join(out, "charts", `${chart}.vl.json`)), chart).toBe(true);
    const html = readFileSync(join(out, "report.html"), "utf8");
    for (const title of [
      "Service tiers: cost and SLA attainment",
      "Chargeback per tenant",
      "Monthly cost per tenant",
    ])
      expect(html, title).toContain(title);
  });
});

describe("recipe: which parameters move ROI", () => {
  it("the Morris screening ranks every parameter by mu* for ROI", async () => {
    await runPageCommand(
      "roi-sensitivity",
      "scalesim sweep scenarios/recipes/roi-sensitivity/roi-morris.sweep.yaml -o out/roi-morris",
      lowCost("roi-morris", "2"),
    );
    const out = join(work, "roi-morris");
    const summary = json<SweepSummary>(join(out, "summary.json"));
    expect(summary.sampling).toBe("morris");
    const indices = csvRows(join(out, "indices.csv")).filter((row) => row.kpi === "roi");
    expect(indices.map((row) => row.parameter).sort()).toEqual(summary.parameters.map((p) => p.path).sort());
    for (const row of indices) expect(Number(row.muStar), row.parameter).toBeGreaterThanOrEqual(0);
    expect(existsSync(join(out, "charts", "sweep-indices-roi.vl.json"))).toBe(true);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("Morris screening of ROI");
  });

  const shardCommand =
    "scalesim sweep scenarios/recipes/roi-sensitivity/roi-sobol.sweep.yaml --shard 1/4 -o part-1";

  it("one shard of the Sobol' sweep runs (the others and the merge are the same command)", async () => {
    // a 64th of the design keeps the test short; the page's 1/4 differs only in how many points a part has
    await runPageCommand("roi-sensitivity", shardCommand, {
      ...lowCost("sobol-part", "2"),
      "--shard": "1/64",
    });
    const summary = json<SweepSummary>(join(work, "sobol-part", "summary.json"));
    expect(summary.sampling).toBe("sobol");
    expect(summary.shard).toEqual({ index: 0, count: 64 });
    expect(summary.points.length).toBe(Math.ceil(summary.totalPoints / 64));
    expect(summary.sobol).toBeUndefined(); // the indices need every point: after `scalesim merge`
    expect(pageCommands(page("roi-sensitivity"))).toContain(
      "scalesim merge part-1 part-2 part-3 part-4 -o out/roi-sobol",
    );
  });

  describe.skipIf(REDIS_SERVER === undefined)("on a queue", () => {
    let redis: TestRedis;
    let worker: WorkerProcess;
    beforeAll(async () => {
      redis = await startRedis();
      expect(pageCommands(page("roi-sensitivity"))).toContain(
        "scalesim worker --queue redis://queue-host:6379 --concurrency 8",
      );
      worker = startWorker(redis.url, ["--concurrency", "1"]);
      await worker.waitFor(/taking jobs/);
    }, 60_000);
    afterAll(async () => {
      await worker?.stop("SIGKILL");
      await redis?.stop();
    });

    it("the sweep submitted to the queue gives the local sweep's points", async () => {
      await runPageCommand(
        "roi-sensitivity",
        "scalesim sweep scenarios/recipes/roi-sensitivity/roi-sobol.sweep.yaml --queue redis://queue-host:6379 -o out/roi-sobol",
        { ...lowCost("sobol-queued", "2"), "--queue": redis.url, "--shard": "1/64" },
      );
      const queued = json<SweepSummary>(join(work, "sobol-queued", "summary.json"));
      const local = json<SweepSummary>(join(work, "sobol-part", "summary.json"));
      expect(queued.points.length).toBeGreaterThan(0);
      expect(JSON.stringify(queued.points)).toBe(JSON.stringify(local.points));
    });
  });
});
