/**
 * The lifecycle driven alone through fake ports: every call it makes to staffing, platform and project events
 * is logged with the day it happened, so the expectations are the exact script of a project's life.
 */
import { describe, expect, it } from "vitest";
import { Environment, type Request, Resource, URGENT } from "../../../engine/index.ts";
import { Lifecycle } from "../../../src/model/delivery/lifecycle.ts";
import type {
  LifecycleDraws,
  ProjectObserver,
  ProjectOutcomes,
  ProjectStaffing,
} from "../../../src/model/delivery/ports.ts";
import { Project } from "../../../src/model/delivery/project.ts";
import { Tenancy } from "../../../src/model/delivery/tenancy.ts";
import type { JobOutcome } from "../../../src/model/platform/port.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";

/** Effort per phase in person-weeks: data 2, features 1, modelDev 3, validation 1, deployment 1. */
const EFFORT = [2, 1, 3, 1, 1];

interface Options {
  reviewers?: number;
  supportServers?: number;
  gates?: string[];
  blockerEveryDays?: number;
  /** The work days until a support request, drawn in turn by the projects (then none). */
  supportGaps?: number[];
}

function setup(over: Options = {}) {
  const env = new Environment();
  const log: string[] = [];
  // ProjectStaffing's rule: a grant callback calls granted() before anything else, even when its project no longer
  // waits for the request. The fake's own callback on each request it hands out was added first, so it runs first
  // when the grant is processed and marks a grant owed; granted() pays it; a port call while it is owed, or the end
  // of the grant's processing with it unpaid (an URGENT check at the same time), fails the run.
  let grantOwed = false;
  const checkPaid = () => {
    if (grantOwed) throw new Error("a grant callback did not call granted()");
  };
  const watchGrant = (request: Request): Request => {
    request.then(() => {
      grantOwed = true;
      env.schedule(0, checkPaid, URGENT);
    });
    return request;
  };
  /** Called when a review release has been processed: the next queued request, if any, is granted then. */
  const hooks = { reviewReleased: () => {} };
  const at = (text: string) => {
    if (grantOwed) throw new Error(`${text} before granted()`);
    log.push(`${env.now.toFixed(1)} ${text}`);
  };
  const params = deliverySchema.parse({
    demand: { businessUnits: [{ name: "unit-1", tenant: "retail", region: "eu" }] },
    governance: { gates: { afterPhases: over.gates ?? [] } },
    lifecycle: { training: { jobsPerProject: 1, nodes: 2, priority: 3 } },
  });
  const reviewerCount = over.reviewers ?? 0;
  const reviewers = new Resource(env, Math.max(1, reviewerCount));
  const supportCount = over.supportServers ?? 0;
  const support = new Resource(env, Math.max(1, supportCount));
  const staffing: ProjectStaffing = {
    hasSupport: () => supportCount > 0,
    hasReviewers: () => reviewerCount > 0,
    requestSupport: () => {
      at("requestSupport");
      return watchGrant(support.request());
    },
    releaseSupport: (r: Request) => {
      at("releaseSupport");
      support.release(r);
    },
    requestReview: () => {
      at("requestReview");
      return watchGrant(reviewers.request());
    },
    granted: () => {
      if (!grantOwed) throw new Error("granted() called with no grant being processed");
      grantOwed = false;
    },
    releaseReview: (r: Request) => {
      at("releaseReview");
      reviewers.release(r).then(() => hooks.reviewReleased());
    },
    cancelRequest: (r: Request) => {
      at("cancelRequest");
      r.cancel();
    },
    teamFormed: (p) => at(`teamFormed project-${p.id}`),
    addDedicatedFte: (p, fte) => at(`addDedicatedFte project-${p.id} ${fte}`),
  };
  let blockers = 0;
  const supportGaps = [...(over.supportGaps ?? [])];
  const draws: LifecycleDraws = {
    reuseSource: () => 0.5,
    featureSource: () => 0.5,
    formationDays: () => 10,
    trainingHours: () => 24,
    nextSupportGap: () => supportGaps.shift() ?? Number.POSITIVE_INFINITY,
    nextBlockerGap: () =>
      over.blockerEveryDays !== undefined && blockers++ === 0
        ? over.blockerEveryDays
        : Number.POSITIVE_INFINITY,
    blockerResolutionDays: () => 3,
    supportHours: () => 10,
    reviewDays: () => 4,
    adHocGateDays: () => 2,
    deploymentDraw: () => 0,
    expectedEffort: (_p, phase) => EFFORT[phase]!,
  };
  const observer: ProjectObserver = {
    started: (p) => at(`started project-${p.id}`),
    phaseEnded: (p, phase) => at(`phaseEnded project-${p.id} ${phase}`),
    phaseEffort: (phase, effort, rework) => at(`phaseEffort ${phase} ${effort}${rework ? " rework" : ""}`),
    supportWaited: (days) => at(`supportWaited ${days}`),
    gateWaited: (days) => at(`gateWaited ${days}`),
    delivered: (p) => at(`delivered project-${p.id} ${p.status} ${p.deliveryDay}`),
    ended: (p) => at(`ended project-${p.id} ${p.status} ${p.endDay}`),
  };
  const outcomes: ProjectOutcomes = {
    delivered: (p) => at(`outcome delivered project-${p.id}`),
    ended: (p) => at(`outcome ended project-${p.id}`),
  };
  const lifecycle = new Lifecycle({
    env,
    params,
    staffing,
    platform: {
      submitJob: (job) => {
        at(
          `submitJob ${job.kind} ${job.tenant} ${job.region} ${job.nodes}x${job.runHours}h p${job.priority} ${job.label}`,
        );
        return env.timeout<JobOutcome>(job.runHours / 24, {
          waitHours: 0,
          runHours: job.runHours,
          evictions: 0,
        });
      },
    },
    reuse: { librarySaving: () => 0, pickFamilies: () => 0, markBuilt: () => {} },
    draws,
    tenancy: new Tenancy(params),
    observer,
    outcomes,
  });
  const project = (id: number, fte: number): Project => {
    const p = new Project(id, 0, 0);
    EFFORT.forEach((e, i) => {
      p.effortPersonWeeks[i] = e;
    });
    p.fte = fte;
    p.successDraw = 0;
    return p;
  };
  return { env, log, lifecycle, project, hooks };
}

