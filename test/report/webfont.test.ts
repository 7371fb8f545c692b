// The report's embedded CJK font: which pieces of Noto Sans SC a text needs, and the @font-face rules that
// carry just those glyphs. Code points worked out by hand from the Unicode charts (年 U+5E74, 度 U+5EA6).
import { describe, expect, it } from "vitest";
import {
  embeddedFontCss,
  parseUnicodeRange,
  piecesFor,
  unicodeRange,
  usedCodePoints,
} from "../../src/report/webfont.js";

describe("the report's embedded font", () => {
  it("reads a CSS unicode-range into inclusive ranges", () => {
    expect(parseUnicodeRange("U+4e00-4e0f,U+4e11")).toEqual([
      [0x4e00, 0x4e0f],
      [0x4e11, 0x4e11],
    ]);
  });

  it("writes code points as a unicode-range, consecutive runs joined", () => {
    expect(unicodeRange([0x5ea6, 0x4e00, 0x4e01, 0x4e02, 0x5e74])).toBe("U+4e00-4e02,U+5e74,U+5ea6");
  });

  it("takes the CJK characters of a text once each, and nothing of ASCII or Western punctuation", () => {
    expect(usedCodePoints("2019年 PM2.5 年度 “x” — ·")).toEqual([0x5e74, 0x5ea6]);
  });

  it("gives each used character to the first piece whose range holds it", () => {
    const pieces = { "[1]": "U+5e00-5eff", "[2]": "U+5e74,U+6000", latin: "U+0000-00ff" };
    expect(piecesFor(pieces, [0x5e74, 0x6000, 0x41])).toEqual([
      { piece: "1", codePoints: [0x5e74] },
      { piece: "2", codePoints: [0x6000] },
      { piece: "latin", codePoints: [0x41] },
    ]);
  });

  it("embeds nothing for a text without Chinese", async () => {
    expect(await embeddedFontCss("PM2.5 annual mean: 43 ug/m3")).toBe("");
  });

  it("embeds the glyphs of 年 and 度 as WOFF data, the ranges covering exactly those two", async () => {
    const css = await embeddedFontCss("<h1>年度</h1>");
    const ranges = [...css.matchAll(/unicode-range: ([^;]+);/g)].map((m) => m[1]);
    expect(ranges.flatMap((r) => parseUnicodeRange(r!)).sort()).toEqual([
      [0x5e74, 0x5e74],
      [0x5ea6, 0x5ea6],
    ]);
    const data = [...css.matchAll(/base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1]!, "base64"));
    expect(data.length).toBe(ranges.length);
    // WOFF files start with the signature `wOFF`; a two-glyph subset is a few kilobytes, not a whole piece.
    for (const font of data) {
      expect(font.subarray(0, 4).toString("latin1")).toBe("wOFF");
      expect(font.length).toBeLessThan(8000);
    }
  });
});
