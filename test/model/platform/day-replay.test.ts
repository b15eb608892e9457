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
});
