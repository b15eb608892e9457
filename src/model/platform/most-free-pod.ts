/**
 * Which pod of a multi-model pool has the most free memory, kept in an indexed binary max-heap so that a load
 * finds it in O(1) and a change of one pod's free memory costs O(log pods) instead of a scan of every pod.
 * Ties go to the lowest pod index, so the answer is exactly that of a scan keeping the first maximum
 * (`if (free > best)`): the heap orders by (free memory descending, index ascending), a total order.
 */
export class MostFreePod {
  /** Free memory of each pod, by pod index. */
  readonly #free: number[] = [];
  /** Pod indices in heap order (the root is the answer). */
  readonly #heap: number[] = [];
  /** Heap position of each pod index. */
  readonly #at: number[] = [];

  /** Number of pods. */
  get size(): number {
    return this.#heap.length;
  }

  /** The index of the pod with the most free memory (the lowest index among equals); -1 when empty. */
  best(): number {
    return this.#heap.length > 0 ? this.#heap[0]! : -1;
  }

  /** Add a pod with `freeGb` free; its index is the number of pods before. */
  push(freeGb: number): void {
    const index = this.#free.length;
    this.#free.push(freeGb);
    this.#heap.push(index);
    this.#at.push(index);
    this.#up(index);
  }

  /** Remove the pod with the highest index. */
  pop(): void {
    const index = this.#free.length - 1;
    if (index < 0) return;
    const position = this.#at[index]!;
    const last = this.#heap.pop()!;
    if (last !== index) {
      this.#heap[position] = last;
      this.#at[last] = position;
    }
    this.#free.pop();
    this.#at.pop();
    if (last !== index) {
      this.#up(last);
      this.#down(last);
    }
  }

  /** Record that pod `index` now has `freeGb` free. */
  set(index: number, freeGb: number): void {
    const before = this.#free[index]!;
    this.#free[index] = freeGb;
    if (freeGb > before) this.#up(index);
    else if (freeGb < before) this.#down(index);
  }

  /** Whether pod `a` goes before pod `b`: more free memory, or as much and a lower index. */
  #before(a: number, b: number): boolean {
    const fa = this.#free[a]!;
    const fb = this.#free[b]!;
    return fa > fb || (fa === fb && a < b);
  }

  #up(index: number): void {
    const heap = this.#heap;
    let i = this.#at[index]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.#before(index, p)) break;
      heap[i] = p;
      this.#at[p] = i;
      i = parent;
    }
    heap[i] = index;
    this.#at[index] = i;
  }

  #down(index: number): void {
    const heap = this.#heap;
    const n = heap.length;
    let i = this.#at[index]!;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.#before(heap[right]!, heap[left]!)) child = right;
      const c = heap[child]!;
      if (!this.#before(c, index)) break;
      heap[i] = c;
      this.#at[c] = i;
      i = child;
    }
    heap[i] = index;
    this.#at[index] = i;
  }
}
