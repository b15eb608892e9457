/**
 * The claims about a run (the report's "against the guide" panel): which claims (those whose baseline or treatment
 * is the run's scenario, value for value), and that each gets exactly what `scalesim claims` gives that claim alone
 * at the run's replications and seed without sequential extension, with the run's own replications reused.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateClaims } from "../../src/claims/evaluate-claims.ts";
import { type LoadedClaims, loadClaims } from "../../src/claims/load-claims.ts";
import { RecordingReplicationPool } from "../../src/claims/recording-pool.ts";
import { claimsAbout, evaluateRunClaims } from "../../src/claims/run-claims.ts";
import { canonicalJson } from "../../src/montecarlo/canonical-json.ts";
import { ReplicationPool } from "../../src/montecarlo/replication-pool.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import { formatIssues } from "../../src/scenario/issues.ts";
import { loadScenario, parseScenario } from "../../src/scenario/load.ts";
import { loadBase, pointScenario } from "../../src/scenario/point-scenario.ts";
import type { Scenario } from "../../src/scenario/schema.ts";

const at = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

async function scenarioFile(path: string): Promise<Scenario> {
  const loaded = await loadScenario(at(path));
  if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
  return loaded.scenario;
}

const ids = (claims: LoadedClaims): string[] => claims.claims.map(({ claim }) => claim.id);

describe("claims about a run", () => {
  let guide: LoadedClaims;
  const pool = new ReplicationPool(1, { inProcess: true });

  beforeAll(async () => {
    const loaded = await loadClaims(at("scenarios/claims/guide.yaml"));
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    guide = loaded.claims;
  });
  afterAll(() => pool.destroy());

  it("are the claims whose baseline or treatment is the run's scenario, value for value", async () => {
    expect(ids(claimsAbout(guide, await scenarioFile("scenarios/financial-services.yaml")))).toEqual([
      "exec-roi-3-5x",
      "p10-portfolio-roi",
      "p10-success-rate",
      "p10-time-to-production",
      "p10-retraining-compliance",
      "p10-platform-utilisation",
      "cs1-active-projects-50",
      "cs1-delivery-time-2-months",
      "cs1-success-85",
      "cs1-savings-15m",
    ]);
    expect(ids(claimsAbout(guide, await scenarioFile("scenarios/retail.yaml")))).toEqual([
      "exec-cost-60",
      "cs2-saving-70",
      "cs2-brands-20",
      "cs2-models-100",
      "summary-shared-infra",
    ]);
    // cs3-reset-gain and cs3-savings-8m compare the case without its reset (baseline) with the case (treatment)
    const manufacturing = await scenarioFile("scenarios/manufacturing.yaml");
    expect(ids(claimsAbout(guide, manufacturing))).toEqual([
      "cs3-roi-3-5",
      "cs3-reset-gain",
      "cs3-savings-8m",
    ]);
    // the baseline of those two is another scenario: a run of it is about them too
    const noReset = pointScenario(manufacturing, { "governance.portfolioReset.enabled": false }, "test");
    if (!noReset.ok) throw new Error("point");
    expect(ids(claimsAbout(guide, noReset.scenario))).toEqual(["cs3-reset-gain", "cs3-savings-8m"]);
  });

  it("compare the scenario a claim names without `set` as a sweep point with nothing set would make it", async () => {
    // load-claims.ts skips validating such a side again; the scenario must be the one pointScenario returns
    const refs = new Set<string>();
    for (const { claim, baseline, treatment } of guide.claims) {
      for (const side of [baseline, treatment]) {
        if (side === undefined || Object.keys(side.set).length > 0 || refs.has(side.ref)) continue;
        refs.add(side.ref);
        const base = await loadBase(side.ref, at("scenarios/claims"));
        if (!base.ok) throw new Error(formatIssues(base.issues));
        const point = pointScenario(base.scenario, {}, "test");
        if (!point.ok) throw new Error(formatIssues(point.issues));
        expect(canonicalJson(side.scenario), `${claim.id}: ${side.ref}`).toBe(canonicalJson(point.scenario));
      }
    }
    expect(refs.size).toBeGreaterThanOrEqual(10);
  });

  it("leave out a scenario that differs: the preset without the bank's cost reference, an edited copy", async () => {
    const preset = parseScenario("extends: financial-services\n", { file: "preset" });
    if (!preset.ok) throw new Error("preset");
    expect(ids(claimsAbout(guide, preset.scenario))).toEqual([]);
    const edited = pointScenario(
      await scenarioFile("scenarios/financial-services.yaml"),
      { "roadmap.investments[4].effects[0].value": 8 },
      "test",
    );
    if (!edited.ok) throw new Error(formatIssues(edited.issues));
    expect(ids(claimsAbout(guide, edited.scenario))).toEqual([]);
  });

  it("get the estimate, CI and verdict `scalesim claims -n 5 -s 17` gives each claim alone, reusing the run's replications", async () => {
    const scenario = await scenarioFile("scenarios/manufacturing.yaml");
    const about = claimsAbout(guide, scenario);
    const recording = new RecordingReplicationPool(
      2,
      about.claims.flatMap(({ claim }) => (claim.metric === undefined ? [] : [claim.metric])),
    );
    try {
      const run = await runScenario(scenario, { replications: 5, seed: 17, pool: recording });
      const outcome = await evaluateRunClaims(
        about,
        { scenario, seed: 17, replications: run.replications, records: recording.replications(5) },
        { pool: recording },
      );
      const panel = outcome.claims;
      // the pool kept only what the claims read of each replication
      for (const record of recording.replications(5)!) {
        expect(Object.keys(record.kpis).sort()).toEqual(["cost.total", "roi"]);
        expect(record.series).toEqual({});
      }
      // the run's 5 replications served the case; only the baseline without the reset ran
      expect(outcome.ran).toBe(5);
      expect(panel.replications).toBe(5);
      for (const [index, resolved] of about.claims.entries()) {
        const alone = await evaluateClaims(
          { ...about, claims: [resolved] },
          { seed: 17, forceReplications: 5, forceMaxReplications: 5, pool },
        );
        const expected = alone.claims[0]!;
        const shown = panel.claims[index]!;
        expect(shown.id).toBe(expected.id);
        expect(shown.estimate, shown.id).toBe(expected.estimate);
        expect(shown.ci, shown.id).toEqual(expected.ci);
        expect(shown.verdict, shown.id).toBe(expected.verdict);
        expect(shown.replications, shown.id).toBe(5);
        expect(shown.distribution).toBeUndefined();
      }
      // without the run's replications (a queue run) the same figures come from running them again
      const again = await evaluateRunClaims(about, { scenario, seed: 17, replications: 5 }, { pool });
      expect(again.ran).toBe(10);
      expect(again.claims).toEqual(panel);
    } finally {
      await recording.destroy();
    }
  }, 120_000);
});
