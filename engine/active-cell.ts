/**
 * @internal The cell holding the process being resumed (`Environment._activeCell`): a small object renewed
 * every few hundred resumes so that it is usually in the young generation, where storing a young process
 * into it needs no write-barrier call (a store into the long-lived environment does).
 */
import type { Process } from "./process.ts";

/** @internal The process being resumed, or null outside processes. */
export class ActiveCell {
  process: Process<unknown> | null = null;
}
