import { describe, expect, it } from "vitest";
import { Environment, TimeWeighted } from "../../../engine/index.ts";
import { PeriodReader } from "../../../src/model/platform/period-reader.ts";

describe("PeriodReader", () => {
  it("returns each period's part of a time integral, the first from the start", () => {
    const env = new Environment();
    const nodes = new TimeWeighted(env, 2);
    const reader = new PeriodReader(() => nodes.integral());
    env.schedule(1, () => nodes.record(4));
    env.run({ until: 2 });
    expect(reader.take()).toBe(2 * 1 + 4 * 1);
    env.schedule(0.5, () => nodes.record(0));
    env.run({ until: 5 });
    expect(reader.take()).toBe(4 * 0.5);
    expect(reader.take()).toBe(0);
  });
});
