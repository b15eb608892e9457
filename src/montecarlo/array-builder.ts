/**
 * A typed array built value by value, growing by doubling: the arrays of a packed batch (packed-batch.ts,
 * packed-rows.ts), which cross a thread boundary as their ArrayBuffers (transferred, not copied). Backing buffers
 * come from the thread's buffer pool (buffer-pool.ts), and one outgrown goes back to it.
 */
import { packingBuffers } from "./buffer-pool.ts";

/**
 * A typed array that grows by doubling; finish() returns a view of its first `length` values (the backing array,
 * spare room included, is what is transferred and kept alive until the records are folded).
 */
export class ArrayBuilder<A extends Float64Array | Int32Array> {
  readonly #make: (length: number) => A;
  #array: A;
  /** Number of values so far. */
  length = 0;

  /** A builder of Float64Array values. */
  static floats(): ArrayBuilder<Float64Array> {
    return new ArrayBuilder(pooled(Float64Array));
  }

  /** A builder of Int32Array values. */
  static ints(): ArrayBuilder<Int32Array> {
    return new ArrayBuilder(pooled(Int32Array));
  }

  /** An empty builder whose arrays `make` provides, with room for at least the length asked (1024 to start). */
  constructor(make: (length: number) => A) {
    this.#make = make;
    this.#array = make(1024);
  }

  /** Appends `x`. */
  push(x: number): void {
    if (this.length === this.#array.length) this.reserve(1);
    this.#array[this.length++] = x;
  }

  /** Appends every value of `values` (one typed-array copy, not one push per value). */
  append(values: ArrayLike<number>): void {
    this.reserve(values.length).set(values, this.length);
    this.length += values.length;
  }

  /** The backing array, with room for `n` more values after `length`. */
  reserve(n: number): A {
    if (this.length + n > this.#array.length) {
      const grown = this.#make(Math.max(this.#array.length * 2, this.length + n));
      grown.set(this.#array.subarray(0, this.length));
      packingBuffers.give(this.#array.buffer as ArrayBuffer);
      this.#array = grown;
    }
    return this.#array;
  }

  /** The values: a view of the backing array (transferred whole; no copy). */
  finish(): A {
    return this.#array.subarray(0, this.length) as A;
  }
}

/** Arrays of `Type` over buffers from the thread's pool, as long as the buffer taken allows (at least as asked). */
function pooled<A extends Float64Array | Int32Array>(Type: {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}): (length: number) => A {
  return (length) => {
    const buffer = packingBuffers.take(length * Type.BYTES_PER_ELEMENT);
    return new Type(buffer, 0, Math.floor(buffer.byteLength / Type.BYTES_PER_ELEMENT));
  };
}
