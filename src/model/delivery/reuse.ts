/**
 * Component reuse (MODEL.md section 3; guide Patterns 1-4): how much of a phase's effort the platform saves
 * at the moment the phase starts.
 *
 * - Component library (Pattern 1): each component exists with probability `completeness` and is reused with
 *   probability `reuseRate`; a reused component removes its `effortShare` of the phase. Completeness grows with
 *   the hub's platform work with diminishing returns: each month it closes `completenessPerPlatformFteMonth` x
 *   platform FTE of the remaining gap (an exponential approach to full coverage: the last components are the
 *   niche ones; assumption, docs/model.md).
 * - Feature store (Pattern 2): a project needs `familiesPerProject` distinct families drawn by Zipf popularity;
 *   a family already built saves `maxSaving` of its share of the feature effort, a new one is built by the
 *   project and is reusable once its features phase ends, so savings grow with the families already built.
 * - Model and deployment templates (Patterns 3 and 4) are applied by the lifecycle from their parameters.
 */

import type { RandomSource } from "../../../engine/index.ts";
import { zipfWeights } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";

/** The platform's reusable assets over time: library completeness and the feature families built. */
export class ReuseState {
  /** Completeness of the component library in [0, 1]. */
  completeness: number;
  /** built[f] is true once feature family f has been computed by some project. */
  built: boolean[] = [];
  /** Number of families built. */
  builtCount = 0;
  #cumulative: number[] = [];
  #familyCount = 0;
  #exponent = Number.NaN;
  readonly #picked: number[] = [];

  /** Start from the scenario's initial library completeness and no feature family built. */
  constructor(params: DeliveryConfig) {
    this.completeness = params.lifecycle.library.initialCompleteness;
  }

  /** Raise completeness to the scenario's `initialCompleteness` when a roadmap effect raised that floor. */
  applyFloor(params: DeliveryConfig): void {
    this.completeness = Math.max(this.completeness, params.lifecycle.library.initialCompleteness);
  }

  /** Grow the library by one month of `platformFte` FTE of hub platform work (closes that share of the gap). */
  growLibrary(platformFte: number, params: DeliveryConfig): void {
    const share = Math.min(1, platformFte * params.lifecycle.library.completenessPerPlatformFteMonth);
    this.completeness += share * (1 - this.completeness);
  }

  /**
   * Share of `phase`'s effort saved by library components for one project, drawing each component's reuse
   * from `source` (one draw per component of the phase, whatever the outcome, to keep streams aligned).
   */
  librarySaving(phase: string, params: DeliveryConfig, source: RandomSource): number {
    let saving = 0;
    const components = params.lifecycle.library.components;
    for (let i = 0; i < components.length; i++) {
      const c = components[i]!;
      if (c.phase !== phase) continue;
      if (source() < this.completeness * c.reuseRate) saving += c.effortShare;
    }
    return Math.min(saving, 1);
  }

  /**
   * Picks the families a project needs (distinct, by Zipf popularity) and returns the share of them already
   * built; marks the picked families as needing to be built via `pendingFamilies`.
   */
  pickFamilies(params: DeliveryConfig, source: RandomSource, pendingFamilies: number[]): number {
    const fs = params.lifecycle.featureStore;
    this.#prepare(fs.families, fs.popularityExponent);
    const picked = this.#picked;
    picked.length = 0;
    const want = Math.min(fs.familiesPerProject, fs.families);
    let guard = 0;
    while (picked.length < want && guard++ < 1000) {
      const u = source() * this.#cumulative[fs.families - 1]!;
      let f = 0;
      while (this.#cumulative[f]! < u) f++;
      if (!picked.includes(f)) picked.push(f);
    }
    let builtShare = 0;
    pendingFamilies.length = 0;
    for (const f of picked) {
      if (this.built[f] === true) builtShare += 1;
      else pendingFamilies.push(f);
    }
    return picked.length > 0 ? builtShare / picked.length : 0;
  }

  /** Marks families as built (the project that computed them finished its features phase). */
  markBuilt(families: readonly number[]): void {
    for (const f of families) {
      if (this.built[f] !== true) {
        this.built[f] = true;
        this.builtCount++;
      }
    }
  }

  #prepare(families: number, exponent: number): void {
    if (families === this.#familyCount && exponent === this.#exponent) return;
    const weights = zipfWeights(families, exponent);
    let sum = 0;
    this.#cumulative = weights.map((w) => (sum += w));
    this.#familyCount = families;
    this.#exponent = exponent;
  }
}
