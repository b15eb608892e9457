/**
 * The job queue of a compute cluster: lowest priority number first, FIFO by submission sequence within a
 * priority, so a job put back after an eviction regains its original place.
 *
 * Why not engine/: `PriorityResource` queues one-unit requests FIFO by the time they (re)join the queue and
 * grants strictly in order, while a cluster job holds several nodes at once, a job blocked by its tenant's quota
 * is skipped (one blocked by capacity blocks the rest), and scaling decisions read the whole queue in order.
 * engine's `EventQueue` heap offers no ordered traversal. So the queue is this sorted array with binary
 * insertion (jobs waiting at once are few; dispatch walks it from the head anyway).
 */

/** What the queue orders by. */
export interface QueuedJob {
  /** Lower is served first. */
  readonly priority: number;
  /** Submission sequence number, unique per cluster: FIFO within a priority. */
  readonly seq: number;
}

/** Jobs waiting for nodes in service order. */
export class ClusterJobQueue<J extends QueuedJob> {
  readonly #jobs: J[] = [];

  /** Jobs waiting. */
  get length(): number {
    return this.#jobs.length;
  }

  /** The job at service position `index` (0 = next to be served). */
  at(index: number): J | undefined {
    return this.#jobs[index];
  }

  /** Put a job in its place: after every job of a lower priority number or an earlier sequence. */
  insert(job: J): void {
    const q = this.#jobs;
    let lo = 0;
    let hi = q.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = q[mid]!;
      if (m.priority < job.priority || (m.priority === job.priority && m.seq < job.seq)) lo = mid + 1;
      else hi = mid;
    }
    // shift the tail up by hand: splice would allocate the (empty) array of removed elements on every insert
    q.push(job);
    for (let i = q.length - 1; i > lo; i--) q[i] = q[i - 1]!;
    q[lo] = job;
  }

  /**
   * Take the job at service position `index` out of the queue.
   * @throws RangeError when no job is at `index`
   */
  removeAt(index: number): J {
    const q = this.#jobs;
    if (!(Number.isInteger(index) && index >= 0 && index < q.length))
      throw new RangeError(`index must be an integer in [0, ${q.length}), got ${index}`);
    const job = q[index]!;
    for (let i = index + 1; i < q.length; i++) q[i - 1] = q[i]!;
    q.pop();
    return job;
  }

  /** Waiting jobs in service order. */
  [Symbol.iterator](): IterableIterator<J> {
    return this.#jobs[Symbol.iterator]();
  }
}
