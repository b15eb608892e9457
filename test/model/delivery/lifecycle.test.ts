import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { simulateWith } from "../../../src/model/simulate-with.ts";
import { fakePlatform } from "../fake-platform.ts";
import { scenario } from "../scenario-fixture.ts";

const run = (over: Record<string, unknown> = {}, seed = 1) => {
  const platform = fakePlatform();
  const result = simulateWith(scenario(over), { seed, replication: 0 }, platform.factory);
  return { result, log: platform.log };
};

describe("lifecycle with one spoke, one project at a time, constant durations", () => {
  it("delivers exactly 56 days after approval, phase by phase", () => {
    const { result } = run();
    const delivered = result.projects.filter((p) => p.outcome === "delivered");
    expect(delivered.length).toBeGreaterThan(3);
    for (const p of delivered) {
      const a = p.approvalDay!;
      expect(p.startDay).toBeCloseTo(a, 9);
      expect(p.phaseEndDays.data).toBeCloseTo(a + 14, 9);
      expect(p.phaseEndDays.features).toBeCloseTo(a + 21, 9);
      expect(p.phaseEndDays.modelDev).toBeCloseTo(a + 42, 9);
      expect(p.phaseEndDays.validation).toBeCloseTo(a + 49, 9);
      expect(p.deliveryDay).toBeCloseTo(a + 56, 9);
      expect(p.timeToMarketDays).toBeCloseTo(56, 9);
    }
    expect(result.kpis.timeToMarketDays).toBeCloseTo(56, 9);
    expect(result.kpis.successRate).toBe(1);
  });

  it("never runs two projects at once on a single slot", () => {
    const { result } = run();
    const spans = result.projects
      .filter((p) => p.startDay !== undefined)
      .map((p) => [p.startDay!, p.deliveryDay ?? Number.POSITIVE_INFINITY] as const)
      .sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1] - 1e-9);
  });

  it("cannot finish model development before its training job (30-day job, 21 days of work)", () => {
    const { result, log } = run({ lifecycle: { training: { runHours: { dist: "constant", value: 720 } } } });
    const p = result.projects.find((x) => x.outcome === "delivered")!;
    expect(p.phaseEndDays.modelDev! - p.phaseEndDays.features!).toBeCloseTo(30, 9);
    expect(p.timeToMarketDays).toBeCloseTo(14 + 7 + 30 + 7 + 7, 9);
    expect(log.jobs.filter((j) => j.kind === "training").every((j) => j.runHours === 720)).toBe(true);
  });

  it("adds exactly the review time of a gate when a reviewer is free (40 h = 7 days)", () => {
    const { result } = run({
      organisation: { hub: { fte: 1, supportShare: 0, reviewShare: 1 } },
      governance: { gates: { afterPhases: ["data"], reviewHours: { dist: "constant", value: 40 } } },
    });
    const p = result.projects.find((x) => x.outcome === "delivered")!;
    expect(p.phaseEndDays.features! - p.phaseEndDays.data!).toBeCloseTo(7 + 7, 9);
    expect(p.timeToMarketDays).toBeCloseTo(63, 9);
  });

  it("forms a dedicated team first at level 1 (30 days), then works", () => {
    const { result } = run({
      organisation: {
        spokes: { count: 0 },
        pilotTeams: { maxConcurrent: 1, ftePerTeam: 1, formationDays: { dist: "constant", value: 30 } },
      },
    });
    const delivered = result.projects.filter((p) => p.outcome === "delivered");
    expect(delivered.length).toBeGreaterThan(1);
    for (const p of delivered) {
      expect(p.startDay! - p.approvalDay!).toBeCloseTo(30, 9);
      expect(p.timeToMarketDays).toBeCloseTo(86, 9);
    }
  });

  it("halves work time with 2 FTE per slot", () => {
    const { result } = run({ organisation: { spokes: { ftePerSpoke: 2 } } });
    const p = result.projects.find((x) => x.outcome === "delivered")!;
    expect(p.timeToMarketDays).toBeCloseTo(28, 9);
  });

  it("pays the spoke's people cost: 1 FTE at 365.25 a year costs 1 a day", () => {
    const { result } = run({ finance: { loadedCostPerFteYear: { spoke: 365.25 } } });
    expect(result.kpis["cost.people"]).toBeCloseTo(12 * DAYS_PER_MONTH, 6);
    const rows = result.costRows.filter((r) => r.xCostCategory === "people");
    expect(rows).toHaveLength(12);
    for (const r of rows) expect(r.billedCost).toBeCloseTo(DAYS_PER_MONTH, 6);
  });

  it("realises value from go-live: 10 000 a month per model without ramp", () => {
    const { result } = run();
    const horizonDays = 12 * DAYS_PER_MONTH;
    let expected = 0;
    for (const p of result.projects)
      if (p.outcome === "delivered") expected += (10_000 * (horizonDays - p.deliveryDay!)) / DAYS_PER_MONTH;
    expect(result.kpis.value).toBeCloseTo(expected, 6);
  });

  it("fails every project at deployment when attempts never succeed", () => {
    const { result } = run({ lifecycle: { deploymentTemplates: { manualSuccessRate: 0, maxAttempts: 2 } } });
    const finished = result.projects.filter((p) => p.outcome === "failed");
    expect(finished.length).toBeGreaterThan(0);
    expect(result.kpis.delivered).toBe(0);
    for (const p of finished) expect(p.killedDay! - p.approvalDay!).toBeCloseTo(56 + 3.5, 9);
  });

  it("reveals a latent failure and fails at validation without kill-early, kills at the gate with it", () => {
    const base = {
      demand: { successProbability: { low: 0, medium: 0, high: 0 } },
      lifecycle: { failureReveal: { data: 100, features: 0, modelDev: 0, validation: 0 } },
      organisation: { hub: { fte: 1, supportShare: 0, reviewShare: 1 } },
      governance: { gates: { afterPhases: ["data"], reviewHours: { dist: "constant", value: 0 } } },
    };
    const off = run(base).result;
    const on = run({ ...base, governance: { ...base.governance, killEarly: { enabled: true } } }).result;
    const failed = off.projects.filter((p) => p.outcome === "failed");
    const killed = on.projects.filter((p) => p.outcome === "killed");
    expect(failed.length).toBeGreaterThan(0);
    expect(killed.length).toBeGreaterThan(failed.length);
    for (const p of failed) expect(p.killedDay! - p.approvalDay!).toBeCloseTo(49, 9);
    for (const p of killed) expect(p.killedDay! - p.approvalDay!).toBeCloseTo(14, 9);
    expect(on.kpis.sunkCost! / killed.length).toBeLessThan(off.kpis.sunkCost! / failed.length);
  });
});

