import { describe, expect, it } from "vitest";
import { DayReplay } from "../../../src/model/platform/day-replay.ts";
import { ServingAccounts } from "../../../src/model/platform/serving-accounts.ts";
import { ServingStep } from "../../../src/model/platform/serving-step.ts";

function oneStep(accounts: ServingAccounts, poolCost = 1): void {
  const s = new ServingStep();
  s.poolPods = 2;
  s.poolCost = poolCost;
  accounts.add(s, 1);
}

/** Give `replay` the boundary now with `signature` (written where it asks, when it asks). */
function boundary(replay: DayReplay, accounts: ServingAccounts, signature: number[] | undefined) {
  const slot = signature === undefined ? undefined : replay.signatureSlot();
  if (slot !== undefined) {
    slot.length = 0;
    slot.push(...signature!);
  }
  return replay.boundary(signature !== undefined, accounts);
}

describe("DayReplay", () => {
  it("cuts out a day of steps that ends where it started, as prefix sums of its steps", () => {
    const accounts = new ServingAccounts(true);
    const replay = new DayReplay();
    replay.start(2, accounts);
    expect(replay.watching).toBe(true);
    expect(boundary(replay, accounts, [3, 1])).toBeUndefined();
    oneStep(accounts, 1);
    expect(boundary(replay, accounts, [3, 2])).toBeUndefined();
    oneStep(accounts, 5);
    const cycle = boundary(replay, accounts, [3, 1]);
    expect(replay.watching).toBe(false);
    expect(cycle).toBeDefined();
    expect(cycle!.steps).toBe(2);
    // pool cost is the first accumulator: prefix 0, 1, 6
    expect([cycle!.sums[0], cycle!.sums[11], cycle!.sums[22]]).toEqual([0, 1, 6]);
    expect(cycle!.pods).toEqual([2, 2]);
  });

  it("finds a day starting at the second boundary of the watch (one step of transient after a change)", () => {
    const accounts = new ServingAccounts(false);
    const replay = new DayReplay();
    replay.start(2, accounts);
    boundary(replay, accounts, [9]);
    oneStep(accounts, 1);
    boundary(replay, accounts, [1]);
    oneStep(accounts, 2);
    expect(boundary(replay, accounts, [2])).toBeUndefined();
    oneStep(accounts, 4);
    const cycle = boundary(replay, accounts, [1]);
    expect(cycle).toBeDefined();
    // the steps of the cycle are the second and third: costs 2 and 4
    expect([cycle!.sums[0], cycle!.sums[11], cycle!.sums[22]]).toEqual([0, 2, 6]);
  });

  it("watches again after the candidate starts, and stops at a boundary without a signature", () => {
    const accounts = new ServingAccounts(false);
    const replay = new DayReplay();
    replay.start(2, accounts);
    for (const s of [1, 2, 3]) {
      expect(boundary(replay, accounts, [s])).toBeUndefined();
      oneStep(accounts);
    }
    // boundary 3 (signature 4) ended the watch's candidates: it is the first candidate of a new watch
    expect(boundary(replay, accounts, [4])).toBeUndefined();
    oneStep(accounts, 7);
    expect(boundary(replay, accounts, [5])).toBeUndefined();
    oneStep(accounts, 1);
    expect(boundary(replay, accounts, [4])!.sums[22]).toBe(8);
    replay.start(2, accounts);
    expect(boundary(replay, accounts, undefined)).toBeUndefined();
    expect(replay.watching).toBe(false);
  });
});
