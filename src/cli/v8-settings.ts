/**
 * The V8 settings of a scalesim process (the CLI and its worker threads, and the `scalesim worker` processes of a
 * queue run), applied once at start-up by bin.ts. V8 flags are process-wide, so the worker threads a run starts
 * share them.
 *
 * `--no-allocation-site-pretenuring`. Early in a process, while the young generation is still small, V8 sees most
 * objects from some object-literal sites survive a scavenge (records that live for a whole replication), and from
 * then on allocates that site's objects directly in the old generation. When the replication ends they are dead,
 * but old objects are only freed by a mark-compact, and until then every young object they point to, and all it
 * reaches, is kept alive by each scavenge, copied, then promoted ("nepotism"). With the platform on this still
 * promoted about 130 KB per scavenge once closures were no longer stored in a way V8 also allocates old (see
 * test/model/closure-stores.test.ts); without pretenuring, about 22 KB. Results do not change (garbage collection
 * never changes what the model computes). docs/benchmarks.md, "Where the time goes", has the measurements.
 *
 * `--no-parallel-scavenge`. V8 shares each scavenge (young-generation collection) with helper threads. That pays
 * when cores are idle and many objects survive; here neither holds. A run keeps every core busy with a worker by
 * default, and a level-3 scavenge copies only about 76 KB of survivors, so the helper tasks mostly cost their own
 * start-up and synchronisation, on cores the workers need. Measured on a 2-core machine (2 December, 6 alternating
 * pairs of 800 level-3 replications on 2 workers): 203 -> 226 replications/s on average (5 pairs of 6 faster), CPU
 * 9.7 -> 8.7 ms per replication; in-process, one thread, the scavenge pause itself fell from 2.2 to 1.2 ms. A
 * single worker with an idle core measured 139 -> 133/s (-4%, within that machine's noise).
 *
 * Programs that call scalesim's API from their own process can start Node with the same flags.
 */
import { setFlagsFromString } from "node:v8";

/** The flags applied, for the documentation and the tests. */
export const V8_FLAGS: readonly string[] = ["--no-allocation-site-pretenuring", "--no-parallel-scavenge"];

/** Apply {@link V8_FLAGS} to this process. Call once, before any replication runs. */
export function applyV8Settings(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
