/**
 * The records of one batch of one scenario, packed into a few typed arrays and name tables: the form in which a
 * batch crosses from a worker thread (or a queue worker) to the thread that folds it.
 *
 * Why: a level-3 replication reports about 160 KPIs, 54 series and samples (some 7 400 numbers) and 1 400 cost
 * rows. Sent record by record, every record cloned its 160 KPI names as strings (re-read and re-hashed on the
 * receiving side) and transferred some 56 small ArrayBuffers, each a separate allocation in both threads; the
 * structured clone, the allocations and the garbage they left cost more CPU than folding the records (profile in
 * the mc notes). Packed, a batch of any size is one name table per kind of metric, about a dozen typed arrays and
 * one cost-key table (replication-record.ts), and {@link unpackRecords} rebuilds each record as plain data whose
 * series and samples are views into the batch's arrays: the same names in the same order with the same values,
 * so whatever folds them gives bit-identical results.
 *
 * Layout: record r owns the entries [start[r], start[r + 1]) of a section; entry e of a named-array section is
 * names[slots[e]] with the values values[valueStart[e], valueStart[e + 1]); entries keep each record's own key
 * order (the order `for...in` gave on the producing side).
 */
import type { ReplicationResult } from "../model/result.ts";
import { ArrayBuilder } from "./array-builder.ts";
import { CostRowIndex } from "./cost-row-index.ts";
import { NameTable } from "./name-table.ts";
import { type PackedRows, PackedRowTable, RowPacker } from "./packed-rows.ts";
import { COST_AMOUNT_FIELDS, type CostKeyTable, type ReplicationRecord } from "./replication-record.ts";
import { transferList } from "./transfer-list.ts";
import type { CostRow } from "./types.ts";

/** What a section of named numbers and one of named arrays have in common. */
interface PackedSection {
  /** The names, by slot. */
  names: string[];
  /** Record r's entries are [start[r], start[r + 1]). */
  start: Int32Array;
  /** The name slot of each entry. */
  slots: Int32Array;
  values: Float64Array;
}

/** Named numbers (the KPIs) of the records of a batch: entry e has the value values[e]. */
export type PackedScalars = PackedSection;

/** Named arrays of numbers (series or samples) of the records of a batch. */
export interface PackedArrays extends PackedSection {
  /** Entry e has the values values[valueStart[e], valueStart[e + 1]). */
  valueStart: Int32Array;
}

/**
 * The cost rows of the records of a batch, keyed against the batch's key table (replication-record.ts), whose
 * rows are packed (packed-rows.ts).
 */
export interface PackedCosts {
  rows: PackedRows;
  start: Int32Array;
  slots: Int32Array;
  amounts: Float64Array;
}

/** The records of one batch of one scenario, packed (plain, structured-cloneable data). */
export interface PackedRecords {
  count: number;
  replications: number[];
  seeds: number[];
  events: number[];
  kpis: PackedScalars;
  series: PackedArrays;
  samples: PackedArrays;
  costs: PackedCosts;
}

/**
 * The amount columns in packed order, read one site per column (`row[AMOUNT_FIELDS[k]]`, unrolled): a loop over
 * the names would make the read one keyed load that sees four names, which V8 handles as megamorphic (packing took
 * a third longer, measured). `satisfies` makes a fifth column a compile error here, where its read must be added.
 */
const AMOUNT_FIELDS = COST_AMOUNT_FIELDS satisfies readonly [string, string, string, string];

/** Packs the results of one scenario's replications of a batch, one at a time, in replication order. */
export class RecordPacker {
  readonly #replications: number[] = [];
  readonly #seeds: number[] = [];
  readonly #events: number[] = [];
  readonly #kpis = new ScalarSection();
  readonly #series = new ArraySection();
  readonly #samples = new ArraySection();
  readonly #costRows = new RowPacker();
  readonly #costIndex = new CostRowIndex();
  readonly #costStart = ArrayBuilder.ints();
  readonly #costSlots = ArrayBuilder.ints();
  readonly #costAmounts = ArrayBuilder.floats();

  readonly #expected: number;

  /**
   * @param expected how many results the batch will pack: after the first, every array is given room for the
   *   rest at once (a level-3 batch of 20 packs some 150 000 numbers), instead of growing by doubling.
   */
  constructor(expected = 1) {
    this.#expected = expected;
    this.#costStart.push(0);
  }

  /** Number of results packed so far. */
  get count(): number {
    return this.#replications.length;
  }