describe("kill-early compares like with like (issue 10 point 3)", () => {
  // high-risk ideas always fail and show it at the end of data, the others always succeed; work is constant, so
  // the only noise is the wait for the one reviewer (60 h reviews after data and after modelDev)
  const gated = (killEarly: Record<string, unknown>) =>
    run(
      {
        horizonMonths: 36,
        demand: {
          successProbability: { low: 1, medium: 1, high: 0 },
          businessUnits: [{ name: "unit-1", ratePerMonth: 1.2 }],
        },
        organisation: {
          hub: { fte: 1, supportShare: 0, reviewShare: 1 },
          spokes: { count: 4, maxConcurrentProjects: 2 },
        },
        lifecycle: { failureReveal: { data: 100, features: 0, modelDev: 0, validation: 0 } },
        governance: {
          gates: { afterPhases: ["data", "modelDev"], reviewHours: { dist: "constant", value: 60 } },
          killEarly: { maxOverrunRatio: 1.5, ...killEarly },
        },
      },
      7,
    ).result;

  it("kills only revealed failures on the effort basis, cuts sunk cost and keeps the successes' value", () => {
    const off = gated({ enabled: false });
    const on = gated({ enabled: true, overrunBasis: "effort" });
    const killed = on.projects.filter((p) => p.outcome === "killed");
    expect(killed.length).toBeGreaterThan(0);
    for (const p of killed) expect(p.risk).toBe("high");
    expect(on.kpis.sunkCost!).toBeLessThan(off.kpis.sunkCost!);
    // every delivered project is a latent success: kill-early frees capacity for them and takes no value away
    expect(on.kpis.value!).toBeGreaterThanOrEqual(off.kpis.value!);
    expect(on.kpis.delivered!).toBeGreaterThanOrEqual(off.kpis.delivered!);
  });

  it("the elapsed basis (the wait for a reviewer counted as overrun) kills latent successes in the same case", () => {
    const off = gated({ enabled: false });
    const on = gated({ enabled: true, overrunBasis: "elapsed" });
    expect(on.projects.filter((p) => p.outcome === "killed" && p.risk !== "high").length).toBeGreaterThan(0);
    expect(on.kpis.value!).toBeLessThan(off.kpis.value!);
  });
});

