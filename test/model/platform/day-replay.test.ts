import { describe, expect, it } from "vitest";
import { DayReplay } from "../../../src/model/platform/day-replay.ts";
import { ServingAccounts } from "../../../src/model/platform/serving-accounts.ts";
import { ServingStep } from "../../../src/model/platform/serving-step.ts";

function oneStep(accounts: ServingAccounts): void {
  const s = new ServingStep();
  s.poolPods = 2;
  s.poolCost = 1;
  accounts.add(s, 1);
}

describe("DayReplay", () => {
  it("keeps a day that ends where it started and offers it only to days starting the same way", () => {
    const accounts = new ServingAccounts(false);
    const replay = new DayReplay();
    replay.startDay([3, 1], accounts);
    expect(replay.recording).toBe(true);
    oneStep(accounts);
    replay.endDay([3, 1], accounts);
    expect(replay.recording).toBe(false);
    expect(replay.replayable([3, 2])).toBeUndefined();
    expect(replay.replayable(undefined)).toBeUndefined();
    const day = replay.replayable([3, 1]);
    expect(day).toBeDefined();
    accounts.apply(day!);
    expect(accounts.totals).toMatchObject({ steps: 2, podHours: 4 });
  });

  it("drops a day that ended in another state, and records nothing without a signature", () => {
    const accounts = new ServingAccounts(false);
    const replay = new DayReplay();
    replay.startDay([1], accounts);
    oneStep(accounts);
    replay.endDay([2], accounts);
    expect(replay.replayable([1])).toBeUndefined();
    replay.startDay(undefined, accounts);
    expect(replay.recording).toBe(false);
  });

  it("replaces a kept day by a newer cycle without mixing the two (the old day's storage is reused)", () => {
    const accounts = new ServingAccounts(false);
    accounts.growTenants(2);
    const replay = new DayReplay();
    const signature = [5, 1];
    replay.startDay(signature, accounts);
    // the caller refills its array: the replay must have copied it
    signature[1] = 9;
    oneStep(accounts);
    accounts.usedByTenant[1]! += 0.25;
    replay.endDay([5, 1], accounts);
    expect(replay.replayable([5, 9])).toBeUndefined();
    const first = replay.replayable([5, 1])!;
    expect([...first.sums].filter((v) => v !== 0).length).toBeGreaterThan(0);
    expect(first.used).toEqual([0, 0.25]);

    replay.startDay([6], accounts);
    oneStep(accounts);
    oneStep(accounts);
    accounts.usedByTenant[0]! += 2;
    replay.endDay([6], accounts);
    expect(replay.replayable([5, 1])).toBeUndefined();
    const second = replay.replayable([6])!;
    expect(second.steps).toBe(2);
    expect(second.used).toEqual([2, 0]);
    const fresh = new ServingAccounts(false);
    fresh.growTenants(2);
    const start = fresh.snapshot();
    oneStep(fresh);
    oneStep(fresh);
    fresh.usedByTenant[0]! += 2;
    expect(second).toEqual(fresh.deltaSince(start));
  });
});
