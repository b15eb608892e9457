/**
 * Idea arrivals alone: fake draws (every uniform 0.5, so candidate gaps are ln 2 / peak rate), a fake intake
 * that logs what reaches the portfolio, thinning against a ramped rate, and the projects running at month 0.
 */
import { describe, expect, it } from "vitest";
import { Environment } from "../../../engine/index.ts";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { IdeaArrivals } from "../../../src/model/delivery/idea-arrivals.ts";
import type { IdeaDraws, IdeaIntake } from "../../../src/model/delivery/ports.ts";
import type { Project } from "../../../src/model/delivery/project.ts";
import { DayTrace } from "../../../src/model/delivery/trace-log.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";

/** Candidate gap (days) at 2 ideas per month when every uniform is 0.5: about 10.55 days. */
const GAP = -Math.log(1 - 0.5) / (2 / DAYS_PER_MONTH);

function run(units: unknown[], initialProjects = 0) {
  const env = new Environment();
  const params = deliverySchema.parse({ demand: { businessUnits: units, initialProjects } });
  const log: string[] = [];
  const draws: IdeaDraws = {
    drawIdea: (p) => {
      p.annualValue = 1000 + p.id;
    },
    arrivals: () => () => 0.5,
    initialPhase: () => 2,
  };
  const intake: IdeaIntake = {
    triage: (p) => log.push(`triage project-${p.id} unit ${p.unit} day ${p.arrivalDay}`),
    admitInitial: (p, phase) => log.push(`admitInitial project-${p.id} unit ${p.unit} phase ${phase}`),
  };
  const projects: Project[] = [];
  const trace = new DayTrace(env, true);
  new IdeaArrivals({ env, params, draws, intake, projects, trace }).start(DAYS_PER_MONTH);
  env.run();
  return { log, projects, trace };
}

describe("idea arrivals through their ports", () => {
  it("sends each unit's ideas to the portfolio until the horizon; a unit with rate 0 sends none", () => {
    const { log, projects, trace } = run([
      { name: "u1", ratePerMonth: 2 },
      { name: "u2", ratePerMonth: 0 },
    ]);
    expect(log).toEqual([`triage project-0 unit 0 day ${GAP}`, `triage project-1 unit 0 day ${2 * GAP}`]);
    expect(projects.map((p) => p.annualValue)).toEqual([1000, 1001]);
    expect(trace.lines).toEqual(["10.55 idea project-0 from u1", "21.10 idea project-1 from u1"]);
  });

  it("thins candidates against a ramp: at half the peak rate, only candidates after mid-ramp are kept", () => {
    // rate ramps from 0 to 2 per month over month 0: a candidate at day t is kept when 0.5 <= t / month
    const { log } = run([{ name: "u1", ratePerMonth: 2, ramp: { months: 1, startFactor: 0 } }]);
    expect(log).toEqual([`triage project-0 unit 0 day ${2 * GAP}`]);
  });

  it("admits the projects running at month 0 round-robin over the units, before any arrival", () => {
    const { log } = run([{ name: "u1", ratePerMonth: 2 }, { name: "u2" }], 3);
    expect(log.slice(0, 3)).toEqual([
      "admitInitial project-0 unit 0 phase 2",
      "admitInitial project-1 unit 1 phase 2",
      "admitInitial project-2 unit 0 phase 2",
    ]);
    expect(log[3]).toBe(`triage project-3 unit 0 day ${GAP}`);
  });
});
