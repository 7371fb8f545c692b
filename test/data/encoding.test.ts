// LineDecoder: where a decoding problem is (line and character column), whatever the chunks the bytes come in.
import { describe, expect, it } from "vitest";
import { LineDecoder, unreadableEncoding, type TextEncodingName } from "../../src/data/encoding.js";
import { InputError, type InputProblem } from "../../src/errors.js";

const utf8 = (s: string) => Buffer.from(s, "utf8");
// 衡 BA E2, 阳 D1 F4, 县 CF D8, 日 C8 D5, 期 C6 DA in GBK (GB 2312 code table).
const GBK_衡阳县 = Buffer.from([0xba, 0xe2, 0xd1, 0xf4, 0xcf, 0xd8]);
const GBK_日期 = Buffer.from([0xc8, 0xd5, 0xc6, 0xda]);

/** The problem decoding `bytes` cut into two chunks at `cut` (or none), or undefined when they decode. */
function problemAt(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  cut: number,
  detected = true,
): InputProblem | undefined {
  const decoder = new LineDecoder("f.csv", encoding, 1, detected);
  try {
    decoder.push(bytes.subarray(0, cut));
    decoder.push(bytes.subarray(cut));
    decoder.end();
    return undefined;
  } catch (e) {
    if (e instanceof InputError) return e.problems[0];
    throw e;
  }
}

function expectAtEveryCut(bytes: Uint8Array, encoding: TextEncodingName, line: number, col: number) {
  for (let cut = 0; cut <= bytes.length; cut++)
    expect(problemAt(bytes, encoding, cut), `cut at byte ${cut}`).toMatchObject({
      line,
      col,
      code: "HY-ENCODING",
    });
}

describe("LineDecoder positions (issue 18 item 5)", () => {
  it("a GBK file with a UTF-8 line: line 3, column 6 (after `2019,`), however the bytes are cut", () => {
    const bytes = Buffer.concat([
      GBK_日期,
      utf8(",x\n2019,"),
      GBK_衡阳县,
      utf8("\n2019,常宁\n2020,"),
      GBK_衡阳县,
      utf8("\n"),
    ]);
    expectAtEveryCut(bytes, "gb18030", 3, 6);
    expect(problemAt(bytes, "gb18030", 0)?.message).toMatch(/mixes encodings/);
  });

  it("the same bytes read as GB18030 by choice (--encoding) are not stopped", () => {
    const bytes = Buffer.concat([GBK_日期, utf8(",x\n2019,常宁\n")]);
    expect(problemAt(bytes, "gb18030", 5, false)).toBeUndefined();
  });

  it("a UTF-8 line that ends the file without a line end is found too", () => {
    const bytes = Buffer.concat([GBK_日期, utf8(",x\nab,常宁")]);
    expectAtEveryCut(bytes, "gb18030", 2, 4);
  });

  it("GBK bytes in a UTF-8 file: the column counts characters, a 4-byte one (😀) once", () => {
    const bytes = Buffer.concat([utf8("日期,x\n😀衡,"), GBK_衡阳县, utf8("\n")]);
    expectAtEveryCut(bytes, "utf-8", 2, 4);
  });

  it("a UTF-8 character cut short at the end of the file: its column", () => {
    const whole = utf8("日期,x\n2019,衡");
    expectAtEveryCut(whole.subarray(0, whole.length - 1), "utf-8", 2, 6);
  });

  it("a UTF-8 BOM is not counted as a column", () => {
    const bytes = Buffer.concat([utf8("\ufeffab,"), GBK_衡阳县]);
    expect(problemAt(bytes, "utf-8", bytes.length)).toMatchObject({ line: 1, col: 4 });
  });
});

describe("unreadableEncoding", () => {
  it("names UTF-16 by its BOM or its NUL bytes; NULs alone or plain text are not UTF-16", () => {
    expect(unreadableEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toMatch(/FF FE/);
    expect(unreadableEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toMatch(/FE FF/);
    expect(unreadableEncoding(Buffer.from("date,PM2.5\n", "utf16le"))).toMatch(/UTF-16/);
    expect(unreadableEncoding(new Uint8Array(1000))).toBeUndefined();
    expect(unreadableEncoding(utf8("日期,PM2.5\n"))).toBeUndefined();
  });
});
