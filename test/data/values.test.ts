// Cell values and dates; expected results follow the rules in the module's doc comments
// (missing markers are never zero, dates are real calendar days).
import { describe, expect, it } from "vitest";
import {
  daysBetween,
  daysInMonth,
  isLeapYear,
  parseCellNumber,
  parseDate,
  type CellNumber,
} from "../../src/data/values.js";

describe("parseCellNumber", () => {
  it.each<[string, number]>([
    ["12", 12],
    ["0", 0],
    ["0.0", 0],
    ["42.5", 42.5],
    [" 35 ", 35],
    ["+7", 7],
    ["-3", -3],
    [".5", 0.5],
    ["1e3", 1000],
    ["４２", 42],
    ["４２．５", 42.5],
  ])("%j is the number %d", (raw, value) => {
    expect(parseCellNumber(raw)).toEqual<CellNumber>({ kind: "number", value });
  });

  it("0 is a number, not missing", () => {
    const cell = parseCellNumber("0");
    expect(cell.kind).toBe("number");
    expect(cell.kind === "number" && Object.is(cell.value, 0)).toBe(true);
  });

  it.each(["", " ", "-", "--", "—", "——", "NA", "na", "NaN", "nan", "n/a", "N/A", "null", "/"])(
    "%j is missing",
    (raw) => {
      expect(parseCellNumber(raw)).toEqual<CellNumber>({ kind: "missing" });
    },
  );

  it.each(["abc", "1,2", "Infinity", "-Infinity", "12abc", "1.2.3", "0x10", "1e400", "12 34", "e5"])(
    "%j is invalid",
    (raw) => {
      expect(parseCellNumber(raw)).toEqual<CellNumber>({ kind: "invalid" });
    },
  );
});

describe("parseDate", () => {
  it.each<[string, string]>([
    ["2019-01-01", "2019-01-01"],
    ["2019/1/1", "2019-01-01"],
    ["2019.1.1", "2019-01-01"],
    ["2019年1月1日", "2019-01-01"],
    ["2019年12月31日", "2019-12-31"],
    ["20190101", "2019-01-01"],
    ["2019-01-01 00:00", "2019-01-01"],
    ["2019-01-01 00:00:00", "2019-01-01"],
    ["2019-01-01T00:00:00", "2019-01-01"],
    [" 2019-3-7 ", "2019-03-07"],
    ["２０１９－０１－０１", "2019-01-01"],
    ["2020-02-29", "2020-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2019-04-30", "2019-04-30"],
  ])("%j -> %s", (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    "2019-02-29",
    "1900-02-29",
    "2019-13-01",
    "2019-00-10",
    "2019-04-31",
    "2019-01-00",
    "2019-01-32",
    "合计",
    "平均",
    "",
    "2019-01",
    "19-01-01",
    "2019-01-01 12:00",
    "20191301",
  ])("%j is not a date", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe("calendar helpers", () => {
  it.each<[number, boolean]>([
    [2019, false],
    [2020, true],
    [1900, false],
    [2000, true],
    [2100, false],
  ])("isLeapYear(%d) is %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each<[number, number, number]>([
    [2019, 2, 28],
    [2020, 2, 29],
    [2019, 1, 31],
    [2019, 4, 30],
    [2019, 12, 31],
    [2019, 13, 0],
  ])("daysInMonth(%d, %d) is %d", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe("daysBetween (inclusive)", () => {
  it.each<[string, string, number]>([
    ["2019-01-01", "2019-01-01", 1],
    ["2019-01-01", "2019-01-02", 2],
    ["2019-01-01", "2019-12-31", 365],
    ["2020-01-01", "2020-12-31", 366],
    ["2019-02-28", "2019-03-01", 2],
    ["2020-02-28", "2020-03-01", 3],
    ["2019-01-01", "2019-01-31", 31],
    ["2019-03-30", "2019-04-01", 3], // the end of March: whole days, no daylight-saving hour
  ])("%s .. %s is %d days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
