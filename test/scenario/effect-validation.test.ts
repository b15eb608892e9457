import { describe, expect, it } from "vitest";
import { simulate } from "../../src/model/simulate.ts";
import { parseScenario } from "../../src/scenario/load.ts";

function withEffects(effects: string, extra = ""): string {
  return `extends: [level-3, demand-level-3]\nhorizonMonths: 12\n${extra}roadmap:\n  investments:\n    - name: x\n      startMonth: 1\n      durationMonths: 2\n      effects:\n${effects}`;
}

function issuesOf(text: string) {
  const result = parseScenario(text, { file: "plan.yaml" });
  return result.ok ? [] : result.issues;
}

describe("roadmap effects are checked like the scenario (issue 10, point 9)", () => {
  it("a typo in an effect path gets a did-you-mean and the file's line", () => {
    const [issue] = issuesOf(withEffects("        - { path: organisation.spoke.count, value: 8 }\n"));
    expect(issue).toMatchObject({
      file: "plan.yaml",
      line: 9,
      path: "roadmap.investments[0].effects[0].path",
    });
    expect(issue?.message).toContain('did you mean "organisation.spokes.count"?');
  });

  it("an effect value outside the parameter's range is refused with the schema's own message (spokes.count -3 ran before)", () => {
    const [issue] = issuesOf(withEffects("        - { path: organisation.spokes.count, value: -3 }\n"));
    expect(issue).toMatchObject({ path: "roadmap.investments[0].effects[0].value", line: 9 });
    expect(issue?.message).toBe(
      "after this effect, organisation.spokes.count: expected a number >= 0, got -3",
    );
  });

  it("a list item is reached by index, checked against the scenario's list; business units are refused with the reason", () => {
    const [outside] = issuesOf(
      withEffects(`        - { path: "demand.businessUnits[4].ratePerMonth", value: 3 }\n`),
    );
    expect(outside?.message).toContain("the list has 4 items, index 0 to 3");
    const [inside] = issuesOf(
      withEffects(`        - { path: "demand.businessUnits[3].ratePerMonth", value: 3 }\n`),
    );
    expect(inside?.message).toContain("arrivals are scheduled when the run starts");
  });

  it("platform paths are validated like the others, then refused with the reason (the platform is built once)", () => {
    const typo = issuesOf(withEffects("        - { path: platform.serving.mod, value: 3 }\n"));
    expect(typo[0]?.message).toContain('did you mean "platform.serving.mode"?');
    const bound = issuesOf(withEffects(`        - { path: "platform.clusters[0].maxNodes", value: -1 }\n`));
    expect(bound[0]?.path).toBe("roadmap.investments[0].effects[0].value");
    const valid = issuesOf(withEffects(`        - { path: "platform.clusters[0].maxNodes", value: 30 }\n`));
    expect(valid[0]?.message).toContain("platform parameters cannot change during a run yet");
  });

  it("top-level fields cannot be effects, and a type mismatch names the type", () => {
    expect(issuesOf(withEffects("        - { path: horizonMonths, value: 6 }\n"))[0]?.message).toContain(
      "only organisation, demand, portfolio, lifecycle, governance, finance parameters",
    );
    expect(
      issuesOf(withEffects("        - { path: organisation.guilds.enabled, value: 2 }\n"))[0]?.message,
    ).toContain("needs a true/false, got 2");
  });

  it("a valid delivery effect still applies during the run (more spokes from month 3 deliver more)", () => {
    const base = parseScenario(withEffects("        - { path: organisation.hub.fte, value: 16 }\n"));
    const more = parseScenario(withEffects("        - { path: organisation.spokes.count, value: 12 }\n"));
    if (!base.ok || !more.ok) throw new Error("fixtures must validate");
    const options = { seed: 3, replication: 0 };
    expect(simulate(more.scenario, options).kpis.started!).toBeGreaterThan(
      simulate(base.scenario, options).kpis.started!,
    );
  });
});
