// The table's width: where it comes from, and text measured and wrapped in display columns.
import { describe, expect, it } from "vitest";
import { displayWidth, fitColumns, terminalWidth, wrapText } from "../../src/report/width.js";

describe("terminalWidth", () => {
  it("is the terminal's columns when stdout is a terminal", () => {
    expect(terminalWidth({ isTTY: true, columns: 132, env: { COLUMNS: "90" } })).toBe(132);
  });

  it("is COLUMNS when piped, else 100", () => {
    expect(terminalWidth({ isTTY: false, env: { COLUMNS: "90" } })).toBe(90);
    expect(terminalWidth({ env: {} })).toBe(100);
    expect(terminalWidth({ env: { COLUMNS: "wide" } })).toBe(100);
    expect(terminalWidth({ env: { COLUMNS: "0" } })).toBe(100);
    // A terminal that does not say its size falls back the same way.
    expect(terminalWidth({ isTTY: true, env: { COLUMNS: "70" } })).toBe(70);
  });
});

describe("displayWidth and wrapText", () => {
  it("counts a CJK character as two columns and escape codes as none", () => {
    expect(displayWidth("衡阳市")).toBe(6);
    expect(displayWidth("PM2.5 年均")).toBe(10);
    expect(displayWidth("\u001b[31m达标\u001b[39m")).toBe(4);
    expect(displayWidth("（参考）")).toBe(8);
  });

  it("breaks ids after dots and underscores, CJK between characters, never inside a number", () => {
    expect(wrapText("air.urban.good_rate", 10)).toEqual(["air.urban.", "good_rate"]);
    expect(wrapText("市城区环境空气质量优良率", 8)).toEqual(["市城区环", "境空气质", "量优良率"]);
    expect(wrapText("rate 84.0% of days", 6)).toEqual(["rate", "84.0%", "of", "days"]);
    expect(wrapText("Institutional, vertical-management", 14)).toEqual([
      "Institutional,",
      "vertical-",
      "management",
    ]);
  });

  it("cuts a word wider than the width, and keeps a short text whole", () => {
    expect(wrapText("abcdefgh", 3)).toEqual(["abc", "def", "gh"]);
    expect(wrapText("达标", 4)).toEqual(["达标"]);
  });

  it("indents the lines after the first as the first is indented", () => {
    expect(wrapText("  a.csv:3:2 not a number", 12)).toEqual(["  a.csv:3:2", "  not a", "  number"]);
  });
});

describe("fitColumns", () => {
  // Three columns of 20, 10 and 10 with one column of padding and one of border: 20+10+10 + 3 + 4 = 47.
  const base = { natural: [20, 10, 10], padding: 1, border: 1 };

  it("keeps every column at its natural width when they fit", () => {
    expect(fitColumns({ ...base, minimum: [5, 10, 10], dropOrder: [2], width: 47 })).toEqual({
      kept: [0, 1, 2],
      widths: [20, 10, 10],
    });
  });

  it("narrows the column with the most room first, then drops the least important", () => {
    // 7 over: the first column (room 15) gives 7.
    expect(fitColumns({ ...base, minimum: [5, 10, 10], dropOrder: [2], width: 40 })).toEqual({
      kept: [0, 1, 2],
      widths: [13, 10, 10],
    });
    // At minimum the three need 5+10+10 + 3 + 4 = 32 > 30: column 2 goes; 20+10 + 2 + 3 = 35, 5 over.
    expect(fitColumns({ ...base, minimum: [5, 10, 10], dropOrder: [2], width: 30 })).toEqual({
      kept: [0, 1],
      widths: [15, 10],
    });
  });

  it("narrows the shrink-last column only when the others are at their minimum", () => {
    const fit = fitColumns({ ...base, minimum: [5, 4, 10], dropOrder: [], shrinkLast: [0], width: 40 });
    // 7 over: column 1 gives its 6 of room first, then column 0 gives 1.
    expect(fit).toEqual({ kept: [0, 1, 2], widths: [19, 4, 10] });
  });
});
