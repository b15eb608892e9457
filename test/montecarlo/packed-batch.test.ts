import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReplicationResult } from "../../src/model/result.ts";
import { simulate } from "../../src/model/simulate.ts";
import {
  type PackedRecords,
  packedBuffers,
  RecordPacker,
  unpackRecords,
} from "../../src/montecarlo/packed-batch.ts";
import { PackedRowTable, RowPacker } from "../../src/montecarlo/packed-rows.ts";
import {
  COST_AMOUNT_FIELDS,
  type ReplicationRecord,
  toRecord,
} from "../../src/montecarlo/replication-record.ts";
import { RunAggregator } from "../../src/montecarlo/run-aggregator.ts";
import { defaultSummaryRoles } from "../../src/montecarlo/summary-roles.ts";
import { transferList } from "../../src/montecarlo/transfer-list.ts";
import type { CostRow } from "../../src/montecarlo/types.ts";
import { parseScenario } from "../../src/scenario/load.ts";

/** What crosses a thread: the packed records cloned with their buffers transferred, as the worker sends them. */
function acrossThreads(results: readonly ReplicationResult[]): ReplicationRecord[] {
  const packer = new RecordPacker();
  for (const result of results) packer.add(result);
  const packed = packer.finish();
  return unpackRecords(structuredClone(packed, { transfer: packedBuffers([packed]) }) as PackedRecords);
}

/** A record's cost rows as objects: keyed rows resolved against their table, amounts from the record. */
function costObjects(record: ReplicationRecord): CostRow[] {
  const costs = record.costRows;
  if (Array.isArray(costs)) return costs;
  return Array.from(costs.slots, (slot, r) => {
    const row: Record<string, unknown> = { ...costs.table.row(slot) };
    COST_AMOUNT_FIELDS.forEach((field, k) => {
      row[field] = costs.amounts[r * COST_AMOUNT_FIELDS.length + k];
    });
    return row as unknown as CostRow;
  });
}

/** The record with arrays as plain arrays, for comparison (toEqual tells -0 from 0 and compares key order below). */
function plain(record: ReplicationRecord) {
  const arrays = (named: Record<string, ArrayLike<number>>) =>
    Object.entries(named).map(([name, values]) => [name, Array.from(values)]);
  return {
    replication: record.replication,
    seed: record.seed,
    events: record.events,
    kpis: Object.entries(record.kpis),
    series: arrays(record.series),
    samples: arrays(record.samples),
    costRows: costObjects(record).map((row) => Object.entries(row)),
  };
}

const level3 = (() => {
  const loaded = parseScenario("extends: [level-3, demand-level-3]\n", { file: "(presets)" });
  if (!loaded.ok) throw new Error("level-3 preset does not validate");
  return loaded.scenario;
})();

