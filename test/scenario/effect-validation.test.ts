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

  it("a list item is reached by index, checked against the scenario's list; a business unit's rate may change", () => {
    const [outside] = issuesOf(
      withEffects(`        - { path: "demand.businessUnits[4].ratePerMonth", value: 3 }\n`),
    );
    expect(outside?.message).toContain("the list has 4 items, index 0 to 3");
    expect(
      issuesOf(withEffects(`        - { path: "demand.businessUnits[3].ratePerMonth", value: 3 }\n`)),
    ).toEqual([]);
    expect(
      issuesOf(withEffects(`        - { path: "demand.businessUnits[3].ramp.startFactor", value: 0.5 }\n`)),
    ).toEqual([]);
  });

  it("a bad business-unit value gets the schema's message with file, line and path", () => {
    const [issue] = issuesOf(
      withEffects(`        - { path: "demand.businessUnits[1].ratePerMonth", value: -2 }\n`),
    );
    expect(issue).toMatchObject({
      file: "plan.yaml",
      line: 9,
      path: "roadmap.investments[0].effects[0].value",
      value: -2,
      message: "after this effect, demand.businessUnits.1.ratePerMonth: expected a number >= 0, got -2",
    });
  });

  it("platform paths are validated like the others (did-you-mean, the schema's bounds) and then apply", () => {
    const typo = issuesOf(withEffects("        - { path: platform.serving.mod, value: 3 }\n"));
    expect(typo[0]?.message).toContain('did you mean "platform.serving.mode"?');
    const [bound] = issuesOf(withEffects(`        - { path: "platform.clusters[0].maxNodes", value: -1 }\n`));
    expect(bound).toMatchObject({
      file: "plan.yaml",
      line: 9,
      path: "roadmap.investments[0].effects[0].value",
    });
    expect(bound?.message).toMatch(/^after this effect, platform\.clusters\.0\.maxNodes: .*-1/);
    expect(issuesOf(withEffects(`        - { path: "platform.clusters[0].maxNodes", value: 30 }\n`))).toEqual(
      [],
    );
  });

  it("a platform option is one of the schema's options; a cross-field rule is checked with the effect in place", () => {
    expect(issuesOf(withEffects("        - { path: platform.serving.mode, value: multiModel }\n"))).toEqual(
      [],
    );
    const [option] = issuesOf(withEffects("        - { path: platform.serving.mode, value: multimodel }\n"));
    expect(option?.path).toBe("roadmap.investments[0].effects[0].value");
    expect(option?.message).toContain("after this effect, platform.serving.mode:");
    expect(option?.message).toContain('"multiModel"');
    const [cross] = issuesOf(withEffects(`        - { path: "platform.clusters[0].minNodes", value: 80 }\n`));
    expect(cross?.message).toMatch(/after this effect, platform\.clusters\.0\..*80/);
    const [type] = issuesOf(
      withEffects(`        - { path: "platform.clusters[0].maxNodes", value: many }\n`),
    );
    expect(type?.message).toBe('roadmap effect "platform.clusters[0].maxNodes" needs a number, got "many"');
  });

  it("a text parameter with other forms (lifetimeMonths: never | a distribution) is judged by the schema", () => {
    const [bad] = issuesOf(
      withEffects("        - { path: lifecycle.production.lifetimeMonths, value: 24 }\n"),
    );
    expect(bad).toMatchObject({ path: "roadmap.investments[0].effects[0].value", line: 9 });
    expect(bad?.message).toBe(
      "after this effect, lifecycle.production.lifetimeMonths: 24 matches none of the allowed forms",
    );
  });

  it("the parameters that define the run are refused with the reason", () => {
    const reason = (path: string, value: string) =>
      issuesOf(withEffects(`        - { path: "${path}", value: ${value} }\n`))[0]?.message;
    expect(reason("platform.enabled", "false")).toContain("simulated for the whole run or not at all");
    expect(reason("platform.clusters[0].region", "eu")).toContain("data residency");
    expect(reason("platform.clusters[0].fixedComparisonNodes", "10")).toContain(
      "comparison over the whole run",
    );
    expect(reason("platform.tiers.catalogue.Gold.redundancy", "single")).toContain("architecture");
    expect(reason("demand.businessUnits[0].name", "other")).toContain("names identify");
    expect(reason("platform.workloads.servedModels.count", "5")).toContain("laid out at month 0");
    expect(reason("demand.businessUnits[0].name", "other")).toMatch(
      /^roadmap effect "demand\.businessUnits\[0\]\.name" cannot change during a run: /,
    );
  });

  it("top-level fields cannot be effects, and a type mismatch names the type", () => {
    expect(issuesOf(withEffects("        - { path: horizonMonths, value: 6 }\n"))[0]?.message).toContain(
      "only organisation, demand, portfolio, lifecycle, governance, finance, platform parameters",
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
