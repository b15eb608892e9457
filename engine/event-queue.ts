/**
 * Binary min-heap of scheduled entries keyed (time, order), stored on parallel typed arrays.
 *
 * Algorithm: the implicit binary heap (Williams 1964, "Algorithm 232: Heapsort", CACM 7(6)), with the
 * "hole" sift that moves a gap instead of swapping (Knuth, TAOCP vol. 3, §5.2.3). Each entry lives in a
 * slot; `position[slot]` tracks where the slot sits in the heap so that an entry can be removed in
 * O(log n) (an indexed priority queue, Sedgewick & Wayne, Algorithms 4th ed., §2.4 "IndexMinPQ").
 * The heap arrays themselves hold numbers only, so sifting never touches a JavaScript object.
 */

const INITIAL_CAPACITY = 64;

/**
 * Indexed binary min-heap of (time, order) keys with a payload per entry; the smallest time pops first and
 * equal times pop in increasing `order`.
 */
export class EventQueue<T> {
  /** number of entries currently in the queue */
  size = 0;
  /** time of the entry returned by the last {@link pop} (NaN before the first) */
  poppedTime = Number.NaN;
  private heapTime: Float64Array;
  private heapOrder: Float64Array;
  private heapSlot: Int32Array;
  private position: Int32Array;
  private freeSlots: Int32Array;
  private freeCount: number;
  private items: (T | undefined)[];

  /** Create an empty queue; `capacity` is only the initial allocation (it grows by doubling). */
  constructor(capacity = INITIAL_CAPACITY) {
    const n = Math.max(4, capacity | 0);
    this.heapTime = new Float64Array(n);
    this.heapOrder = new Float64Array(n);
    this.heapSlot = new Int32Array(n);
    this.position = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
    this.items = new Array<T | undefined>(n).fill(undefined);
    for (let i = 0; i < n; i++) this.freeSlots[i] = n - 1 - i;
    this.freeCount = n;
  }

  /** Time of the earliest entry, or Infinity when the queue is empty. */
  peekTime(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.heapTime[0]!;
  }

  /** Order key of the earliest entry, or Infinity when the queue is empty. */
  peekOrder(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.heapOrder[0]!;
  }

  /** Whether the earliest entry is at exactly `time` with an order key below `order`. */
  precedes(time: number, order: number): boolean {
    return this.size > 0 && this.heapTime[0] === time && this.heapOrder[0]! < order;
  }

  /** Insert `item` at (time, order) in O(log n); returns the slot id, usable with {@link remove}. */
  push(time: number, order: number, item: T): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount]!;
    this.items[slot] = item;
    const heapTime = this.heapTime;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
    const position = this.position;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = heapTime[parent]!;
      if (pt < time || (pt === time && heapOrder[parent]! < order)) break;
      heapTime[i] = pt;
      heapOrder[i] = heapOrder[parent]!;
      const ps = heapSlot[parent]!;
      heapSlot[i] = ps;
      position[ps] = i;
      i = parent;
    }
    heapTime[i] = time;
    heapOrder[i] = order;
    heapSlot[i] = slot;
    position[slot] = i;
    return slot;
  }

  /**
   * Remove the earliest entry in O(log n) and return its payload; its time is then in {@link poppedTime}.
   * @throws RangeError when the queue is empty
   */
  pop(): T {
    if (this.size === 0) throw new RangeError("pop requires a non-empty queue");
    const heapTime = this.heapTime;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
    const slot = heapSlot[0]!;
    this.poppedTime = heapTime[0]!;
    const last = --this.size;
    if (last > 0) {
      // Sift the last entry down from the root (no upward check needed, unlike removeAt).
      this.siftDown(0, heapTime[last]!, heapOrder[last]!, heapSlot[last]!, last);
    }
    const item = this.items[slot] as T;
    this.items[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
    return item;
  }

  /**
   * Replace the array of payloads by a fresh copy (same contents). For a caller that stores young objects at a
   * high rate: a fresh array is in the young generation, where stores need no write-barrier call.
   */
  renewItems(): void {
    this.items = this.items.slice();
  }

  /** Payload stored in `slot`, or undefined when the slot is free. */
  itemAt(slot: number): T | undefined {
    return this.items[slot];
  }

  /** Remove the entry in `slot` in O(log n) and return its payload. @throws RangeError for a free slot */
  remove(slot: number): T {
    const item = this.items[slot];
    if (item === undefined) throw new RangeError(`slot ${slot} is not in the queue`);
    this.removeAt(this.position[slot]!);
    this.items[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
    return item;
  }

  private removeAt(index: number): void {
    const last = --this.size;
    if (index === last) return;
    const time = this.heapTime[last]!;
    const order = this.heapOrder[last]!;
    const slot = this.heapSlot[last]!;
    const heapTime = this.heapTime;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
    const position = this.position;
    let i = index;
    // The moved entry may belong above `index` (only when removing from the middle).
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = heapTime[parent]!;
      if (pt < time || (pt === time && heapOrder[parent]! < order)) break;
      heapTime[i] = pt;
      heapOrder[i] = heapOrder[parent]!;
      const ps = heapSlot[parent]!;
      heapSlot[i] = ps;
      position[ps] = i;
      i = parent;
    }
    if (i === index) {
      this.siftDown(i, time, order, slot, last);
      return;
    }
    heapTime[i] = time;
    heapOrder[i] = order;
    heapSlot[i] = slot;
    position[slot] = i;
  }

  /** Move the entry (time, order, slot) down from index i of a heap of `last` entries to its place. */
  private siftDown(i: number, time: number, order: number, slot: number, last: number): void {
    const heapTime = this.heapTime;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
    const position = this.position;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      let ct = heapTime[child]!;
      let co = heapOrder[child]!;
      const right = child + 1;
      if (right < last) {
        const rt = heapTime[right]!;
        const ro = heapOrder[right]!;
        if (rt < ct || (rt === ct && ro < co)) {
          child = right;
          ct = rt;
          co = ro;
        }
      }
      if (time < ct || (time === ct && order < co)) break;
      heapTime[i] = ct;
      heapOrder[i] = co;
      const cs = heapSlot[child]!;
      heapSlot[i] = cs;
      position[cs] = i;
      i = child;
    }
    heapTime[i] = time;
    heapOrder[i] = order;
    heapSlot[i] = slot;
    position[slot] = i;
  }

  private grow(): void {
    const old = this.heapTime.length;
    const n = old * 2;
    const heapTime = new Float64Array(n);
    heapTime.set(this.heapTime);
    this.heapTime = heapTime;
    const heapOrder = new Float64Array(n);
    heapOrder.set(this.heapOrder);
    this.heapOrder = heapOrder;
    const heapSlot = new Int32Array(n);
    heapSlot.set(this.heapSlot);
    this.heapSlot = heapSlot;
    const position = new Int32Array(n);
    position.set(this.position);
    this.position = position;
    const freeSlots = new Int32Array(n);
    for (let i = 0; i < n - old; i++) freeSlots[i] = n - 1 - i;
    this.freeSlots = freeSlots;
    this.freeCount = n - old;
    for (let i = old; i < n; i++) this.items.push(undefined);
  }
}
