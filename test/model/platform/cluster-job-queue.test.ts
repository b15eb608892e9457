import { describe, expect, it } from "vitest";
import { ClusterJobQueue } from "../../../src/model/platform/cluster-job-queue.ts";

const job = (seq: number, priority: number) => ({ seq, priority, label: `${priority}/${seq}` });

describe("ClusterJobQueue", () => {
  it("serves the lowest priority number first, FIFO by sequence within a priority", () => {
    const q = new ClusterJobQueue<ReturnType<typeof job>>();
    for (const [seq, priority] of [
      [0, 2],
      [1, 1],
      [2, 2],
      [3, 0],
      [4, 1],
    ] as const)
      q.insert(job(seq, priority));
    expect([...q].map((j) => j.label)).toEqual(["0/3", "1/1", "1/4", "2/0", "2/2"]);
  });

  it("puts a job taken out and re-inserted (an eviction) back in its original place", () => {
    const q = new ClusterJobQueue<ReturnType<typeof job>>();
    for (let seq = 0; seq < 4; seq++) q.insert(job(seq, 1));
    const taken = q.removeAt(1);
    expect(taken.label).toBe("1/1");
    q.insert(job(9, 1));
    q.insert(taken);
    expect([...q].map((j) => j.seq)).toEqual([0, 1, 2, 3, 9]);
    expect(q.length).toBe(5);
    expect(q.at(0)?.seq).toBe(0);
    expect(q.at(5)).toBeUndefined();
  });

  it("keeps service order through interleaved inserts and removals anywhere (same as a sorted reference list)", () => {
    const q = new ClusterJobQueue<ReturnType<typeof job>>();
    const reference: ReturnType<typeof job>[] = [];
    const order = (a: ReturnType<typeof job>, b: ReturnType<typeof job>) =>
      a.priority - b.priority || a.seq - b.seq;
    // a fixed pseudo-random sequence of operations (LCG), so the test is deterministic
    let state = 12345;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    for (let seq = 0; seq < 300; seq++) {
      if (reference.length > 0 && next(3) === 0) {
        const index = next(reference.length);
        expect(q.removeAt(index)).toBe(reference[index]);
        reference.splice(index, 1);
      } else {
        const j = job(seq, next(4));
        q.insert(j);
        reference.push(j);
        reference.sort(order);
      }
      expect(q.length).toBe(reference.length);
    }
    expect([...q]).toEqual(reference);
  });

  it("refuses to remove a position that holds no job", () => {
    const q = new ClusterJobQueue<ReturnType<typeof job>>();
    q.insert(job(0, 1));
    expect(() => q.removeAt(1)).toThrow(RangeError);
    expect(() => q.removeAt(-1)).toThrow("index must be an integer in [0, 1), got -1");
    expect(q.length).toBe(1);
  });
});
