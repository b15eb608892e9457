import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import {
  COMMAND_NAMES,
  OPTIONS,
  parseFormats,
  parseRelativeHalfWidth,
  parseSeed,
  parseShard,
} from "../../src/cli/options.ts";
import { detectSummary } from "../../src/cli/summary-kind.ts";

describe("option table", () => {
  it("gives every command distinct flags and every option at least one command", () => {
    for (const command of COMMAND_NAMES) {
      const flags = OPTIONS.filter((option) => option.commands.includes(command)).flatMap((option) =>
        option.flags.split(/[ ,]+/).filter((part) => part.startsWith("-")),
      );
      expect(new Set(flags).size, command).toBe(flags.length);
    }
    for (const option of OPTIONS) expect(option.commands.length, option.flags).toBeGreaterThan(0);
  });

  it("parses values and rejects bad ones with commander's InvalidArgumentError", () => {
    expect(parseRelativeHalfWidth("2%")).toBeCloseTo(0.02, 12);
    expect(parseRelativeHalfWidth("0.05")).toBe(0.05);
    expect(parseFormats("HTML, png,html")).toEqual(["html", "png"]);
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseSeed("4294967295")).toBe(4294967295);
    expect(() => parseSeed("4294967296")).toThrow(InvalidArgumentError);
    expect(() => parseShard("0/4")).toThrow(InvalidArgumentError);
    expect(() => parseFormats(",")).toThrow(InvalidArgumentError);
    expect(() => parseRelativeHalfWidth("100%")).toThrow(InvalidArgumentError);
  });
});

describe("detectSummary", () => {
  const tool = { name: "scalesim", version: "0.1.0" };
  it("recognises run, compare and sweep summaries and nothing else", () => {
    expect(detectSummary({ tool, meta: {}, kpis: {}, series: {} })?.kind).toBe("run");
    expect(detectSummary({ tool, scenarios: [], differences: [] })?.kind).toBe("compare");
    expect(detectSummary({ tool, points: [], totalPoints: 4 })?.kind).toBe("sweep");
    expect(detectSummary({ tool: { name: "other" }, meta: {}, kpis: {}, series: {} })).toBeUndefined();
    expect(detectSummary([1, 2])).toBeUndefined();
    expect(detectSummary({ tool })).toBeUndefined();
  });
});
