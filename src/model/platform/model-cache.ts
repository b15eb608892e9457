/**
 * One multi-model serving pod's memory: models are loaded on demand and the least recently used model is
 * evicted only when memory is needed for another one.
 *
 * Source: KServe ModelMesh, which "acts as a distributed LRU cache for serving runtime models" and pages
 * dormant models out just in time (kserve/modelmesh docs/README.md; N. Hill, "Model-mesh: production model
 * serving at scale", 2022). A JavaScript Map keeps insertion order, so re-inserting on access makes the
 * first key the least recently used one (O(1) access and eviction). The models that are not pinned are also kept
 * in a second map in their own LRU order (the order of their last uses, as in the first map), so that evicting
 * around pinned models starts at the least recently used unpinned one instead of passing over every pinned one.
 */
import type { PinnedSet } from "./pinned-ids.ts";

/** What one access did: whether the model was already loaded, and which models were evicted to make room. */
export interface CacheAccess {
  readonly hit: boolean;
  readonly evicted: readonly number[];
}

/** The result of every hit (shared and frozen: a hit evicts nothing, and hits are the common case). */
const HIT: CacheAccess = Object.freeze({ hit: true, evicted: Object.freeze([]) });

/** LRU memory of one pod; model ids are numbers, sizes in GB. */
export class ModelCache {
  /** Memory available for models, GB. */
  readonly capacityGb: number;
  #usedGb = 0;
  readonly #models = new Map<number, number>();
  /** The loaded models not in `#pins` (as of `#pinsVersion`), least recently used first. */
  readonly #unpinned = new Map<number, number>();
  /** The pinned set `#unpinned` was split by (undefined: not split, rebuilt at the next load with pins). */
  #pins: PinnedSet | undefined = undefined;
  #pinsVersion = -1;

  /** @throws RangeError when capacityGb < 0 */
  constructor(capacityGb: number) {
    if (!(capacityGb >= 0)) throw new RangeError(`capacityGb must be >= 0, got ${capacityGb}`);
    this.capacityGb = capacityGb;
  }

  /** Unload every model: the cache is then as new (lets a pool reuse the object of a removed pod). */
  clear(): void {
    this.#models.clear();
    this.#unpinned.clear();
    this.#pins = undefined;
    this.#usedGb = 0;
  }

  /** Memory in use, GB. */
  get usedGb(): number {
    return this.#usedGb;
  }

  /** Number of models loaded. */
  get size(): number {
    return this.#models.size;
  }

  /** Free memory, GB. */
  get freeGb(): number {
    return this.capacityGb - this.#usedGb;
  }

  /** Whether a model is loaded (does not count as a use). */
  has(modelId: number): boolean {
    return this.#models.has(modelId);
  }

  /** Loaded model ids, least recently used first. */
  ids(): number[] {
    return [...this.#models.keys()];
  }

  /** The least recently used model id, or undefined when empty. */
  leastRecentlyUsed(): number | undefined {
    for (const id of this.#models.keys()) return id;
    return undefined;
  }

  /** Whether a model of `sizeGb` could be loaded by evicting others (it fits the pod at all). */
  fits(sizeGb: number): boolean {
    return sizeGb <= this.capacityGb;
  }

  /**
   * Use a model: a hit refreshes its recency; a miss loads it, first evicting least recently used models
   * only while free memory is short. Models in `pinned` are evicted only when nothing else is left.
   * @throws RangeError when the model is larger than the pod's memory
   */
  access(modelId: number, sizeGb: number, pinned?: PinnedSet): CacheAccess {
    const evicted: number[] = [];
    return this.use(modelId, sizeGb, evicted, pinned) ? HIT : { hit: false, evicted };
  }

  /**
   * `access` without a result object: appends the evicted ids to `evicted` (the caller's, e.g. a reused
   * scratch array) and returns whether it was a hit.
   * @throws RangeError when the model is larger than the pod's memory
   */
  use(modelId: number, sizeGb: number, evicted: number[], pinned?: PinnedSet): boolean {
    const size = this.#models.get(modelId);
    if (size !== undefined) {
      this.#models.delete(modelId);
      this.#models.set(modelId, size);
      if (this.#unpinned.delete(modelId)) this.#unpinned.set(modelId, size);
      return true;
    }
    if (!this.fits(sizeGb))
      throw new RangeError(`model ${modelId} needs ${sizeGb} GB, more than the pod's ${this.capacityGb} GB`);
    if (pinned === undefined) {
      this.#pins = undefined;
      this.#unpinned.clear();
    } else this.#splitBy(pinned);
    if (pinned !== undefined && pinned.size > 0 && this.#unpinned.size > 0) {
      // pinned models go last: unpinned ones in LRU order first
      for (const victim of this.#unpinned.keys()) {
        if (this.#usedGb + sizeGb <= this.capacityGb + 1e-9) break;
        this.#usedGb -= this.#unpinned.get(victim)!;
        this.#models.delete(victim);
        this.#unpinned.delete(victim);
        evicted.push(victim);
      }
    }
    while (this.#usedGb + sizeGb > this.capacityGb + 1e-9) {
      const victim = this.leastRecentlyUsed()!;
      this.#usedGb -= this.#models.get(victim)!;
      this.#models.delete(victim);
      this.#unpinned.delete(victim);
      evicted.push(victim);
    }
    this.#models.set(modelId, sizeGb);
    if (pinned !== undefined && !pinned.has(modelId)) this.#unpinned.set(modelId, sizeGb);
    this.#usedGb += sizeGb;
    return false;
  }

  /** Make `#unpinned` the loaded models not in `pinned`, in LRU order (rebuilt only when the set changed). */
  #splitBy(pinned: PinnedSet): void {
    const version = pinned.version;
    if (this.#pins === pinned && version !== undefined && version === this.#pinsVersion) return;
    this.#pins = pinned;
    this.#pinsVersion = version ?? -1;
    this.#unpinned.clear();
    for (const [id, size] of this.#models) if (!pinned.has(id)) this.#unpinned.set(id, size);
  }

  /** Unload a model (e.g. it was retired); returns whether it was loaded. */
  remove(modelId: number): boolean {
    const size = this.#models.get(modelId);
    if (size === undefined) return false;
    this.#usedGb -= size;
    this.#models.delete(modelId);
    this.#unpinned.delete(modelId);
    return true;
  }
}
