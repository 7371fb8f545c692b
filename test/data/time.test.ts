import { describe, expect, it } from "vitest";
import { naturalHour, parseDateTime, slotLabel } from "../../src/data/time.js";

describe("parseDateTime", () => {
  it.each([
    ["2019-01-01 13:00", "2019-01-01", 13],
    ["2019/1/1 1:00:00", "2019-01-01", 1],
    ["2019-01-01T13:00:00+08:00", "2019-01-01", 13],
    ["2019-01-01T13:00+0800", "2019-01-01", 13],
    ["2019年1月1日 13时", "2019-01-01", 13],
    ["2019-01-01 24:00", "2019-01-01", 24],
    ["2019-01-01 00:00", "2019-01-01", 0],
  ])("%s is %s hour %i", (text, date, hour) => {
    expect(parseDateTime(text)).toEqual({ date, hour });
  });

  it.each([
    "2019-01-01",
    "2019-01-01 13:30",
    "2019-01-01 25:00",
    "2019-02-30 01:00",
    "2019-01-01T05:00:00Z",
    "合计",
  ])("%s is not an hour label", (text) => {
    expect(parseDateTime(text)).toBeNull();
  });
});

describe("naturalHour: which day and slot an hour label belongs to", () => {
  it("hour-ending: 01:00 is slot 0 of the same day, 00:00 is slot 23 of the day before", () => {
    expect(naturalHour({ date: "2019-01-02", hour: 1 }, "ending")).toEqual({ date: "2019-01-02", slot: 0 });
    expect(naturalHour({ date: "2019-01-02", hour: 0 }, "ending")).toEqual({ date: "2019-01-01", slot: 23 });
    expect(naturalHour({ date: "2019-01-01", hour: 24 }, "ending")).toEqual({ date: "2019-01-01", slot: 23 });
    expect(naturalHour({ date: "2019-03-01", hour: 0 }, "ending")).toEqual({ date: "2019-02-28", slot: 23 });
    expect(naturalHour({ date: "2019-01-01", hour: 0 }, "ending")).toEqual({ date: "2018-12-31", slot: 23 });
  });

  it("hour-beginning: label h is slot h of the same day, 24:00 does not exist", () => {
    expect(naturalHour({ date: "2019-01-02", hour: 0 }, "beginning")).toEqual({
      date: "2019-01-02",
      slot: 0,
    });
    expect(naturalHour({ date: "2019-01-02", hour: 23 }, "beginning")).toEqual({
      date: "2019-01-02",
      slot: 23,
    });
    expect(naturalHour({ date: "2019-01-02", hour: 24 }, "beginning")).toBeNull();
  });

  it("slotLabel inverts naturalHour (24:00 comes back as 00:00 of the next day)", () => {
    expect(slotLabel("2019-12-31", 23, "ending")).toEqual({ date: "2020-01-01", hour: 0 });
    expect(slotLabel("2019-12-31", 0, "ending")).toEqual({ date: "2019-12-31", hour: 1 });
    expect(slotLabel("2019-12-31", 23, "beginning")).toEqual({ date: "2019-12-31", hour: 23 });
  });
});
