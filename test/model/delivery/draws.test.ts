/**
 * The delivery model's draws: which stream each draw comes from and in which order, derived again here from
 * engine/random's primitives on the same seed (a reordering inside DeliveryDraws changes every result), and
 * the rebuild after a roadmap effect.
 */
import { describe, expect, it } from "vitest";
import { categorical, exponentialGap, StreamFactory, sampler } from "../../../engine/index.ts";
import { DeliveryDraws, engineSpec } from "../../../src/model/delivery/draws.ts";
import { CATEGORIES, HORIZONS, IMPACTS, Project, RISKS } from "../../../src/model/delivery/project.ts";
import { setParameter } from "../../../src/model/delivery/roadmap.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";
import { PHASES } from "../../../src/scenario/phases.ts";

const params = deliverySchema.parse({
  lifecycle: { horizonEffortMultiplier: { quickWin: 0.5, medium: 1, longBet: 2 } },
  organisation: { support: { requestsPerProjectWeek: 0.7 } },
});

describe("delivery draws", () => {
  it("draws an idea from the attributes, effort and success streams, in a fixed order", () => {
    const p = new Project(0, 0, 0);
    new DeliveryDraws(params, new StreamFactory(7, 3)).drawIdea(p);

    const s = new StreamFactory(7, 3);
    const d = params.demand;
    const attributes = s.get("attributes");
    const category = categorical(
      attributes,
      CATEGORIES.map((k) => d.category[k]),
    )();
    const impact = categorical(
      attributes,
      IMPACTS.map((k) => d.impact[k]),
    )();
    const horizon = categorical(
      attributes,
      HORIZONS.map((k) => d.horizon[k]),
    )();
    const risk = categorical(
      attributes,
      RISKS.map((k) => d.risk[k]),
    )();
    const value = sampler(engineSpec(d.annualValue[IMPACTS[impact]!]), attributes)();
    const criticality = sampler(engineSpec(d.criticality), attributes)();
    const mult = params.lifecycle.horizonEffortMultiplier[HORIZONS[horizon]!];
    const effort = s.get("effort");
    const efforts = PHASES.map(
      (k) => Math.max(0, sampler(engineSpec(params.lifecycle.effortPersonWeeks[k]), effort)()) * mult,
    );
    const success = s.get("success");
    const successDraw = success();
    const templateDraw = success();

    expect([p.category, p.impact, p.horizon, p.risk]).toEqual([category, impact, horizon, risk]);
    expect(p.annualValue).toBe(Math.max(0, value));
    expect(p.criticality).toBe(Math.min(Math.max(criticality, 0), 1));
    expect(p.effortPersonWeeks).toEqual(efforts);
    expect([p.successDraw, p.templateDraw]).toEqual([successDraw, templateDraw]);
  });

  it("draws support gaps at the per-week rate less self-service answers, re-read at every draw", () => {
    const changed = structuredClone(params);
    const draws = new DeliveryDraws(changed, new StreamFactory(7, 3));
    const support = new StreamFactory(7, 3).get("support");
    const first = exponentialGap(support, 0.7 / 7);
    const second = exponentialGap(support, (0.7 * (1 - 0.5)) / 7);
    expect(draws.nextSupportGap()).toBe(first);
    setParameter(changed, "organisation.selfService.enabled", true);
    setParameter(changed, "organisation.selfService.supportReduction", 0.5);
    expect(draws.nextSupportGap()).toBe(second);
  });

  it("samples durations with the distributions in force after rebuild()", () => {
    const changed = structuredClone(params);
    const draws = new DeliveryDraws(changed, new StreamFactory(1, 0));
    for (const key of ["min", "mode", "max"])
      setParameter(changed, `organisation.pilotTeams.formationDays.${key}`, 12);
    expect(draws.formationDays()).toBeGreaterThan(30);
    draws.rebuild();
    expect(draws.formationDays()).toBe(12);
  });
});
