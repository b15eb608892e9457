/**
 * Writes docs/claims-verdicts.md, the guide's verdicts as the documentation shows them, and docs/claims-verdicts.json,
 * the record it is rendered from (reports/claims/claims-verdicts.ts). The run is the one `npm run claims` makes:
 * scenarios/claims/guide.yaml with its own settings (first batch, budget, holds-only-if design) and the default seed,
 * through the same evaluator as `scalesim claims`.
 *
 * Usage: npm run claims:verdicts [-- --workers N]   run the claims and write both files
 *        npm run claims:verdicts -- --render          rewrite the markdown from the committed JSON (no run)
 *
 * test/claims/claims-verdicts.test.ts fails when the markdown is not the rendering of the JSON, or when the JSON's
 * claims (ids, texts, sources, bands, statuses) differ from scenarios/claims/guide.yaml.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  renderVerdictsMarkdown,
  type VerdictsRecord,
  verdictsRecord,
} from "../reports/claims/claims-verdicts.ts";
import { DEFAULT_BUDGET_FACTOR, evaluateClaims } from "../src/claims/evaluate-claims.ts";
import { loadClaims } from "../src/claims/load-claims.ts";
import { DEFAULT_SEED } from "../src/montecarlo/run-options.ts";
import { toolInfo } from "../src/montecarlo/tool-info.ts";
import { formatIssues } from "../src/scenario/issues.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The claims file, as `scalesim claims` names it when given none. */
const CLAIMS_FILE = "scenarios/claims/guide.yaml";
const JSON_FILE = join(ROOT, "docs/claims-verdicts.json");
const MARKDOWN_FILE = join(ROOT, "docs/claims-verdicts.md");
const BIOME = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

const args = process.argv.slice(2);
const workersAt = args.indexOf("--workers");
const workers = workersAt === -1 ? availableParallelism() : Number(args[workersAt + 1]);

async function run(): Promise<VerdictsRecord> {
  const loaded = await loadClaims(join(ROOT, CLAIMS_FILE));
  if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
  const claims = { ...loaded.claims, file: CLAIMS_FILE };
  const { settings } = claims;
  const startedAt = performance.now();
  let shown = -1;
  const summary = await evaluateClaims(claims, {
    seed: DEFAULT_SEED,
    workers,
    onProgress: ({ done, total }) => {
      const percent = Math.floor((100 * done) / total);
      if (percent >= shown + 10) {
        shown = percent;
        process.stderr.write(`${done}/${total} replications\n`);
      }
    },
  });
  const elapsedMs = performance.now() - startedAt;
  return verdictsRecord(summary, {
    command: "npm run claims:verdicts",
    equivalent: `scalesim claims ${CLAIMS_FILE} --seed ${DEFAULT_SEED}`,
    seed: summary.seed,
    replications: summary.replications,
    maxReplications: settings.maxReplications ?? DEFAULT_BUDGET_FACTOR * summary.replications,
    points: settings.points,
    pointReplications: settings.pointReplications,
    threshold: settings.threshold,
    date: new Date().toISOString().slice(0, 10),
    version: toolInfo().version,
    elapsedMs,
    workers,
  });
}

const record = args.includes("--render")
  ? (JSON.parse(readFileSync(JSON_FILE, "utf8")) as VerdictsRecord)
  : await run();
if (!args.includes("--render")) {
  writeFileSync(JSON_FILE, `${JSON.stringify(record, null, 2)}\n`);
  // in the layout the repository's formatter keeps (`npm run lint` checks docs/ too)
  execFileSync(process.execPath, [BIOME, "format", "--write", JSON_FILE], { stdio: "ignore" });
}
writeFileSync(MARKDOWN_FILE, renderVerdictsMarkdown(record));
process.stderr.write(
  `wrote ${MARKDOWN_FILE}${args.includes("--render") ? "" : ` and ${JSON_FILE} (${Math.round(record.stamp.elapsedMs / 1000)} s)`}\n`,
);
