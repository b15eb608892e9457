/**
 * Stream seed derivation: (masterSeed, replication, stream name) -> seed string.
 *
 * The canonical key `${masterSeed}:${replication}:${stream}` is hashed with 64-bit FNV-1a (Fowler, Noll, Vo;
 * IETF draft-eastlake-fnv). The key is unambiguous because the first two fields are decimal integers and
 * cannot contain ':'. A 64-bit digest keeps the chance that any two of 10^6 streams share a seed below 3e-8
 * (birthday bound k^2 / 2^65), where a 32-bit hash would collide almost surely. Each stream depends only on
 * its own key, so adding a stream never shifts another, and results do not depend on worker count or order.
 */
import { fnv1a64 } from "./fnv1a64.ts";

/**
 * Returns the seed string of stream `stream` in replication `replication` of a run seeded with `masterSeed`:
 * 16 hex digits of FNV-1a-64 over `${masterSeed}:${replication}:${stream}`.
 *
 * @example
 * deriveSeed(42, 0, "arrivals"); // same 16 hex digits on every machine
 * @throws {RangeError} when `masterSeed` is not a safe integer, `replication` is not a safe integer >= 0,
 *   or `stream` is not a non-empty string.
 */
export function deriveSeed(masterSeed: number, replication: number, stream: string): string {
  if (typeof masterSeed !== "number" || !Number.isSafeInteger(masterSeed)) {
    throw new RangeError(`masterSeed must be a safe integer, got ${String(masterSeed)}`);
  }
  if (typeof replication !== "number" || !Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`replication must be an integer >= 0, got ${String(replication)}`);
  }
  if (typeof stream !== "string" || stream.length === 0) {
    throw new RangeError(`stream must be a non-empty string, got ${JSON.stringify(stream)}`);
  }
  return fnv1a64(`${masterSeed}:${replication}:${stream}`);
}
