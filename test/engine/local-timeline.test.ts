import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Environment, LocalTimeline } from "../../engine/index.ts";

/**
 * A program: each entry, when it runs, schedules the entries listed for it with their delays (small integers,
 * so that ties at one instant are common). Returns the (id, time) of every entry run up to `until`.
 */
type Program = [number, number][][];

function viaKernel(program: Program, until: number): [number, number][] {
  const env = new Environment();
  const ran: [number, number][] = [];
  let created = 0;
  const create = (delay: number): void => {
    const id = created++;
    env.schedule(delay, () => {
      ran.push([id, env.now]);
      for (const [, d] of program[id % program.length]!) if (created < 200) create(d);
    });
  };
  for (const [, d] of program[0]!) create(d);
  env.run({ until });
  return ran;
}

function viaTimeline(program: Program, until: number, checkpoints: number[]): [number, number][] {
  const timeline = new LocalTimeline<number>(0);
  const ran: [number, number][] = [];
  let created = 0;
  const create = (delay: number): void => {
    timeline.schedule(delay, created++);
  };
  const run = (id: number): void => {
    ran.push([id, timeline.now]);
    for (const [, d] of program[id % program.length]!) if (created < 200) create(d);
  };
  for (const [, d] of program[0]!) create(d);
  // advanced only now and then (where its owner would be looked at), then to the end
  for (const t of [...checkpoints].sort((a, b) => a - b)) if (t < until - 1e-9) timeline.advanceTo(t, run);
  timeline.advanceTo(until - 1e-9, run);
  return ran;
}

describe("LocalTimeline", () => {
  it("runs entries at the times and in the order the kernel would, wherever it is advanced", () => {
    const entry = fc.tuple(fc.constant(0), fc.constantFrom(0, 1, 1, 2, 3, 0.5));
    fc.assert(
      fc.property(
        fc.array(fc.array(entry, { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 8 }),
        (program, checkpoints) => {
          expect(viaTimeline(program, 30, checkpoints)).toEqual(viaKernel(program, 30));
        },
      ),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it("computes due times as now + delay, like Environment.schedule (bit for bit)", () => {
    const timeline = new LocalTimeline<string>(0.1);
    const env = new Environment({ initialTime: 0.1 });
    const times: number[] = [];
    timeline.schedule(0.2, "a");
    timeline.advanceTo(1, () => times.push(timeline.now));
    env.schedule(0.2, () => times.push(env.now));
    env.run();
    expect(times[0]).toBe(times[1]);
    expect(times[0]).toBe(0.1 + 0.2);
  });

  it("keeps entries due after the time advanced to, and counts what ran", () => {
    const timeline = new LocalTimeline<number>(0);
    const seen: number[] = [];
    timeline.schedule(5, 1);
    timeline.schedule(2, 2);
    timeline.advanceTo(3, (x) => seen.push(x));
    expect(seen).toEqual([2]);
    expect(timeline.now).toBe(3);
    expect(timeline.size).toBe(1);
    expect(timeline.nextTime).toBe(5);
    expect(timeline.processed).toBe(1);
    timeline.advanceTo(5, (x) => seen.push(x));
    expect(seen).toEqual([2, 1]);
    expect(timeline.nextTime).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects a negative delay, going back in time and a non-finite start", () => {
    const timeline = new LocalTimeline<number>(1);
    expect(() => timeline.schedule(-1, 0)).toThrow(RangeError);
    expect(() => timeline.schedule(Number.NaN, 0)).toThrow(RangeError);
    expect(() => timeline.advanceTo(0.5, () => {})).toThrow(/back to 0.5/);
    expect(() => new LocalTimeline<number>(Number.NaN)).toThrow(RangeError);
  });
});
