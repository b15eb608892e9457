/**
 * The portfolio driven alone through fake ports: a staffing double with two slots (a spoke, then a team to
 * form), a runner double that logs what it is asked to do, and the month book it records into.
 */
import { describe, expect, it } from "vitest";
import { Environment } from "../../../engine/index.ts";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { MonthBook } from "../../../src/model/delivery/month-book.ts";
import { Portfolio } from "../../../src/model/delivery/portfolio.ts";
import type { ProjectRunner, Staffing } from "../../../src/model/delivery/ports.ts";
import { Project } from "../../../src/model/delivery/project.ts";
import { DayTrace } from "../../../src/model/delivery/trace-log.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";

function setup(slots: number, governance: Record<string, unknown> = {}) {
  const env = new Environment();
  const log: string[] = [];
  const at = (text: string) => log.push(`${env.now.toFixed(1)} ${text}`);
  const params = deliverySchema.parse({
    portfolio: { tiers: { fastTrack: 0, nextCycle: 0, deferred: 0 } },
    governance,
  });
  let used = 0;
  const staffing: Staffing = {
    hasCapacity: () => used < slots,
    hasCapacityFor: () => used < slots,
    staff: (p) => {
      used++;
      p.staffing = used === 1 ? "spoke" : "dedicated";
      at(`staff project-${p.id} ${p.staffing}`);
      return used === 1;
    },
    staffFormedTeam: (p) => at(`staffFormedTeam project-${p.id}`),
    release: (p) => {
      used--;
      at(`release project-${p.id}`);
    },
  };
  const runner: ProjectRunner = {
    start: (p, phase = 0) => {
      p.status = "active";
      at(`start project-${p.id} phase ${phase}`);
    },
    formTeam: (p) => {
      p.status = "forming";
      at(`formTeam project-${p.id}`);
    },
    abort: (p, outcome) => {
      p.status = outcome;
      at(`abort project-${p.id} ${outcome}`);
    },
    staffUp: (p, multiplier) => at(`staffUp project-${p.id} x${multiplier}`),
  };
  const projects: Project[] = [];
  const book = new MonthBook(2);
  const trace = new DayTrace(env, true);
  const portfolio = new Portfolio({
    env,
    params,
    staffing,
    runner,
    draws: { scoringNoise: () => 0 },
    maturityLevel: () => 3,
    projects,
    book,
    trace,
  });
  const idea = (): Project => {
    const p = new Project(projects.length, 0, env.now);
    p.annualValue = 1e6;
    projects.push(p);
    return p;
  };
  return { env, log, portfolio, idea, book, trace };
}

describe("portfolio through its ports", () => {
  it("approves fast-track ideas while capacity lasts, keeps the rest, and refills when a project ends", () => {
    const { env, log, portfolio, idea, book, trace } = setup(2);
    const [a, b, c] = [idea(), idea(), idea()] as [Project, Project, Project];
    for (const p of [a, b, c]) portfolio.triage(p);
    env.schedule(10, () => {
      portfolio.release(a);
      portfolio.fill(true);
    });
    env.schedule(DAYS_PER_MONTH, () => portfolio.closeMonth(0));
    env.run();
    expect(log).toEqual([
      "0.0 staff project-0 spoke",
      "0.0 start project-0 phase 0",
      "0.0 staff project-1 dedicated",
      "0.0 formTeam project-1",
      "10.0 release project-0",
      "10.0 staff project-2 dedicated",
      "10.0 formTeam project-2",
    ]);
    expect([a.approvalDay, b.approvalDay, c.approvalDay]).toEqual([0, 0, 10]);
    expect(c.levelAtApproval).toBe(3);
    expect(portfolio.backlog).toEqual([]);
    expect(book.values("activeProjects")).toEqual([2, 0]);
    expect(book.values("backlog")).toEqual([0, 0]);
    expect(trace.lines.map((line) => line.replace(/score [\d.]+/, "score S"))).toEqual([
      "0.00 approve project-0 score S spoke",
      "0.00 approve project-1 score S dedicated",
      "10.00 approve project-2 score S dedicated",
    ]);
  });

  it("admits a project running at month 0 with its own team, in its phase", () => {
    const { log, portfolio, idea } = setup(0);
    const p = idea();
    portfolio.admitInitial(p, 2);
    expect(log).toEqual(["0.0 staffFormedTeam project-0", "0.0 start project-0 phase 2"]);
    expect([p.initial, p.approvalDay, p.levelAtApproval, portfolio.activeCount]).toEqual([true, 0, 3, 1]);
  });

  it("resets: kills the lowest-ranked in-flight project, staffs up the highest, then refills", () => {
    const portfolioReset = {
      enabled: true,
      atMonth: 1,
      killBottom: 1,
      doubleDownTop: 1,
      staffingMultiplier: 2,
    };
    const { log, portfolio, idea } = setup(2, { portfolioReset });
    const [a, b] = [idea(), idea()] as [Project, Project];
    a.annualValue = 1e5;
    b.annualValue = 1e7;
    portfolio.triage(a);
    portfolio.triage(b);
    log.length = 0;
    portfolio.reset();
    expect(log).toEqual(["0.0 abort project-0 killed", "0.0 staffUp project-1 x2"]);
  });
});
