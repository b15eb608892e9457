/**
 * ArrayBuffers handed back for reuse: the thread that packs batches (packed-batch.ts, through array-builder.ts)
 * takes its buffers from here, and the buffers of batches already folded come back to it with its next tasks
 * (replication-pool.ts), so that a long run stops allocating new ones.
 *
 * Why: a packed level-3 batch carries some 100-200 KB of typed arrays per replication, transferred to the thread
 * that folds it. V8 counts every ArrayBuffer a thread receives as external memory of its heap, and external memory
 * allocated since the last full collection counts toward the old generation's limit: with fresh buffers in every
 * batch, the folding thread's heap reached its limit every few hundred replications and ran a full (concurrent)
 * mark-compact of its ~16 MB of accumulators each time, about 1 ms of CPU per replication on V8's helper threads
 * and 0.15 ms of pauses on the folding thread (trace in docs/benchmarks.md). Buffers that go back and forth are
 * allocated once.
 *
 * A buffer taken is zero-filled up to the length asked, as a new one would be.
 */

/** Bytes of buffers kept at most; beyond it, returned buffers are left to the garbage collector. */
export const BUFFER_POOL_MAX_BYTES = 64 * 2 ** 20;

/** Reusable ArrayBuffers, best fit first. */
export class BufferPool {
  readonly #buffers: ArrayBuffer[] = [];
  #bytes = 0;
  readonly #maxBytes: number;

  /** @param maxBytes bytes kept at most (default {@link BUFFER_POOL_MAX_BYTES}). */
  constructor(maxBytes: number = BUFFER_POOL_MAX_BYTES) {
    this.#maxBytes = maxBytes;
  }

  /** Number of buffers kept. */
  get size(): number {
    return this.#buffers.length;
  }

  /** Bytes kept. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * The smallest kept buffer of at least `byteLength` bytes (removed from the pool), or a new one of exactly that
   * many; zero-filled over its first `byteLength` bytes.
   */
  take(byteLength: number): ArrayBuffer {
    const buffers = this.#buffers;
    let best = -1;
    for (let i = 0; i < buffers.length; i++) {
      const size = buffers[i]!.byteLength;
      if (size >= byteLength && (best < 0 || size < buffers[best]!.byteLength)) best = i;
    }
    if (best < 0) return new ArrayBuffer(byteLength);
    const buffer = buffers[best]!;
    buffers[best] = buffers[buffers.length - 1]!;
    buffers.pop();
    this.#bytes -= buffer.byteLength;
    new Uint8Array(buffer, 0, byteLength).fill(0);
    return buffer;
  }

  /** Keeps `buffer` for reuse, unless it is detached or the pool is full. */
  give(buffer: ArrayBuffer): void {
    const size = buffer.byteLength;
    if (size === 0 || this.#bytes + size > this.#maxBytes) return;
    this.#buffers.push(buffer);
    this.#bytes += size;
  }

  /** Takes up to `maxBytes` of kept buffers out of the pool (to send them where they will be reused). */
  drain(maxBytes: number): ArrayBuffer[] {
    const out: ArrayBuffer[] = [];
    let bytes = 0;
    while (
      this.#buffers.length > 0 &&
      bytes + this.#buffers[this.#buffers.length - 1]!.byteLength <= maxBytes
    ) {
      const buffer = this.#buffers.pop()!;
      bytes += buffer.byteLength;
      this.#bytes -= buffer.byteLength;
      out.push(buffer);
    }
    return out;
  }
}

/** The pool of the calling thread's packers (each worker thread has its own module instance, so its own pool). */
export const packingBuffers = new BufferPool();
