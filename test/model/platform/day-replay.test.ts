import { describe, expect, it } from "vitest";
import { DayReplay } from "../../../src/model/platform/day-replay.ts";
import { ServingAccounts } from "../../../src/model/platform/serving-accounts.ts";
import { ServingStep } from "../../../src/model/platform/serving-step.ts";

function oneStep(accounts: ServingAccounts, poolCost = 1, poolPods = 2): void {
  const s = new ServingStep();
  s.poolPods = poolPods;
  s.poolCost = poolCost;
  accounts.add(s, 1);
}

/** Give `replay` the boundary now with `signature` (written where it asks, when it asks) and a state. */
function boundary(replay: DayReplay, accounts: ServingAccounts, signature: number[], state = 0) {
  const slot = replay.signatureSlot();
  if (slot !== undefined) {
    slot.length = 0;
    slot.push(...signature);
  }
  replay.stateSlot()[0] = state;
  return replay.boundary(accounts);
}

/** Pool cost over `count` steps of the found cycle from its step `from`, added to fresh accounts. */
function replayedCost(replay: DayReplay, from: number, count: number): number {
  const fresh = new ServingAccounts(false);
  fresh.applyCycle(replay.cycle!, from, count);
  return fresh.takeMonth([]).poolCost;
}

describe("DayReplay", () => {
  it("finds a day of steps that ends where it started, with the objects' state at each of its steps", () => {
    const accounts = new ServingAccounts(true);
    const replay = new DayReplay();
    replay.start(2, accounts);
    expect(replay.watching).toBe(true);
    expect(boundary(replay, accounts, [3, 1])).toBe(false);
    oneStep(accounts, 1);
    expect(boundary(replay, accounts, [3, 2], 10)).toBe(false);
    oneStep(accounts, 5);
    expect(replay.cycle).toBeUndefined();
    expect(boundary(replay, accounts, [3, 1], 20)).toBe(true);
    expect(replay.watching).toBe(false);
    expect([replayedCost(replay, 0, 1), replayedCost(replay, 1, 1), replayedCost(replay, 0, 5)]).toEqual([
      1, 5, 13,
    ]);
    // the state after step 0 (at step 1), and at step 0 = after the last step
    expect([replay.state(1)[0], replay.state(0)[0]]).toEqual([10, 20]);
    replay.drop();
    expect(replay.cycle).toBeUndefined();
  });

  it("finds a day starting at the second boundary of the watch (one step of transient after a change)", () => {
    const accounts = new ServingAccounts(false);
    const replay = new DayReplay();
    replay.start(2, accounts);
    boundary(replay, accounts, [9]);
    oneStep(accounts, 1);
    boundary(replay, accounts, [1]);
    oneStep(accounts, 2);
    expect(boundary(replay, accounts, [2], 7)).toBe(false);
    oneStep(accounts, 4);
    expect(boundary(replay, accounts, [1], 8)).toBe(true);
    // the steps of the cycle are the second and third: costs 2 and 4
    expect([replayedCost(replay, 0, 1), replayedCost(replay, 1, 1)]).toEqual([2, 4]);
    expect([replay.state(1)[0], replay.state(0)[0]]).toEqual([7, 8]);
  });

  it("watches again after the candidate starts, and stops when dropped", () => {
    const accounts = new ServingAccounts(false);
    const replay = new DayReplay();
    replay.start(2, accounts);
    for (const s of [1, 2, 3]) {
      expect(boundary(replay, accounts, [s])).toBe(false);
      oneStep(accounts);
    }
    // boundary 3 (signature 4) ended the watch's candidates: it is the first candidate of a new watch
    expect(boundary(replay, accounts, [4])).toBe(false);
    oneStep(accounts, 7);
    expect(boundary(replay, accounts, [5])).toBe(false);
    oneStep(accounts, 1);
    expect(boundary(replay, accounts, [4])).toBe(true);
    expect(replayedCost(replay, 0, 2)).toBe(8);
    replay.start(2, accounts);
    replay.drop();
    expect(replay.watching).toBe(false);
    expect(replay.cycle).toBeUndefined();
  });
});
