/**
 * Named streams of one replication, memoised by name.
 *
 * Stream derivation is documented in derive-seed.ts (FNV-1a-64) and create-stream.ts (seedrandom Alea).
 */
import { createStream } from "./create-stream.ts";
import { deriveSeed } from "./derive-seed.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Hands out one independent {@link RandomSource} per stream name for a (masterSeed, replication) pair; asking
 * for the same name twice returns the same source (continuing its sequence), and new names never shift old ones.
 *
 * @example
 * const streams = new StreamFactory(42, 7);
 * const arrivals = streams.get("arrivals");
 * const effort = streams.get("effort");
 */
export class StreamFactory {
  /** Master seed of the run. */
  readonly masterSeed: number;
  /** Replication index (>= 0). */
  readonly replication: number;
  readonly #streams = new Map<string, RandomSource>();

  /**
   * Creates a factory for replication `replication` of the run seeded with `masterSeed`.
   *
   * @throws {RangeError} when `masterSeed` is not a safe integer or `replication` is not an integer >= 0.
   */
  constructor(masterSeed: number, replication: number) {
    deriveSeed(masterSeed, replication, "-"); // validates both numbers once, here
    this.masterSeed = masterSeed;
    this.replication = replication;
  }

  /**
   * Returns the stream named `name`, creating it on first use and returning the same source afterwards.
   *
   * @throws {RangeError} when `name` is not a non-empty string.
   */
  get(name: string): RandomSource {
    let source = this.#streams.get(name);
    if (source === undefined) {
      source = createStream(this.masterSeed, this.replication, name);
      this.#streams.set(name, source);
    }
    return source;
  }
}
