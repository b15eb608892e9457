/**
 * A replication pool that keeps what it computes: the metrics claims read (KPIs and series) of every replication of
 * the (single) scenario its batches run, by replication index. A run on this pool leaves its replications behind for
 * the claims about its scenario (run-claims.ts), which read them instead of running them again. Only the run's
 * folded replications are read back (0..n - 1); batches computed past a stop are kept but never used.
 */
import { ReplicationPool } from "../montecarlo/replication-pool.ts";
import type { ReplicationRecord } from "../montecarlo/replication-record.ts";
import type { BatchOutcome, BatchTask } from "../montecarlo/run-batch.ts";
import { type CachedReplication, cachedReplication } from "./replication-cache.ts";

/** A {@link ReplicationPool} that records the first scenario's replications of every batch it runs. */
export class RecordingReplicationPool extends ReplicationPool {
  readonly #records = new Map<number, CachedReplication>();
  readonly #metrics: ReadonlySet<string> | undefined;

  /**
   * @param workers as {@link ReplicationPool}.
   * @param metrics the claims' metric names (a KPI name or `series.<name>`): only these are kept, so a long run does
   *   not hold every series of every replication; a replication that lacks one of them is kept whole, so the claims
   *   can say which names it does report. All metrics are kept when not given.
   */
  constructor(workers?: number, metrics?: Iterable<string>) {
    super(workers);
    this.#metrics = metrics === undefined ? undefined : new Set(metrics);
  }

  override async run(task: BatchTask, signal: AbortSignal): Promise<BatchOutcome> {
    const outcome = await super.run(task, signal);
    for (const [k, row] of outcome.records.entries()) {
      const record = row[0];
      if (record !== undefined) this.#records.set(outcome.start + k, this.#kept(record));
    }
    return outcome;
  }

  /** Replications 0..count - 1 as recorded, or undefined when one of them is missing. */
  replications(count: number): CachedReplication[] | undefined {
    const out: CachedReplication[] = [];
    for (let i = 0; i < count; i++) {
      const record = this.#records.get(i);
      if (record === undefined) return undefined;
      out.push(record);
    }
    return out;
  }

  /**
   * What is kept of `record`: its series are copied, because a worker's batch gives its buffers back for reuse once
   * it has been folded (run-batches.ts), which empties the record's own arrays.
   */
  #kept(record: ReplicationRecord): CachedReplication {
    if (this.#metrics === undefined) return cachedReplication(record);
    const kept: CachedReplication = { kpis: {}, series: {} };
    for (const metric of this.#metrics) {
      if (metric.startsWith("series.")) {
        const name = metric.slice("series.".length);
        const series = record.series[name];
        if (series === undefined) return cachedReplication(record);
        kept.series[name] = Array.from(series);
      } else {
        const value = record.kpis[metric];
        if (value === undefined) return cachedReplication(record);
        kept.kpis[metric] = value;
      }
    }
    return kept;
  }
}
