/**
 * Flat objects (cost rows) packed for a thread boundary: each distinct key list (shape) once, each distinct
 * string once, numbers in a Float64Array, and every object as its shape and one cell per key.
 *
 * Why: a batch's cost-key table holds some 1 500 rows of 12 columns whose strings repeat across rows (service,
 * resource, sub-account, unit...). A structured clone writes every property name and every string of every row
 * and reads them back as new strings, about 1.5 ms each way per batch; packed, the clone copies a few hundred
 * strings and three typed arrays, and {@link PackedRowTable} rebuilds rows with the same keys in the same order and
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

/**
 * Random access to packed objects without rebuilding them all: {@link PackedRowTable.value} reads one field of
 * one object straight from the cells, {@link PackedRowTable.row} builds one object (a new one at every call).
 *
 * Why: the thread that folds a batch needs of most cost rows only the five columns that identify them (to find
 * their running sums), and the whole row only the first time an identity is seen in the run; rebuilding every row
 * of every batch allocated some 60 KB per level-3 replication on that thread, most of its garbage.
 */
export class PackedRowTable<T> {
  readonly #packed: PackedRows;
  /** Object i's cells are cells[cellStart[i], cellStart[i + 1]); its first number is numbers[numberStart[i]]. */
  readonly #cellStart: Int32Array;
  readonly #numberStart: Int32Array;
  /** Position of each key in its shape's key list, built on first use of the shape. */
  readonly #positions: (Map<string, number> | undefined)[];

  constructor(packed: PackedRows) {
    this.#packed = packed;
    const { shapes, shape, cells } = packed;
    const n = shape.length;
    this.#cellStart = new Int32Array(n + 1);
    this.#numberStart = new Int32Array(n + 1);
    let cell = 0;
    let number = 0;
    for (let r = 0; r < n; r++) {
      this.#cellStart[r] = cell;
      this.#numberStart[r] = number;
      const end = cell + shapes[shape[r]!]!.length;
      for (; cell < end; cell++) if (cells[cell] === NUMBER) number++;
    }
    this.#cellStart[n] = cell;
    this.#numberStart[n] = number;
    this.#positions = new Array(shapes.length).fill(undefined);
  }

  /** Number of objects. */
  get length(): number {
    return this.#packed.shape.length;
  }

  /** Object `i` (0 <= i < length), with the keys of its shape in order. */
  row(i: number): T {
    const { shapes, shape, strings, cells, numbers, others } = this.#packed;
    const row: Record<string, unknown> = {};
    let cell = this.#cellStart[i]!;
    let number = this.#numberStart[i]!;
    for (const key of shapes[shape[i]!]!) {
      const code = cells[cell++]!;
      row[key] = code >= 0 ? strings[code] : code === NUMBER ? numbers[number++] : others[-2 - code];
    }
    return row as T;
  }

  /** The value of `key` in object `i`, as {@link row} would give it; undefined when the object has no such key. */
  value<K extends keyof T & string>(i: number, key: K): T[K] {
    const { shapes, shape, strings, cells, numbers, others } = this.#packed;
    const s = shape[i]!;
    let positions = this.#positions[s];
    if (positions === undefined) {
      positions = new Map(shapes[s]!.map((name, k) => [name, k]));
      this.#positions[s] = positions;
    }
    const position = positions.get(key);
    if (position === undefined) return undefined as T[K];
    const first = this.#cellStart[i]!;
    const code = cells[first + position]!;
    if (code >= 0) return strings[code] as T[K];
    if (code !== NUMBER) return others[-2 - code] as T[K];
    // the numbers of an object are in the order of its cells: count those before this one
    let number = this.#numberStart[i]!;
    for (let c = first; c < first + position; c++) if (cells[c] === NUMBER) number++;
    return numbers[number] as T[K];
  }
}
