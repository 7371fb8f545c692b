// openCsv: encodings, line numbers and the input errors, on small files written to a temp folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openCsv, type CsvRecord } from "../../src/data/csv.js";
import type { EncodingOption } from "../../src/data/encoding.js";
import { InputError, type InputProblem } from "../../src/errors.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hy-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function write(content: string | Uint8Array): string {
  const file = path.join(dir, `f${++counter}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(file: string, encoding?: EncodingOption) {
  const source = await openCsv(file, encoding);
  const records: CsvRecord[] = [];
  for await (const r of source.records) records.push(r);
  return { source, records };
}

async function problemsOf(work: Promise<unknown>): Promise<InputProblem[]> {
  try {
    await work;
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

// GBK bytes, worked out from the GBK code table: 日 C8D5 期 C6DA 站 D5BE 点 B5E3 市 CAD0 监 BCE0 测 B2E2.
const ASCII = (s: string) => [...s].map((c) => c.charCodeAt(0));
const GBK_FILE = Uint8Array.from([
  0xc8,
  0xd5,
  0xc6,
  0xda, // 日期
  ...ASCII(","),
  0xd5,
  0xbe,
  0xb5,
  0xe3, // 站点
  ...ASCII(",PM2.5\n2019-01-01,"),
  0xca,
  0xd0,
  0xbc,
  0xe0,
  0xb2,
  0xe2,
  0xd5,
  0xbe, // 市监测站
  ...ASCII(",35\n"),
]);

describe("openCsv: encodings", () => {
  it("UTF-8 with a BOM: the BOM is not part of the first header", async () => {
    const file = write(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from("日期,站点,PM2.5\n2019-01-01,市监测站,35\n"),
      ]),
    );
    const { source, records } = await readAll(file);
    expect(source.encoding).toBe("utf-8");
    expect(source.header).toEqual({ line: 1, fields: ["日期", "站点", "PM2.5"] });
    expect(source.header.fields[0]?.charCodeAt(0)).toBe(0x65e5); // 日, not U+FEFF
    expect(records).toEqual([{ line: 2, fields: ["2019-01-01", "市监测站", "35"] }]);
  });

  it("UTF-8 without a BOM", async () => {
    const file = write("日期,站点,PM2.5\n2019-01-01,市监测站,35\n");
    const { source, records } = await readAll(file);
    expect(source.encoding).toBe("utf-8");
    expect(source.header.fields).toEqual(["日期", "站点", "PM2.5"]);
    expect(records).toEqual([{ line: 2, fields: ["2019-01-01", "市监测站", "35"] }]);
  });

  it("GBK bytes are detected as gb18030 and decoded", async () => {
    const file = write(GBK_FILE);
    const { source, records } = await readAll(file);
    expect(source.encoding).toBe("gb18030");
    expect(source.header).toEqual({ line: 1, fields: ["日期", "站点", "PM2.5"] });
    expect(records).toEqual([{ line: 2, fields: ["2019-01-01", "市监测站", "35"] }]);
  });

  it.each<EncodingOption>(["gb18030", "gbk"])("GBK bytes decode with --encoding %s", async (encoding) => {
    const { source, records } = await readAll(write(GBK_FILE), encoding);
    expect(source.encoding).toBe(encoding);
    expect(source.header.fields).toEqual(["日期", "站点", "PM2.5"]);
    expect(records[0]?.fields[1]).toBe("市监测站");
  });

  it("--encoding utf-8 forced on a GBK file is HY-ENCODING", async () => {
    const file = write(GBK_FILE);
    const problems = await problemsOf(readAll(file, "utf-8"));
    expect(problems).toEqual([expect.objectContaining({ file, line: 1, code: "HY-ENCODING" })]);
    expect(problems[0]?.message).toContain("gb18030");
  });

  it("an ASCII-only file is UTF-8", async () => {
    const { source } = await readAll(write("date,station\n2019-01-01,A\n"));
    expect(source.encoding).toBe("utf-8");
  });
});

describe("openCsv: records and line numbers", () => {
  const LF = "date,station,PM2.5\n2019-01-01,A,35\n2019-01-02,B,40\n";
  const CRLF = LF.replace(/\n/g, "\r\n");
  const expected: CsvRecord[] = [
    { line: 2, fields: ["2019-01-01", "A", "35"] },
    { line: 3, fields: ["2019-01-02", "B", "40"] },
  ];

  it.each([
    ["LF", LF],
    ["CRLF", CRLF],
  ])("%s: header on line 1, data from line 2", async (_name, text) => {
    const { source, records } = await readAll(write(text));
    expect(source.header).toEqual({ line: 1, fields: ["date", "station", "PM2.5"] });
    expect(records).toEqual(expected);
  });

  it("without a final newline the last record is still read with its line", async () => {
    const { records } = await readAll(write("date,station\n2019-01-01,A\n2019-01-02,B"));
    expect(records).toEqual([
      { line: 2, fields: ["2019-01-01", "A"] },
      { line: 3, fields: ["2019-01-02", "B"] },
    ]);
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("%s: blank lines are skipped but the line numbers stay right", async (_name, nl) => {
    const text = ["date,station", "2019-01-01,A", "", "2019-01-02,B", "", "", "2019-01-03,C", ""].join(nl);
    const { source, records } = await readAll(write(text));
    expect(source.header.line).toBe(1);
    expect(records).toEqual([
      { line: 2, fields: ["2019-01-01", "A"] },
      { line: 4, fields: ["2019-01-02", "B"] },
      { line: 7, fields: ["2019-01-03", "C"] },
    ]);
  });

  it("blank lines before the header: the header keeps its real line", async () => {
    const { source, records } = await readAll(write("\n\ndate,station\n2019-01-01,A\n"));
    expect(source.header).toEqual({ line: 3, fields: ["date", "station"] });
    expect(records).toEqual([{ line: 4, fields: ["2019-01-01", "A"] }]);
  });

  it("fields are trimmed and quoted fields unquoted", async () => {
    const { records } = await readAll(write('date,station\n 2019-01-01 ,"市监测站, 东"\n'));
    expect(records).toEqual([{ line: 2, fields: ["2019-01-01", "市监测站, 东"] }]);
  });

  it("a record whose quoted field spans two lines carries the line where it starts", async () => {
    const { records } = await readAll(write('date,note\n2019-01-01,"a\nb"\n2019-01-02,c\n'));
    expect(records).toEqual([
      { line: 2, fields: ["2019-01-01", "a\nb"] },
      { line: 4, fields: ["2019-01-02", "c"] },
    ]);
  });

  it("rows of different lengths are kept as they are", async () => {
    const { records } = await readAll(write("a,b,c\n1,2\n1,2,3,4\n"));
    expect(records).toEqual([
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["1", "2", "3", "4"] },
    ]);
  });
});

describe("openCsv: input errors", () => {
  it("an empty file is HY-EMPTY", async () => {
    const file = write("");
    expect(await problemsOf(openCsv(file))).toEqual([expect.objectContaining({ file, code: "HY-EMPTY" })]);
  });

  it("a file of blank lines only is HY-EMPTY", async () => {
    const file = write("\n\r\n\n");
    expect(await problemsOf(openCsv(file))).toEqual([expect.objectContaining({ file, code: "HY-EMPTY" })]);
  });

  it("a missing file is HY-READ", async () => {
    const file = path.join(dir, "does-not-exist.csv");
    const problems = await problemsOf(openCsv(file));
    expect(problems).toEqual([expect.objectContaining({ file, code: "HY-READ" })]);
    expect(problems[0]?.message).toContain("no such file");
  });

  // An 8 MB file cut to 2 MB after the header is read: the stream ends early, and without the size check
  // the first 2 MB would be judged as the whole file.
  it("a file truncated while it is read is HY-READ, not a shorter file", async () => {
    const row = "2019-01-01,A,12\n";
    const file = write("date,station,PM2.5\n" + row.repeat(Math.ceil(8e6 / row.length)));
    const source = await openCsv(file);
    fs.truncateSync(file, 2e6);
    const problems = await problemsOf(
      (async () => {
        for await (const record of source.records) void record;
      })(),
    );
    expect(problems).toEqual([expect.objectContaining({ file, code: "HY-READ" })]);
    expect(problems[0]?.message).toMatch(/changed while it was read \(\d+ bytes when opened, \d+ read\)/);
  });

  it("a file deleted while it is read is still read in full from the open handle", async () => {
    const rows = 200_000;
    const file = write("date,station,PM2.5\n" + "2019-01-01,A,12\n".repeat(rows));
    const source = await openCsv(file);
    fs.unlinkSync(file);
    let n = 0;
    for await (const record of source.records) if (record.fields.length === 3) n++;
    expect(n).toBe(rows);
  });

  // fsReason has words for EISDIR ("it is a folder, not a file"), so a folder is meant to be HY-READ.
  it("a folder is HY-READ", async () => {
    const problems = await problemsOf(readAll(dir));
    expect(problems).toEqual([expect.objectContaining({ file: dir, code: "HY-READ" })]);
  });

  // The quote opens on line 3 of this 4-line file and is never closed.
  const UNCLOSED = 'date,station\n2019-01-01,A\n2019-01-02,"B\n2019-01-03,C\n';

  it("an unbalanced quote is HY-CSV with a line number", async () => {
    const file = write(UNCLOSED);
    const problems = await problemsOf(readAll(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, code: "HY-CSV" });
    expect(problems[0]?.line).toEqual(expect.any(Number));
  });

  it("an unbalanced quote is reported on the line where the quote opens", async () => {
    const problems = await problemsOf(readAll(write(UNCLOSED)));
    expect(problems).toEqual([expect.objectContaining({ line: 3, code: "HY-CSV" })]);
  });

  it("a quote inside an unquoted field is HY-CSV with its line", async () => {
    const file = write('date,station\n2019-01-01,A\n2019-01-02,B"x\n2019-01-03,C\n');
    const problems = await problemsOf(readAll(file));
    expect(problems).toEqual([expect.objectContaining({ file, line: 3, code: "HY-CSV" })]);
  });

  it("an unbalanced quote in the header fails openCsv itself", async () => {
    const file = write('"date,station\n2019-01-01,A\n');
    const problems = await problemsOf(openCsv(file));
    expect(problems).toEqual([expect.objectContaining({ file, code: "HY-CSV" })]);
  });

  it("an unbalanced quote in the header is reported on line 1", async () => {
    const problems = await problemsOf(openCsv(write('"date,station\n2019-01-01,A\n')));
    expect(problems).toEqual([expect.objectContaining({ line: 1, code: "HY-CSV" })]);
  });
});
