import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { defaultModel } from "../../src/montecarlo/model-ref.ts";
import { RecordPacker } from "../../src/montecarlo/packed-batch.ts";
import {
  decodeJob,
  decodeOutcome,
  encodeJob,
  encodeOutcome,
  JOB_FORMAT,
} from "../../src/montecarlo/queue-job.ts";
import { type PackedBatchOutcome, unpackOutcome } from "../../src/montecarlo/run-batch.ts";

describe("queue job outcome", () => {
  it("carries a packed batch through its string form and unpacks to the same records", () => {
    const packer = new RecordPacker(2);
    for (const replication of [4, 5]) {
      packer.add({
        replication,
        seed: 9,
        kpis: { delivered: replication, cost: -0 },
        series: { reached: [0, replication] },
        samples: { wait: [1.5, Number.NaN] },
        costRows: [],
        events: 3,
      } as never);
    }
    const outcome: PackedBatchOutcome = { start: 4, replications: 2, packed: [packer.finish()], metas: [] };
    const back = unpackOutcome(decodeOutcome(encodeOutcome(outcome)));
    expect(back.start).toBe(4);
    expect(back.records.map(([record]) => record!.kpis)).toEqual([
      { delivered: 4, cost: -0 },
      { delivered: 5, cost: -0 },
    ]);
    expect(Array.from(back.records[1]![0]!.samples.wait!)).toEqual([1.5, Number.NaN]);
  });

  it("rejects a return value that is not a packed outcome", () => {
    const unpacked = serialize({ start: 0, records: [], metas: [] }).toString("base64");
    expect(() => decodeOutcome(unpacked)).toThrow(/not a packed scalesim batch outcome/);
    expect(() => decodeOutcome(42)).toThrow(/not a scalesim batch outcome/);
  });

  it("names the job format in the work and in the job id, so jobs of another format are never reused", () => {
    const task = { model: defaultModel(), scenarios: [{}], seeds: [1], start: 0, count: 2 };
    const job = encodeJob(task, "9.9.9");
    expect(decodeJob(job.data)).toMatchObject({ version: "9.9.9", format: JOB_FORMAT, model: "default" });
    // the id is a hash of the whole work (format included): the same work gives the same id, any other field
    // another one
    expect(encodeJob(task, "9.9.9").id).toBe(job.id);
    expect(encodeJob(task, "9.9.8").id).not.toBe(job.id);
    expect(job.id).toMatch(/^[0-9a-f]{32}-r0-2$/);
  });
});
