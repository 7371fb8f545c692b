import { describe, expect, it } from "vitest";
import {
  excelSerialDateTime,
  formatHasTime,
  isDateFormat,
  workbookFormat,
} from "../../src/data/workbook-cells.js";
import { columnLetters, formatProblem } from "../../src/errors.js";

describe("Excel serial day numbers", () => {
  // Serials from Excel's documented anchors: 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01 (60 is the
  // 29 February 1900 that Excel counts and the calendar does not); 43466 = 2019-01-01 (days since
  // 1899-12-30, counted by hand: 119 years of 365 days + 29 leap days + 2 = 43466).
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [43466, "2019-01-01"],
    [43830, "2019-12-31"],
  ])("1900 system: %d is %s", (serial, date) => {
    expect(excelSerialDateTime(serial, false)).toBe(date);
  });

  it("1900 system: serial 60 (the phantom 1900-02-29) and 0 are no date", () => {
    expect(excelSerialDateTime(60, false)).toBeNull();
    expect(excelSerialDateTime(0, false)).toBeNull();
  });

  it("1904 system: 0 is 1904-01-01 and 2019-01-01 is 1462 days less than in the 1900 system", () => {
    expect(excelSerialDateTime(0, true)).toBe("1904-01-01");
    expect(excelSerialDateTime(43466 - 1462, true)).toBe("2019-01-01");
  });

  it("a time part gives hours and minutes (0.5 = 12:00, 13/24 = 13:00); a date-time format keeps 00:00", () => {
    expect(excelSerialDateTime(43466.5, false)).toBe("2019-01-01 12:00");
    expect(excelSerialDateTime(43466 + 13 / 24, false)).toBe("2019-01-01 13:00");
    expect(excelSerialDateTime(43467, false, true)).toBe("2019-01-02 00:00");
    // 23:59:59.9 rounds to the next day's midnight, not to "24:00".
    expect(excelSerialDateTime(43466 + 86_399.9 / 86_400, false)).toBe("2019-01-02");
  });
});

describe("number formats", () => {
  it.each(["yyyy-mm-dd", "yyyy/m/d", "m/d/yy", 'yyyy"年"m"月"d"日"', "[$-804]yyyy-mm-dd hh:mm"])(
    "%s is a date format",
    (format) => expect(isDateFormat(format)).toBe(true),
  );
  it.each(["General", "0.0", "#,##0.00", '0.0 "ug/m3"', "[Red]0.00", "@", "0.00E+00"])(
    "%s is not a date format",
    (format) => expect(isDateFormat(format)).toBe(false),
  );
  it("only a format with hours shows the time", () => {
    expect(formatHasTime("yyyy-mm-dd hh:mm")).toBe(true);
    expect(formatHasTime('yyyy"年"m"月"d"日"')).toBe(false);
  });
});

describe("workbook container", () => {
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]);
  const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const text = new TextEncoder().encode("日期,PM2.5\n");
  it("is told by the first bytes, whatever the name", () => {
    expect(workbookFormat("air.csv", zip)).toBe("xlsx");
    expect(workbookFormat("air.csv", ole)).toBe("xls");
    expect(workbookFormat("air.csv", text)).toBeUndefined();
  });
  it("an .xls that is text (an HTML table) still goes to the workbook parser", () => {
    expect(workbookFormat("air.xls", text)).toBe("xls");
  });
});

describe("positions in a worksheet", () => {
  it("columns are named as a spreadsheet names them", () => {
    expect([1, 3, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "C", "Z", "AA", "AZ", "AAA"]);
  });
  it("a problem prints as file:sheet!CELL, a sheet name with a space quoted", () => {
    const p = { file: "air.xlsx", line: 51, col: 3, code: "HY-NUMBER", message: "m" };
    expect(formatProblem({ ...p, sheet: "Sheet1" })).toBe("air.xlsx:Sheet1!C51  m  [HY-NUMBER]");
    expect(formatProblem({ ...p, sheet: "日报" })).toBe("air.xlsx:日报!C51  m  [HY-NUMBER]");
    expect(formatProblem({ ...p, sheet: "Air data" })).toBe("air.xlsx:'Air data'!C51  m  [HY-NUMBER]");
  });
});
