/**
 * The p95 latency of a multi-model pool step: each pod is an M/M/c queue (c = concurrency per pod) fed by an
 * equal share of the pool's requests, and the cold-miss share of requests also waits the load latency
 * (erlang-c.ts). Memoised on the per-server utilisation in 0.5% steps and the cold share in 0.25% steps: the
 * quantity is an approximation already, and the memo makes it cheap enough to evaluate every hour.
 */
import { mmcResponseQuantile } from "./erlang-c.ts";

/** Memoised p95 response time of one pod of the pool. */
export class PoolLatency {
  readonly #servers: number;
  readonly #loadSeconds: number;
  readonly #memo = new Map<number, number>();
  /** The memo for steps without cold misses, by utilisation bucket (NaN = not computed yet). */
  readonly #warmMemo = new Float64Array(256).fill(Number.NaN);

  /** Pods serve `concurrencyPerPod` requests at once; a cold load takes `loadSeconds`. */
  constructor(concurrencyPerPod: number, loadSeconds: number) {
    this.#servers = concurrencyPerPod;
    this.#loadSeconds = loadSeconds;
  }

  /** p95 response time, seconds, of a pod receiving `perPodRate` requests/s with `coldShare` of cold misses. */
  p95(perPodRate: number, serviceSeconds: number, coldShare: number): number {
    const servers = this.#servers;
    const rhoBucket = Math.round(((perPodRate * serviceSeconds) / servers) * 200);
    const coldBucket = Math.round(coldShare * 400);
    const warm = coldBucket === 0 && rhoBucket >= 0 && rhoBucket < this.#warmMemo.length;
    if (warm) {
      const cached = this.#warmMemo[rhoBucket]!;
      if (!Number.isNaN(cached)) return cached;
    }
    const key = rhoBucket * 1000 + coldBucket;
    let v = this.#memo.get(key);
    if (v === undefined) {
      const rate = Math.min(0.999, rhoBucket / 200) * (servers / serviceSeconds);
      v = mmcResponseQuantile(servers, rate, 1 / serviceSeconds, 0.95, this.#loadSeconds, coldBucket / 400);
      this.#memo.set(key, v);
    }
    if (warm) this.#warmMemo[rhoBucket] = v;
    // `+v` (a no-op on a number) types the Map's value as a number, so that the optimising compiler keeps the
    // result unboxed on both paths; without it, the warm path's double was boxed (allocated) at every step
    return +v;
  }
}