describe("lifecycle through its ports", () => {
  it("forms a team, works phase by phase, waits for training and an ad-hoc gate, then delivers", () => {
    const { env, log, lifecycle, project } = setup({ gates: ["data"] });
    lifecycle.formTeam(project(0, 1));
    env.run();
    expect(log).toEqual([
      "10.0 teamFormed project-0",
      "10.0 started project-0",
      "10.0 phaseEffort 0 2",
      "24.0 phaseEnded project-0 0",
      "26.0 phaseEffort 1 1",
      "33.0 phaseEnded project-0 1",
      "33.0 submitJob training retail eu 2x24h p3 project-0/training",
      "33.0 phaseEffort 2 3",
      "54.0 phaseEnded project-0 2",
      "54.0 phaseEffort 3 1",
      "61.0 phaseEnded project-0 3",
      "61.0 phaseEffort 4 1",
      "68.0 phaseEnded project-0 4",
      "68.0 delivered project-0 delivered 68",
      "68.0 outcome delivered project-0",
    ]);
  });

  it("queues for a hub reviewer at a gate and reports the wait", () => {
    const { env, log, lifecycle, project } = setup({ gates: ["data"], reviewers: 1 });
    lifecycle.start(project(0, 1));
    lifecycle.start(project(1, 2));
    env.run({ until: 20 });
    expect(log).toEqual([
      "0.0 started project-0",
      "0.0 phaseEffort 0 2",
      "0.0 started project-1",
      "0.0 phaseEffort 0 2",
      "7.0 phaseEnded project-1 0",
      "7.0 requestReview",
      "7.0 gateWaited 0",
      "11.0 releaseReview",
      "11.0 phaseEffort 1 1",
      "14.0 phaseEnded project-0 0",
      "14.0 requestReview",
      "14.0 gateWaited 0",
      "14.5 phaseEnded project-1 1",
      "14.5 submitJob training retail eu 2x24h p3 project-1/training",
      "14.5 phaseEffort 2 3",
      "18.0 releaseReview",
      "18.0 phaseEffort 1 1",
    ]);
  });

  it("queues for a hub support server, reports the wait and frees the server when the help is given", () => {
    const { env, log, lifecycle, project } = setup({ supportServers: 1, supportGaps: [1, 1] });
    lifecycle.start(project(0, 1));
    lifecycle.start(project(1, 1));
    env.run({ until: 20 });
    // 10 expert hours at 40 hours per FTE-week: 1.75 days of help each, project-1's after project-0's (2.75 to
    // 4.5); then the 13 work days left of each data phase (14 days of 1 FTE)
    expect(log.slice(4)).toEqual([
      "1.0 requestSupport",
      "1.0 requestSupport",
      "1.0 supportWaited 0",
      "2.8 releaseSupport",
      "2.8 supportWaited 1.75",
      "4.5 releaseSupport",
      "15.8 phaseEnded project-0 0",
      "15.8 phaseEffort 1 1",
      "17.5 phaseEnded project-1 0",
      "17.5 phaseEffort 1 1",
    ]);
  });

  it("doubles the staff of a working project (extra FTE paid) and halves the rest of its work", () => {
    const { env, log, lifecycle, project } = setup();
    const p = project(0, 1);
    lifecycle.start(p);
    env.run({ until: 4 });
    lifecycle.staffUp(p, 2);
    env.run({ until: 13 });
    expect(log).toEqual([
      "0.0 started project-0",
      "0.0 phaseEffort 0 2",
      "4.0 addDedicatedFte project-0 1",
      "9.0 phaseEnded project-0 0",
      "9.0 phaseEffort 1 1",
      "12.5 phaseEnded project-0 1",
      "12.5 submitJob training retail eu 2x24h p3 project-0/training",
      "12.5 phaseEffort 2 3",
    ]);
    expect(p.fte).toBe(2);
    expect(p.personDays).toBe(4);
  });

  it("stops a blocked project on abort, cancelling its pending wait and reporting the end", () => {
    const { env, log, lifecycle, project } = setup({ blockerEveryDays: 5 });
    const p = project(0, 1);
    lifecycle.start(p);
    env.run({ until: 6 });
    lifecycle.abort(p, "killed");
    expect(env.peek()).toBe(Number.POSITIVE_INFINITY);
    env.run();
    expect(log).toEqual([
      "0.0 started project-0",
      "0.0 phaseEffort 0 2",
      "6.0 ended project-0 killed 6",
      "6.0 outcome ended project-0",
    ]);
    expect(p.wait).toBe("none");
    expect(p.personDays).toBe(6);
  });

  it("withdraws a queued review request when a waiting project is killed", () => {
    const { env, log, lifecycle, waiting } = twoAtOneReviewer();
    env.run({ until: 15 });
    lifecycle.abort(waiting, "killed");
    env.run({ until: 19 });
    expect(log.slice(4)).toEqual([
      ...BOTH_AT_THE_GATE,
      "15.0 cancelRequest",
      "15.0 ended project-1 killed 15",
      "15.0 outcome ended project-1",
      "18.0 releaseReview",
      "18.0 phaseEffort 1 1",
    ]);
  });

  it("calls granted() for a project killed between its grant and the grant's processing", () => {
    const { env, log, lifecycle, hooks, waiting } = twoAtOneReviewer();
    // at 18 project-0's review ends and the reviewer is granted to project-1: kill project-1 right after that
    // grant, before it is processed (its grant callback must still call granted() first)
    hooks.reviewReleased = () => lifecycle.abort(waiting, "killed");
    env.run({ until: 19 });
    expect(log.slice(4)).toEqual([
      ...BOTH_AT_THE_GATE,
      "18.0 releaseReview",
      "18.0 phaseEffort 1 1",
      "18.0 cancelRequest",
      "18.0 ended project-1 killed 18",
      "18.0 outcome ended project-1",
    ]);
  });
});

/** Two projects of 1 FTE started at day 0 behind a gate after data, with one hub reviewer: project-1 waits at 14. */
function twoAtOneReviewer() {
  const run = setup({ gates: ["data"], reviewers: 1 });
  const waiting = run.project(1, 1);
  run.lifecycle.start(run.project(0, 1));
  run.lifecycle.start(waiting);
  return { ...run, waiting };
}

/**
 * The log of {@link twoAtOneReviewer} at day 14. A free reviewer is granted through the event list (SimPy's
 * order), so project-0's grant is processed after project-1's phase end of the same instant.
 */
const BOTH_AT_THE_GATE = [
  "14.0 phaseEnded project-0 0",
  "14.0 requestReview",
  "14.0 phaseEnded project-1 0",
  "14.0 requestReview",
  "14.0 gateWaited 0",
];
