/**
 * Names interned by slot: each distinct name gets the next slot the first time it is seen, so a packed batch
 * (packed-batch.ts, packed-rows.ts) carries every name once, in first-seen order, and refers to it by slot.
 */

/** The slot of each name, in first-seen order. */
export class NameTable {
  /** The names, by slot. */
  readonly names: string[] = [];
  readonly #slots = new Map<string, number>();

  /** The slot of `name`: its own if seen before, else the next one (`names.length` before the call). */
  slot(name: string): number {
    let slot = this.#slots.get(name);
    if (slot === undefined) {
      slot = this.names.push(name) - 1;
      this.#slots.set(name, slot);
    }
    return slot;
  }
}
