import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { MonthBook } from "../../../src/model/delivery/month-book.ts";

describe("month book", () => {
  it("keeps series in declaration order, zero until recorded", () => {
    const book = new MonthBook(3);
    book.series("portfolio", "backlog").set(1, 4);
    book.series("production", "value");
    expect(book.toRecord()).toEqual({ backlog: [0, 4, 0], value: [0, 0, 0] });
    expect(Object.keys(book.toRecord())).toEqual(["backlog", "value"]);
  });

  it("counts events into the month containing their day, and ignores days past the horizon", () => {
    const book = new MonthBook(2);
    const started = book.series("lifecycle", "started");
    for (const day of [0, DAYS_PER_MONTH - 1e-6, DAYS_PER_MONTH, 1.5 * DAYS_PER_MONTH, 2 * DAYS_PER_MONTH])
      started.countAt(day);
    expect(started.values).toEqual([2, 2]);
  });

  it("records an open set of series month by month, creating new names on first sight", () => {
    const book = new MonthBook(3);
    book.recordMonth("platform", 0, { clusterNodes: 2 });
    book.recordMonth("platform", 1, { clusterNodes: 3, servingPods: 5 });
    expect(book.toRecord()).toEqual({ clusterNodes: [2, 3, 0], servingPods: [0, 5, 0] });
    expect(book.values("servingPods")).toEqual([0, 5, 0]);
    expect(book.values("nothing")).toBeUndefined();
  });

  it("refuses a second owner of a name instead of dropping one of the two series", () => {
    const book = new MonthBook(2);
    book.series("portfolio", "backlog").set(0, 7);
    expect(() => book.recordMonth("platform", 0, { backlog: 1 })).toThrow(
      'monthly series "backlog" is recorded by both portfolio and platform; each series needs one owner',
    );
    expect(() => book.series("organisation", "backlog")).toThrow(/both portfolio and organisation/);
    expect(book.values("backlog")).toEqual([7, 0]);
  });
});
