import { describe, expect, it } from "vitest";
import {
  erlangC,
  mmcMeanWait,
  mmcResponseQuantile,
  mmcResponseTail,
} from "../../../src/model/platform/erlang-c.ts";

describe("Erlang C", () => {
  it("matches textbook values", () => {
    // M/M/1: C = rho
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    // c = 2, a = 1: C = 1/3
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(3, 3)).toBe(1);
    expect(mmcMeanWait(1, 0.5, 1)).toBeCloseTo(1, 12);
  });
  it("response tail of M/M/1 is exponential with rate mu - lambda", () => {
    expect(mmcResponseTail(1, 0.5, 1, 2)).toBeCloseTo(Math.exp(-1), 10);
    expect(mmcResponseQuantile(1, 0.5, 1, 0.95)).toBeCloseTo(-Math.log(0.05) / 0.5, 4);
  });
  it("a shifted share moves the quantile by the load time", () => {
    const base = mmcResponseQuantile(4, 2, 1, 0.95);
    expect(mmcResponseQuantile(4, 2, 1, 0.95, 10, 0.2)).toBeGreaterThan(10);
    expect(mmcResponseQuantile(4, 2, 1, 0.95, 10, 0.01)).toBeLessThan(base + 1e-9 + 10);
  });
});
