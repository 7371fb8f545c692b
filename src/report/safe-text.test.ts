// safeText: what a person is shown of a value from the data. Expected strings written by hand from the
// escaping rule (a control character as \xNN, \t \n \r by name, U+2028 and the bidi controls as \uNNNN).
import { describe, expect, it } from "vitest";
import { forPeople, safeLines, safeText } from "./safe-text.js";

describe("safeText", () => {
  it("keeps ordinary text, Chinese included, as it is", () => {
    expect(safeText("衡阳县 PM2.5 μg/m³")).toBe("衡阳县 PM2.5 μg/m³");
  });

  it("escapes a clear-screen sequence, a window title (OSC 0 ... BEL) and an OSC 8 hyperlink", () => {
    expect(safeText("\u001b[2J衡阳")).toBe("\\x1b[2J衡阳");
    expect(safeText("\u001b]0;pwned\u0007")).toBe("\\x1b]0;pwned\\x07");
    expect(safeText("\u001b]8;;http://x\u001b\\a\u001b]8;;\u001b\\")).toBe(
      "\\x1b]8;;http://x\\x1b\\a\\x1b]8;;\\x1b\\",
    );
  });

  it("escapes CR, LF, TAB, DEL, a C1 CSI (U+009B), NUL and a right-to-left override", () => {
    expect(safeText("a\rb\nc\td\u007fe\u009bf\u0000g\u202eh")).toBe(
      "a\\rb\\nc\\td\\x7fe\\x9bf\\x00g\\u202eh",
    );
  });

  it("cuts a 50 MB value to the first 500 characters and says its length", () => {
    const huge = "站".repeat(50 * 1024 * 1024);
    expect(safeText(huge)).toBe(`${"站".repeat(500)}… (52428800 characters)`);
  });

  it("counts a character outside the BMP once, and never cuts it in half", () => {
    expect(safeText("𠀀".repeat(4), 3)).toBe("𠀀𠀀𠀀… (4 characters)");
  });

  it("is idempotent: an escaped text is left as it is", () => {
    const once = safeText("\u001b[31mred");
    expect(safeText(once)).toBe(once);
  });
});

describe("safeLines and forPeople", () => {
  it("safeLines keeps the text's own line breaks and escapes the rest", () => {
    expect(safeLines("one\u001b[2J\ntwo\r")).toBe("one\\x1b[2J\ntwo\\r");
  });

  it("forPeople makes every string of a structure safe, leaving numbers, null and Sets", () => {
    const set = new Set(["\u001b"]);
    expect(forPeople({ a: "\u0007\n", b: [1, null, { c: "x\u001by" }], s: set })).toEqual({
      a: "\\x07\n",
      b: [1, null, { c: "x\\x1by" }],
      s: set,
    });
  });
});
