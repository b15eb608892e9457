/**
 * Replays a serving day instead of stepping through it. The diurnal profile has a 24 h period, so a day of
 * steps that starts from a pool state (its "signature": models, pods and their contents, dedicated replicas),
 * draws no random numbers and ends in the same state repeats step for step for as long as nothing changes,
 * whichever step of the day it starts at. While a pool has a signature its step boundaries are watched (the
 * accounts, the objects' state, and the signatures of the few boundaries that may start or end a cycle); the
 * first day that ends where it started becomes the cycle: later steps are added from the kept accounts over any
 * range of the day's steps (prefix sums, serving-accounts.ts), and the objects are brought to any step of it
 * from their kept state. Exact up to the grouping of additions (see serving-pool.ts for when a pool has a
 * signature and how it replays lazily).
 */
import type { AccountsHistory, ServingAccounts } from "./serving-accounts.ts";

/** Whether two signatures are both defined and equal entry for entry. */
function sameSignature(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Boundaries at the start of a watch that may start a cycle. A change of the models leaves at most one step
 * that does not repeat (the new hot model's load) in practice: on the level-3 workload 90% of the cycles start
 * one step after the watch started and 10% at it. A cycle starting later is found by a new watch, a day later.
 */
const CANDIDATE_STARTS = 2;

/**
 * Watches the step boundaries of a pool whose state has a signature (until the next change) and finds a day of
 * steps that ends where it started (a cycle) as soon as it ends: a day starting at one of the first
 * `CANDIDATE_STARTS` boundaries of the watch (any step of the day), else the watch starts again after them. At
 * each boundary it keeps the accounts (serving-accounts.ts) and what the pool's objects decided in the step that
 * ended there (their state, as the pool writes it), so that a found cycle can be added again over any range of
 * its steps and the objects brought to any step of it without stepping them.
 */
export class DayReplay {
  /** Whether the boundaries are being watched. */
  #watching = false;
  /** Steps per day. */
  #steps = 0;
  /** Candidate starts of this watch (fewer when a day has fewer steps: a boundary is a start or an end). */
  #candidates = CANDIDATE_STARTS;
  /** Signatures of the candidate starts, and of the boundary now (arrays reused, filled in place). */
  readonly #starts: number[][] = [];
  #now: number[] = [];
  /** The objects' state at each of the last `#steps + 1` boundaries (a ring, as the accounts history). */
  readonly #states: number[][] = [];
  #history: AccountsHistory | undefined;
  /** Whether `#history` holds a found cycle. */
  #found = false;

  /** Start watching the boundaries of days of `steps` steps, from the boundary now (passed next to `boundary`). */
  start(steps: number, accounts: ServingAccounts): void {
    this.#steps = steps;
    this.#candidates = Math.min(CANDIDATE_STARTS, steps);
    while (this.#starts.length < this.#candidates) this.#starts.push([]);
    while (this.#states.length < steps + 1) this.#states.push([]);
    this.#history = accounts.startHistory(steps, this.#history);
    this.#watching = true;
    this.#found = false;
  }

  /** Whether boundaries are being watched (then each one is passed to `boundary`, after a step added). */
  get watching(): boolean {
    return this.#watching;
  }

  /**
   * The array to write the signature of the next boundary into (filled in place), or undefined when that
   * boundary's signature is not needed (neither a candidate start nor a day after one).
   */
  signatureSlot(): number[] | undefined {
    const i = this.#history!.boundaries;
    if (i < this.#candidates) return this.#starts[i];
    return i >= this.#steps ? this.#now : undefined;
  }

  /** The array to write the objects' state at the next boundary into (filled in place). */
  stateSlot(): number[] {
    return this.#states[this.#history!.boundaries % (this.#steps + 1)]!;
  }

  /**
   * The boundary now, with `accounts` as they are, the signature written into `signatureSlot()` (when it asked
   * for one) and the objects' state into `stateSlot()`: returns whether the day of steps that ends here ended
   * where it started (a cycle is found: watching stops).
   */
  boundary(accounts: ServingAccounts): boolean {
    const h = this.#history!;
    const n = this.#steps;
    const i = h.boundaries;
    accounts.recordHistory(h);
    if (i >= n && sameSignature(this.#now, this.#starts[i - n])) {
      this.#watching = false;
      this.#found = true;
      h.cycleStart = (i - n) % (n + 1);
      return true;
    }
    if (i === n + this.#candidates - 1) {
      // no candidate started a cycle: this boundary is the first candidate of a new watch
      const first = this.#starts[0]!;
      this.#starts[0] = this.#now;
      this.#now = first;
      const state = this.#states[0]!;
      this.#states[0] = this.#states[i % (n + 1)]!;
      this.#states[i % (n + 1)] = state;
      accounts.startHistory(n, h);
      accounts.recordHistory(h);
    }
    return false;
  }

  /** The accounts history holding the found cycle (see `ServingAccounts.applyCycle`). */
  get cycle(): AccountsHistory | undefined {
    return this.#found ? this.#history : undefined;
  }

  /** The objects' state at step `j` of the found cycle (0 <= j < steps; step 0 is also the end of the cycle). */
  state(j: number): readonly number[] {
    const n = this.#steps;
    return this.#states[(this.#history!.cycleStart + (j === 0 ? n : j)) % (n + 1)]!;
  }

  /** Something changed the pool: stop watching and forget the cycle found. */
  drop(): void {
    this.#watching = false;
    this.#found = false;
  }
}