describe("packed batch", () => {
  const results = [0, 1, 2].map((replication) =>
    simulate(level3, { seed: 2026, replication, keepProjects: false }),
  );

  it("unpacks the level-3 model's records with the same names, order and values", () => {
    const unpacked = acrossThreads(results);
    expect(unpacked).toHaveLength(3);
    unpacked.forEach((record, i) => {
      expect(plain(record)).toEqual(plain(toRecord(results[i]!)));
      expect(record.series.deliveredCumulative).toBeInstanceOf(Float64Array);
    });
    const [first, second] = unpacked.map((record) => record.costRows);
    expect(Array.isArray(first)).toBe(false);
    expect((first as { table: unknown }).table).toBe((second as { table: unknown }).table);
  });

  it("lists the buffer of every typed array of a batch for transfer (each is detached once sent)", () => {
    const packer = new RecordPacker();
    for (const result of results) packer.add(result);
    const packed = packer.finish();
    structuredClone(packed, { transfer: packedBuffers([packed]) });
    // every typed array, found by JSON.stringify's own walk (not the one packedBuffers uses)
    const views: ArrayBufferView[] = [];
    JSON.stringify(packed, (_key, value) => {
      if (!ArrayBuffer.isView(value)) return value;
      views.push(value);
      return null;
    });
    expect(views.length).toBeGreaterThanOrEqual(17);
    expect(views.filter((view) => view.byteLength > 0)).toEqual([]);
  });

  it("folds into the same summary as the model's own records, beyond the exact limits too", () => {
    const options = {
      reachSeries: defaultSummaryRoles().reachSeries,
      exactLimit: 2,
      seriesExactLimit: 1,
      sampleExactLimit: 500,
    };
    const context = {
      meta: results[0]!.meta,
      seed: 2026,
      workers: 1,
      elapsedMs: 0,
      stoppedBy: "count" as const,
      describe: (name: string) => ({ label: name, unit: "" }),
    };
    const own = new RunAggregator(options);
    const packed = new RunAggregator(options);
    for (const result of results) own.add(toRecord(result));
    for (const record of acrossThreads(results)) packed.add(record);
    expect(packed.summarize(context)).toEqual(own.summarize(context));
  });

  it("keeps each record's own keys, order and values, -0, NaN and infinities included", () => {
    const names = fc.constantFrom("a", "b", "c.d", "2", "10", "tier.Gold");
    const value = fc.double();
    const identity = fc.record({
      month: fc.integer({ min: 0, max: 3 }),
      serviceName: fc.constantFrom("Serving", "Training"),
      resourceId: fc.constantFrom("r1", "r2"),
      subAccountId: fc.constantFrom("u1", "u2"),
      xCostCategory: fc.constantFrom("compute", "people"),
    });
    const costRow = fc
      .tuple(identity, value, value, value, value)
      .map(([id, billedCost, effectiveCost, listCost, consumedQuantity]) => ({
        month: id.month,
        billedCost,
        effectiveCost,
        listCost,
        serviceCategory: "AI and Machine Learning",
        serviceName: id.serviceName,
        resourceId: id.resourceId,
        subAccountId: id.subAccountId,
        consumedQuantity,
        consumedUnit: "Hours",
        pricingCategory: "Standard" as const,
        xCostCategory: id.xCostCategory,
      }));
    const result = fc.record({
      replication: fc.nat(),
      seed: fc.nat(),
      kpis: fc.dictionary(names, value),
      series: fc.dictionary(names, fc.array(value, { maxLength: 5 })),
      samples: fc.dictionary(names, fc.array(value, { maxLength: 5 })),
      costRows: fc.array(costRow, { maxLength: 6 }),
      events: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 4 }), (batch) => {
        const results = batch as unknown as ReplicationResult[];
        const unpacked = acrossThreads(results);
        expect(unpacked.map(plain)).toEqual(results.map((r) => plain(toRecord(r))));
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});

describe("packed rows", () => {
  it("rebuild objects of any flat shape with the same keys in the same order and the same values", () => {
    const key = fc.constantFrom("month", "name", "1", "cost", "unit", "extra");
    const cell = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.array(fc.dictionary(key, cell), { maxLength: 8 }), (rows) => {
        const packer = new RowPacker();
        for (const row of rows) packer.add(row);
        const packed = packer.finish();
        const table = new PackedRowTable<Record<string, unknown>>(
          structuredClone(packed, { transfer: transferList(packed) }),
        );
        const back = Array.from({ length: table.length }, (_, i) => table.row(i));
        expect(back.map((row) => Object.entries(row))).toEqual(rows.map((row) => Object.entries(row)));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("read one field of one object in place as the rebuilt object has it, absent keys as undefined", () => {
    const key = fc.constantFrom("month", "name", "1", "cost", "unit", "extra");
    const cell = fc.oneof(fc.string({ maxLength: 4 }), fc.double(), fc.boolean(), fc.constant(null));
    const keys = ["month", "name", "1", "cost", "unit", "extra", "absent"] as const;
    fc.assert(
      fc.property(fc.array(fc.dictionary(key, cell), { maxLength: 8 }), (rows) => {
        const packer = new RowPacker();
        for (const row of rows) packer.add(row);
        const table = new PackedRowTable<Record<(typeof keys)[number], unknown>>(packer.finish());
        expect(table.length).toBe(rows.length);
        rows.forEach((row, i) => {
          expect(Object.entries(table.row(i))).toEqual(Object.entries(row));
          for (const k of keys)
            expect(Object.is(table.value(i, k), (row as Record<string, unknown>)[k])).toBe(true);
        });
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  it("stores each distinct string and key list once", () => {
    const packer = new RowPacker();
    for (let i = 0; i < 100; i++) packer.add({ service: "Serving", unit: "Hours", amount: i });
    packer.add({ unit: "Hours", service: "Training" });
    const packed = packer.finish();
    expect(packed.shapes).toEqual([
      ["service", "unit", "amount"],
      ["unit", "service"],
    ]);
    expect(packed.strings).toEqual(["Serving", "Hours", "Training"]);
    expect(packed.numbers).toHaveLength(100);
  });
});
