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
 * Programs that call scalesim's API from their own process can start Node with the same flag.
 */
import { setFlagsFromString } from "node:v8";

/** The flags applied, for the documentation and the tests. */
export const V8_FLAGS: readonly string[] = ["--no-allocation-site-pretenuring"];

/** Apply {@link V8_FLAGS} to this process. Call once, before any replication runs. */
export function applyV8Settings(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
