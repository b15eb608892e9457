/**
 * Flat objects (cost rows) packed for a thread boundary: each distinct key list (shape) once, each distinct
 * string once, numbers in a Float64Array, and every object as its shape and one cell per key.
 *
 * Why: a batch's cost-key table holds some 1 500 rows of 12 columns whose strings repeat across rows (service,
 * resource, sub-account, unit...). A structured clone writes every property name and every string of every row
 * and reads them back as new strings, about 1.5 ms each way per batch; packed, the clone copies a few hundred
 * strings and three typed arrays, and {@link unpackRows} rebuilds rows with the same keys in the same order and
 * the same values (numbers bit for bit, -0 included).
 *
 * A cell is a string's index (>= 0), -1 for the next number, or -2 - i for `others[i]` (any other value).
 */

import { ArrayBuilder } from "./array-builder.ts";
import { NameTable } from "./name-table.ts";

/** Objects packed by {@link RowPacker}. */
export interface PackedRows {
  /** Key lists, by shape index. */
  shapes: string[][];
  /** Shape of each object. */
  shape: Int32Array;
  strings: string[];
  cells: Int32Array;
  numbers: Float64Array;
  /** Values that are neither strings nor numbers, in order of appearance. */
  others: unknown[];
}

const NUMBER = -1;

/** Packs flat objects one at a time. */
export class RowPacker {
  readonly #shapes: string[][] = [];
  /** Shape index by key list (the keys joined by NUL). */
  readonly #shapeIndex = new NameTable();
  readonly #strings = new NameTable();
  readonly #shape = ArrayBuilder.ints();
  /** The shape of the last object packed (-1: none yet). */
  #lastShape = -1;
  readonly #cells = ArrayBuilder.ints();
  readonly #numbers = ArrayBuilder.floats();
  readonly #others: unknown[] = [];

  /** Number of objects packed. */
  get length(): number {
    return this.#shape.length;
  }

  /** Packs `row` (its own enumerable keys, in order). */
  add(row: object): void {
    const shape = this.#shapeOf(row);
    this.#shape.push(shape);
    this.#lastShape = shape;
    const values = row as Record<string, unknown>;
    for (const key of this.#shapes[shape]!) {
      const value = values[key];
      if (typeof value === "string") {
        this.#cells.push(this.#strings.slot(value));
      } else if (typeof value === "number") {
        this.#cells.push(NUMBER);
        this.#numbers.push(value);
      } else {
        this.#cells.push(-2 - (this.#others.push(value) - 1));
      }
    }
  }

  /** The shape of `row`: the previous row's when the keys are the same (the common case), else looked up. */
  #shapeOf(row: object): number {
    const previous = this.#lastShape;
    if (previous >= 0) {
      const keys = this.#shapes[previous]!;
      let k = 0;
      let same = true;
      for (const key in row) {
        if (keys[k++] !== key || !Object.hasOwn(row, key)) {
          same = false;
          break;
        }
      }
      if (same && k === keys.length) return previous;
    }
    const keys = Object.keys(row);
    const shape = this.#shapeIndex.slot(keys.join("\u0000"));
    if (shape === this.#shapes.length) this.#shapes.push(keys);
    return shape;
  }

  /** The packed objects. */
  finish(): PackedRows {
    return {
      shapes: this.#shapes,
      shape: this.#shape.finish(),
      strings: this.#strings.names,
      cells: this.#cells.finish(),
      numbers: this.#numbers.finish(),
      others: this.#others,
    };
  }
}

/** The objects of `packed`, in packing order. */
export function unpackRows<T>(packed: PackedRows): T[] {
  const { shapes, shape, strings, cells, numbers, others } = packed;
  const rows: T[] = [];
  let cell = 0;
  let number = 0;
  for (let r = 0; r < shape.length; r++) {
    const keys = shapes[shape[r]!]!;
    const row: Record<string, unknown> = {};
    for (const key of keys) {
      const code = cells[cell++]!;
      row[key] = code >= 0 ? strings[code] : code === NUMBER ? numbers[number++] : others[-2 - code];
    }
    rows.push(row as T);
  }
  return rows;
}
