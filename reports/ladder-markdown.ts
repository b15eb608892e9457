/**
 * The maturity ladder as a Markdown page (issue 10, point 1): one row per level, all on the same demand and staff
 * budget with common random numbers, then the list of parameters that differ between the levels, derived from
 * the rungs (src/scenario/maturity-ladder.ts). Pure: (summary) => text; the CLI writes it as `ladder.md` and
 * prints it, and scripts/readme-tables.ts puts it into docs/model.md.
 */
import type { LadderSummary } from "../src/montecarlo/maturity-ladder-run.ts";

/** KPI columns of the ladder table: catalogue name, header, decimals. */
const COLUMNS: readonly [string, string, number][] = [
  ["deliveredPerYear", "delivered / year", 1],
  ["timeToMarketDays", "time to market, days", 0],
  ["successRate", "success rate", 2],
  ["roi", "ROI", 2],
  ["productionModels", "models in production", 0],
];

/** `value` with `decimals` decimals and thousands separators (en-US), or "—" when undefined or not finite. */
export function fixed(value: number | undefined, decimals: number): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The level table alone (header, separator, one row per level). */
export function ladderTable(summary: LadderSummary): string {
  const header = [
    "level",
    "staff budget / year",
    ...COLUMNS.map((c) => c[1]),
    "cost per project",
    "vs level 1",
  ];
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const row of summary.rows) {
    const cells = [
      row.preset,
      fixed(row.staffCostPerYear, 0),
      ...COLUMNS.map(([name, , decimals]) => fixed(row.means[name], decimals)),
      fixed(row.costPerProject, 0),
      fixed(row.costVsLevel1, 2),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** The mechanisms that differ, one bullet per parameter with its value at each level. */
export function ladderMechanisms(summary: LadderSummary): string {
  if (summary.mechanisms.length === 0) return "- no parameter differs between the levels";
  return summary.mechanisms.map((m) => `- \`${m.path}\`: ${m.values.join(" / ")}`).join("\n");
}

/** The whole ladder page. */
export function ladderMarkdown(summary: LadderSummary): string {
  const { compare } = summary;
  return [
    `# Maturity ladder on ${summary.baseName}'s demand`,
    "",
    `Every level runs on the same demand (${fixed(summary.ideasPerMonth, 1)} ideas a month at full rate), the same ` +
      `finance and horizon, no roadmap, and a staff budget of ${fixed(summary.budgetPerYear, 0)} ` +
      `${compare.scenarios[0]?.meta.currency ?? ""} a year at full strength (each level's headcount scaled to it, counts ` +
      `rounded), on common random numbers (seed ${compare.seed}, ${compare.replications} replications). ` +
      `"cost per project" is total cost over total deliveries across the replications; "vs level 1" divides it ` +
      `by the level-1 row's (${fixed(summary.level1CostPerProject, 0)}), computed in the same run.`,
    "",
    ladderTable(summary),
    "",
    "Mechanisms that differ between the levels (values for level 1 / 2 / 3 / 4 / 5, derived from the presets):",
    "",
    ladderMechanisms(summary),
    "",
  ].join("\n");
}
