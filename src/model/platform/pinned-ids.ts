/**
 * The ids of the models a multi-model pool keeps loaded (its hot models), with a version that changes whenever
 * the set does, so that each pod's cache can tell whether the unpinned models it keeps apart are still the
 * right ones without comparing sets (model-cache.ts).
 */

/** What a cache needs of a pinned set: membership and size, and a version when the set tracks its changes. */
export interface PinnedSet {
  readonly size: number;
  has(id: number): boolean;
  /** Changes whenever the set changes; absent for a plain set (the cache then re-reads it at every load). */
  readonly version?: number;
}

/** A set of model ids whose `version` changes at every change of its contents. */
export class PinnedIds implements PinnedSet {
  readonly #ids = new Set<number>();
  #version = 0;

  /** Changes whenever an id is added or removed. */
  get version(): number {
    return this.#version;
  }

  /** Number of ids. */
  get size(): number {
    return this.#ids.size;
  }

  /** Whether `id` is in the set. */
  has(id: number): boolean {
    return this.#ids.has(id);
  }

  /** Add `id` (a new version only when it was not there). */
  add(id: number): void {
    if (this.#ids.has(id)) return;
    this.#ids.add(id);
    this.#version++;
  }

  /** Remove `id`; returns whether it was there (a new version only then). */
  delete(id: number): boolean {
    if (!this.#ids.delete(id)) return false;
    this.#version++;
    return true;
  }

  /** Remove every id. */
  clear(): void {
    if (this.#ids.size === 0) return;
    this.#ids.clear();
    this.#version++;
  }
}