describe("gate reviews, staffing wait and lead time (issue 10 point 2)", () => {
  const gate = { afterPhases: ["data"], reviewHours: { dist: "constant", value: 40 } };
  const hub = { hub: { fte: 1, supportShare: 0, reviewShare: 1 } };

  it("automated governance shortens a review: 7 days at 50% validation saving become 3.5", () => {
    const { result } = run({
      organisation: hub,
      governance: { gates: gate, automatedValidationSaving: 0.5 },
    });
    const manual = run({ organisation: hub, governance: { gates: gate } }).result;
    const p = result.projects.find((x) => x.outcome === "delivered")!;
    // validation work 7 days x 0.5 = 3.5, review 7 x 0.5 = 3.5
    expect(p.phaseEndDays.features! - p.phaseEndDays.data!).toBeCloseTo(3.5 + 7, 9);
    expect(result.kpis.reviewerUtilisation!).toBeLessThan(manual.kpis.reviewerUtilisation!);
  });

  it("automatedReviewSaving overrides the validation saving for reviews", () => {
    const { result } = run({
      organisation: hub,
      governance: { gates: gate, automatedValidationSaving: 0.5, automatedReviewSaving: 0 },
    });
    const p = result.projects.find((x) => x.outcome === "delivered")!;
    expect(p.phaseEndDays.features! - p.phaseEndDays.data!).toBeCloseTo(7 + 7, 9);
  });

  it("reports the wait for staffing (team formation, 30 days) and lead time from arrival", () => {
    const { result } = run({
      organisation: {
        spokes: { count: 0 },
        pilotTeams: { maxConcurrent: 1, ftePerTeam: 1, formationDays: { dist: "constant", value: 30 } },
      },
    });
    expect(result.kpis.staffingWaitDays).toBeGreaterThanOrEqual(30);
    const delivered = result.projects.filter((p) => p.outcome === "delivered");
    const lead = delivered.map((p) => p.deliveryDay! - p.arrivalDay);
    expect(result.kpis.leadTimeDays).toBeCloseTo(lead.reduce((a, b) => a + b, 0) / lead.length, 9);
    expect(result.kpis.leadTimeDays!).toBeGreaterThan(result.kpis.timeToMarketDays!);
    expect(result.samples.staffingWaitDays!.every((d) => d >= 30 - 1e-9)).toBe(true);
  });

  it("hub utilisation over all its work adds reviews and platform work to support", () => {
    const { result } = run({
      organisation: { hub: { fte: 2, supportShare: 0, reviewShare: 0.5 } },
      governance: { gates: gate },
    });
    const k = result.kpis;
    expect(k["hubWork.platform"]).toBeCloseTo(0.5, 9);
    expect(k["hubWork.reviews"]!).toBeGreaterThan(0);
    expect(k.hubWorkUtilisation).toBeCloseTo(k["hubWork.support"]! + k["hubWork.reviews"]! + 0.5, 9);
  });
});

describe("team size per project (issue 10 point 2)", () => {
  const spokes = (teamSize: Record<string, unknown>, ratePerMonth = 2) =>
    run({
      organisation: { spokes: { count: 1, ftePerSpoke: 2, maxConcurrentProjects: 2, teamSize } },
      demand: { businessUnits: [{ name: "unit-1", ratePerMonth }] },
    }).result;

  it("slot mode: every project gets ftePerSpoke / maxConcurrentProjects (1 FTE: 56 days) whatever the load", () => {
    const r = spokes({ mode: "slot" }, 0.2);
    const delivered = r.projects.filter((p) => p.outcome === "delivered");
    expect(delivered.length).toBeGreaterThan(0);
    for (const p of delivered) expect(p.timeToMarketDays).toBeCloseTo(56, 9);
  });

  it("shared mode: a project alone on its spoke gets all 2 FTE (28 days); two share them", () => {
    const sparse = spokes({ mode: "shared", maxFtePerProject: 4 }, 0.2);
    const alone = sparse.projects.filter((p) => p.outcome === "delivered");
    expect(alone.length).toBeGreaterThan(0);
    // at 0.2 ideas a month most projects run alone: time to market 28 days, never more than the slot's 56
    expect(alone.some((p) => Math.abs(p.timeToMarketDays! - 28) < 1e-9)).toBe(true);
    for (const p of alone) expect(p.timeToMarketDays!).toBeLessThanOrEqual(56 + 1e-9);
    expect(sparse.kpis.timeToMarketDays!).toBeLessThan(spokes({ mode: "slot" }, 0.2).kpis.timeToMarketDays!);
  });

  it("shared mode: the maximum per project caps the speed-up (1 FTE max: 56 days again)", () => {
    const capped = spokes({ mode: "shared", maxFtePerProject: 1, minFtePerProject: 0.5 }, 0.2);
    for (const p of capped.projects.filter((x) => x.outcome === "delivered"))
      expect(p.timeToMarketDays).toBeCloseTo(56, 9);
  });

  it("shared mode: the minimum per project caps concurrency (min 2 FTE on a 2-FTE spoke: one at a time)", () => {
    const r = spokes({ mode: "shared", minFtePerProject: 2, maxFtePerProject: 2 });
    const spans = r.projects
      .filter((p) => p.startDay !== undefined)
      .map((p) => [p.startDay!, p.deliveryDay ?? Number.POSITIVE_INFINITY] as const)
      .sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1] - 1e-9);
  });

  it("shared mode keeps the work done when a spoke is restaffed: 56 person-days take 28 to 56 days", () => {
    const r = spokes({ mode: "shared", maxFtePerProject: 4 }, 1.5);
    const delivered = r.projects.filter((p) => p.outcome === "delivered");
    expect(delivered.length).toBeGreaterThan(5);
    // between 2 FTE all along (28 days) and 1 FTE all along (56 days); both extremes and the mixes occur
    for (const p of delivered) {
      expect(p.timeToMarketDays!).toBeGreaterThanOrEqual(28 - 1e-9);
      expect(p.timeToMarketDays!).toBeLessThanOrEqual(56 + 1e-9);
    }
    expect(delivered.some((p) => p.timeToMarketDays! > 28 + 1e-6 && p.timeToMarketDays! < 56 - 1e-6)).toBe(
      true,
    );
  });
});
