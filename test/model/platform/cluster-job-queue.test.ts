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
});
