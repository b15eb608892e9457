/**
 * Replays a serving day instead of stepping through it. The diurnal profile has a 24 h period, so two days
 * that start from the same state (the pool's "signature": models, pods and their contents, dedicated replicas)
 * and draw no random numbers are identical step for step; the first is recorded as a change of the accounts
 * and every later one adds that change again. Exact: the same additions of the same numbers, in day-sized
 * blocks (see serving-pool.ts for when a pool has a signature).
 */
import type { AccountsDelta, AccountsSnapshot, ServingAccounts } from "./serving-accounts.ts";

/** Whether two signatures are both defined and equal entry for entry. */
function sameSignature(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Records one day of a pool and hands it back for days that start the same way. */
export class DayReplay {
  /** Whether the day being stepped is recorded. */
  #recording = false;
  /** Signature at the start of the day being recorded: a copy (callers may refill theirs), reused day to day. */
  #startSignature: number[] = [];
  /** The accounts at the start of the day being recorded, refilled day to day. */
  #start: AccountsSnapshot | undefined;
  #cycle: { signature: number[]; delta: AccountsDelta } | undefined;

  /** The recorded day, when a day starting with `signature` can replay it. */
  replayable(signature: readonly number[] | undefined): AccountsDelta | undefined {
    const cycle = this.#cycle;
    return cycle !== undefined && sameSignature(cycle.signature, signature) ? cycle.delta : undefined;
  }

  /** A day is about to be stepped: record it when it starts from a signature (copied: the caller may reuse its array). */
  startDay(signature: readonly number[] | undefined, accounts: ServingAccounts): void {
    if (signature === undefined) {
      this.#recording = false;
      return;
    }
    const copy = this.#startSignature;
    for (let i = 0; i < signature.length; i++) copy[i] = signature[i]!;
    if (copy.length !== signature.length) copy.length = signature.length;
    this.#start = accounts.snapshotInto(this.#start);
    this.#recording = true;
  }

  /** Whether the day being stepped is recorded (then `endDay` wants the signature at its end). */
  get recording(): boolean {
    return this.#recording;
  }

  /** The recorded day ended with `signature`: keep it when it ended where it started (a cycle). */
  endDay(signature: readonly number[] | undefined, accounts: ServingAccounts): void {
    if (!this.#recording) return;
    this.#recording = false;
    if (sameSignature(signature, this.#startSignature)) {
      // the cycle replaced is no longer needed: its arrays take the new one
      const old = this.#cycle;
      this.#cycle = { signature: this.#startSignature, delta: accounts.deltaSince(this.#start!, old?.delta) };
      this.#startSignature = old?.signature ?? [];
    }
  }
}