  /** Adds the aggregatable part of one replication's result (see replication-record.ts). */
  add(result: ReplicationResult): void {
    this.#replications.push(result.replication);
    this.#seeds.push(result.seed);
    this.#events.push(result.events);
    this.#kpis.add(result.kpis);
    this.#series.add(result.series);
    this.#samples.add(result.samples);
    const index = this.#costIndex;
    const slots = this.#costSlots;
    const amounts = this.#costAmounts;
    const rows = result.costRows;
    const slotArray = slots.reserve(rows.length);
    const amountArray = amounts.reserve(rows.length * COST_AMOUNT_FIELDS.length);
    let s = slots.length;
    let a = amounts.length;
    for (const row of rows) {
      let slot = index.get(row);
      if (slot < 0) {
        slot = this.#costRows.length;
        this.#costRows.add(row);
        index.set(row, slot);
      }
      slotArray[s++] = slot;
      amountArray[a++] = row[AMOUNT_FIELDS[0]];
      amountArray[a++] = row[AMOUNT_FIELDS[1]];
      amountArray[a++] = row[AMOUNT_FIELDS[2]];
      amountArray[a++] = row[AMOUNT_FIELDS[3]];
    }
    slots.length = s;
    amounts.length = a;
    this.#costStart.push(slots.length);
    if (this.count === 1 && this.#expected > 1) {
      const more = this.#expected - 1;
      for (const section of [this.#kpis, this.#series, this.#samples]) section.reserveFor(more);
      slots.reserve(slots.length * more);
      amounts.reserve(amounts.length * more);
    }
  }

  /** The packed records (the packer is not used afterwards). */
  finish(): PackedRecords {
    return {
      count: this.count,
      replications: this.#replications,
      seeds: this.#seeds,
      events: this.#events,
      kpis: this.#kpis.finish(),
      series: this.#series.finish(),
      samples: this.#samples.finish(),
      costs: {
        rows: this.#costRows.finish(),
        start: this.#costStart.finish(),
        slots: this.#costSlots.finish(),
        amounts: this.#costAmounts.finish(),
      },
    };
  }
}

/** The ArrayBuffers behind the typed arrays of `packed` (to transfer rather than copy them). */
export function packedBuffers(packed: readonly PackedRecords[]): ArrayBuffer[] {
  return transferList(packed);
}

/**
 * The records of `packed`, as plain {@link ReplicationRecord}s: KPIs as objects, series and samples as
 * Float64Array views into the batch's values, cost rows keyed against the batch's key table (one table object
 * shared by every record of the batch, so the cost accumulator resolves each key once per batch; its rows are
 * read in place, not rebuilt).
 */
export function unpackRecords(packed: PackedRecords): ReplicationRecord[] {
  const table: CostKeyTable = new PackedRowTable<CostRow>(packed.costs.rows);
  const { start: costStart, slots: costSlots, amounts } = packed.costs;
  const records: ReplicationRecord[] = [];
  for (let r = 0; r < packed.count; r++) {
    records.push({
      replication: packed.replications[r]!,
      seed: packed.seeds[r]!,
      kpis: unpackScalars(packed.kpis, r),
      series: unpackArrays(packed.series, r),
      samples: unpackArrays(packed.samples, r),
      costRows: {
        table,
        slots: costSlots.subarray(costStart[r]!, costStart[r + 1]!),
        amounts: amounts.subarray(
          costStart[r]! * COST_AMOUNT_FIELDS.length,
          costStart[r + 1]! * COST_AMOUNT_FIELDS.length,
        ),
      },
      events: packed.events[r]!,
    });
  }
  return records;
}

function unpackScalars(section: PackedScalars, r: number): Record<string, number> {
  const { names, start, slots, values } = section;
  const out: Record<string, number> = {};
  for (let e = start[r]!; e < start[r + 1]!; e++) out[names[slots[e]!]!] = values[e]!;
  return out;
}

function unpackArrays(section: PackedArrays, r: number): Record<string, Float64Array> {
  const { names, start, slots, valueStart, values } = section;
  const out: Record<string, Float64Array> = {};
  for (let e = start[r]!; e < start[r + 1]!; e++) {
    out[names[slots[e]!]!] = values.subarray(valueStart[e]!, valueStart[e + 1]!);
  }
  return out;
}

/** The name table, record starts, entry slots and values that both kinds of section keep. */
abstract class Section {
  protected readonly names = new NameTable();
  protected readonly start = ArrayBuilder.ints();
  protected readonly slots = ArrayBuilder.ints();
  protected readonly values = ArrayBuilder.floats();

  constructor() {
    this.start.push(0);
  }

  /** Makes room for `records` more records the size of those added so far. */
  reserveFor(records: number): void {
    this.slots.reserve(this.slots.length * records);
    this.values.reserve(this.values.length * records);
  }

  /** Appends an entry of `name` (its values are the caller's to append). */
  protected entry(name: string): void {
    this.slots.push(this.names.slot(name));
  }

  /** Ends the record being added. */
  protected endRecord(): void {
    this.start.push(this.slots.length);
  }
}

class ScalarSection extends Section {
  add(scalars: Record<string, number>): void {
    for (const name in scalars) {
      this.entry(name);
      this.values.push(scalars[name]!);
    }
    this.endRecord();
  }

  finish(): PackedScalars {
    return {
      names: this.names.names,
      start: this.start.finish(),
      slots: this.slots.finish(),
      values: this.values.finish(),
    };
  }
}

class ArraySection extends Section {
  readonly #valueStart = ArrayBuilder.ints();

  constructor() {
    super();
    this.#valueStart.push(0);
  }

  override reserveFor(records: number): void {
    super.reserveFor(records);
    this.#valueStart.reserve(this.#valueStart.length * records);
  }

  add(arrays: Record<string, ArrayLike<number>>): void {
    const values = this.values;
    for (const name in arrays) {
      this.entry(name);
      values.append(arrays[name]!);
      this.#valueStart.push(values.length);
    }
    this.endRecord();
  }

  finish(): PackedArrays {
    return {
      names: this.names.names,
      start: this.start.finish(),
      slots: this.slots.finish(),
      valueStart: this.#valueStart.finish(),
      values: this.values.finish(),
    };
  }
}
