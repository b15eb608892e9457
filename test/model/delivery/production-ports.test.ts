/**
 * Production alone: a live model handed to a fake platform, its retraining jobs, and the value it records in
 * the month book, with and without a retraining that runs late.
 */
import { describe, expect, it } from "vitest";
import { Environment } from "../../../engine/index.ts";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { MonthBook } from "../../../src/model/delivery/month-book.ts";
import { Production } from "../../../src/model/delivery/production.ts";
import { Project } from "../../../src/model/delivery/project.ts";
import { Tenancy } from "../../../src/model/delivery/tenancy.ts";
import type { JobOutcome } from "../../../src/model/platform/port.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";

const M = DAYS_PER_MONTH;

function setup(automated: boolean) {
  const env = new Environment();
  const log: string[] = [];
  const at = (text: string) => log.push(`${env.now.toFixed(1)} ${text}`);
  const params = deliverySchema.parse({
    demand: { businessUnits: [{ name: "u1", tenant: "A", region: "eu" }] },
    lifecycle: {
      production: {
        retrainEveryDays: 10,
        retrainAutomated: automated,
        retrainNodes: 2,
        realisation: 1,
        valueRampMonths: 0,
        decayPerMonthOverdue: 0.5,
      },
    },
  });
  const book = new MonthBook(2);
  const production = new Production({
    env,
    params,
    platform: {
      assignTier: (criticality) => {
        at(`assignTier ${criticality}`);
        return "Gold";
      },
      addProductionModel: (m) => at(`addProductionModel ${JSON.stringify(m)}`),
      removeProductionModel: (id) => at(`removeProductionModel ${id}`),
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
    draws: {
      retrainHours: () => 48,
      manualRetrainDelay: () => 10,
      lifetimeDays: () => Number.POSITIVE_INFINITY,
    },
    tenancy: new Tenancy(params),
    book,
  });
  const p = new Project(0, 0, 0);
  p.annualValue = 1200;
  p.criticality = 0.9;
  production.add(p);
  env.schedule(M, () => production.closeMonth(0));
  env.run({ until: M + 1e-9 });
  return { log, production, book, p };
}

describe("production through its ports", () => {
  it("serves a live model, retrains it on time every 10 days and records a full month of value", () => {
    const { log, production, book, p } = setup(true);
    expect(log).toEqual([
      "0.0 assignTier 0.9",
      '0.0 addProductionModel {"id":0,"tenant":"A","tier":"Gold","criticality":0.9,"retrainEveryDays":10}',
      "10.0 submitJob retraining A eu 2x48h p2 project-0/retraining",
      "22.0 submitJob retraining A eu 2x48h p2 project-0/retraining",
    ]);
    expect(p.tier).toBe("Gold");
    expect(book.values("value")![0]).toBeCloseTo(100, 9);
    expect(book.values("productionModels")).toEqual([1, 0]);
    expect(production.compliance()).toBe(1);
  });

  it("loses value while a manual retraining is overdue (past the grace week) and counts it late", () => {
    const { log, production, book } = setup(false);
    expect(log.slice(2)).toEqual(["20.0 submitJob retraining A eu 2x48h p2 project-0/retraining"]);
    // overdue from day 17 (due 10 + 7 grace) to day 22 (done), decay 50 % per month at the stretch's middle
    const lostDays = 5 * (1 - 0.5 ** (2.5 / M));
    expect(book.values("value")![0]).toBeCloseTo((100 * (M - lostDays)) / M, 9);
    expect(production.compliance()).toBe(0);
  });
});
