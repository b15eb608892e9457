/**
 * The V8 settings of a scalesim process (the CLI and its worker threads, and the `scalesim worker` processes of a
 * queue run), applied once at start-up by bin.ts. V8 flags are process-wide, so the worker threads a run starts
 * share them.
 *
 * `--no-allocation-site-pretenuring`. Early in a process, while the young generation is still small, V8 sees most
 * objects of a replication's long-lived records (the platform's per-model, per-tenant and per-job state, which
 * live for the whole replication) survive a scavenge, and from then on allocates objects from those allocation
 * sites directly in the old generation. When the replication ends they are dead, but old objects are only freed
 * by a mark-compact, and until then every young object they point to, and all it reaches (closures, the
 * simulation environment, the replication's model), is kept alive by each scavenge, copied, then promoted
 * ("nepotism"). In a level-3 replication with the platform on this promoted about 3 MB per scavenge (against 70 KB
 * with the platform off) and made scavenges 13% of the CPU; V8's garbage-collector helper threads then kept a
 * second core busy, so two worker threads did not run twice as fast as one. Without pretenuring the promotion
 * falls to about 30 KB per scavenge; results do not change (garbage collection never changes what the model
 * computes). docs/benchmarks.md, "Where the time goes", has the measurements.
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
