/**
 * Replays a serving day instead of stepping through it. The diurnal profile has a 24 h period, so a day of
 * steps that starts from a pool state (its "signature": models, pods and their contents, dedicated replicas) and
 * draws no random numbers, and ends in the same state, repeats step for step for as long as nothing changes,
 * whichever step of the day it starts at. The boundaries of the last day are kept (signatures and accounts), so
 * the first day that ends where it started, found at whichever boundary that happens, is cut out as prefix sums
 * of the accounts (serving-accounts.ts) and later steps are added again over any range of the day's steps. Exact up to the
 * grouping of additions (see serving-pool.ts for when a pool has a signature and how it replays lazily).
 */
import type { AccountsCycle, AccountsHistory, ServingAccounts } from "./serving-accounts.ts";

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
 * Watches the step boundaries of a pool while its state has a signature, and cuts out a day of steps that ends
 * where it started (a cycle) as soon as it ends: a day starting at one of the first `CANDIDATE_STARTS`
 * boundaries of the watch (any step of the day), else the watch starts again after them.
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
  #history: AccountsHistory | undefined;
  /** The last cycle cut out; its storage is reused by the next one. */
  #cycle: AccountsCycle | undefined;

  /** Start watching the boundaries of days of `steps` steps, from the boundary now (passed next to `boundary`). */
  start(steps: number, accounts: ServingAccounts): void {
    this.#steps = steps;
    this.#candidates = Math.min(CANDIDATE_STARTS, steps);
    while (this.#starts.length < this.#candidates) this.#starts.push([]);
    this.#history = accounts.startHistory(steps, this.#history);
    this.#watching = true;
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

  /**
   * The boundary now, with `accounts` as they are and, when `signed`, the signature written into
   * `signatureSlot()` (when it asked for one): returns the day of steps that ends here as a cycle when it ended
   * where it started (watching then stops), else undefined. Watching stops at a boundary without a signature.
   */
  boundary(signed: boolean, accounts: ServingAccounts): AccountsCycle | undefined {
    if (!signed) {
      this.#watching = false;
      return undefined;
    }
    const h = this.#history!;
    const n = this.#steps;
    const i = h.boundaries;
    if (i >= n && sameSignature(this.#now, this.#starts[i - n])) {
      accounts.recordHistory(h);
      this.#watching = false;
      this.#cycle = accounts.cycleOf(h, this.#cycle);
      return this.#cycle;
    }
    if (i === n + this.#candidates - 1) {
      // no candidate started a cycle: this boundary is the first candidate of a new watch
      const first = this.#starts[0]!;
      this.#starts[0] = this.#now;
      this.#now = first;
      accounts.startHistory(n, h);
    }
    accounts.recordHistory(h);
    return undefined;
  }

  /** Something changed the pool: stop watching. */
  drop(): void {
    this.#watching = false;
  }
}
