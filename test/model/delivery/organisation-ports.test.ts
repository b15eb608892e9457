/**
 * The organisation alone: staffing through its Staffing port, one support request through its
 * ProjectStaffing port, and the month close that posts people costs to the ledger and records monthly series.
 */
import { describe, expect, it } from "vitest";
import { Environment } from "../../../engine/index.ts";
import { DAYS_PER_MONTH, DAYS_PER_YEAR } from "../../../src/model/calendar.ts";
import { MonthBook } from "../../../src/model/delivery/month-book.ts";
import { Organisation } from "../../../src/model/delivery/organisation.ts";
import { Project } from "../../../src/model/delivery/project.ts";
import { Tenancy } from "../../../src/model/delivery/tenancy.ts";
import { Ledger } from "../../../src/model/ledger.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";

const M = DAYS_PER_MONTH;

describe("organisation through its ports", () => {
  it("staffs, serves one support request, and closes the month into the ledger and the book", () => {
    const env = new Environment();
    const params = deliverySchema.parse({
      organisation: {
        hub: { fte: 2, supportShare: 0.5, reviewShare: 0.5 },
        spokes: { count: 2, ftePerSpoke: 2, maxConcurrentProjects: 1 },
        pilotTeams: { ftePerTeam: 3, maxConcurrent: 1 },
      },
      demand: {
        businessUnits: [
          { name: "u1", tenant: "A" },
          { name: "u2", tenant: "B" },
        ],
      },
      finance: {
        loadedCostPerFteYear: {
          hub: 100 * DAYS_PER_YEAR,
          spoke: 50 * DAYS_PER_YEAR,
          pilot: 80 * DAYS_PER_YEAR,
        },
      },
    });
    const ledger = new Ledger();
    const book = new MonthBook(2);
    const org = new Organisation(env, params, new Tenancy(params), ledger, book);
    const spoke = new Project(0, 0, 0);
    const team = new Project(1, 1, 0);
    expect(org.staff(spoke)).toBe(true);
    org.staffFormedTeam(team);
    expect([spoke.staffing, spoke.fte, team.staffing, team.fte, org.dedicatedTeams]).toEqual([
      "spoke",
      2,
      "dedicated",
      3,
      1,
    ]);
    expect(org.hasCapacity()).toBe(true);
    const request = org.requestSupport(null);
    env.schedule(M / 2, () => org.releaseSupport(request));
    env.schedule(M, () => org.closeMonth(0));
    env.run();

    const rows = ledger.rows.map((r) => [r.serviceName, r.subAccountId, r.billedCost, r.consumedQuantity]);
    expect(rows).toHaveLength(3);
    // pooled spokes (the default) are charged by use: A's project held the only used slot all month, so A pays
    // both spokes' 4 FTE
    const expected = [
      ["Hub staff", "shared", 100 * 2 * M, 2],
      ["Spoke teams", "A", 50 * 4 * M, 4],
      ["Dedicated project teams", "B", 80 * 3 * M, 3],
    ] as const;
    expected.forEach(([service, tenant, cost, quantity], i) => {
      expect(rows[i]!.slice(0, 2)).toEqual([service, tenant]);
      expect(rows[i]![2]).toBeCloseTo(cost, 6);
      expect(rows[i]![3]).toBeCloseTo(quantity, 12);
    });
    expect(book.toRecord()).toEqual({
      hubUtilisation: [0.5, 0],
      supportQueue: [0, 0],
      reviewerUtilisation: [0, 0],
      spokeUtilisation: [0.5, 0],
    });
    // the hub's work: one support server busy half the month of two hub FTE = 0.25 of the hub's FTE-days
    expect(org.runUtilisation()).toEqual({
      hub: 0.5,
      reviewer: 0,
      spoke: 0.5,
      hubWork: { support: 0.25, reviews: 0, platform: 0, all: 0.25 },
    });
  });
});
