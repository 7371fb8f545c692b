// The corpus of bad inputs (issue 7): every file in test/corpus/ (and the few large ones generated here into
// a temp folder, so they are not committed) is run through the CLI in-process (runMain: main() of
// src/program.ts, which the bin only wraps; the pipe cases below run the built bin itself, and
// test/bin.test.ts its exit codes and stack-trace-free failures). CASES below is the one table of them:
// the file, what it is, and what a careful analyst expects hy-check to do with it:
// - "read": the file is read; its rows, rejected rows (each with line, col and code), dates and the
//   values hy-check computes from it (衡阳县's means come from the county targets, 市城区's from the urban
//   ones), and the exit code (2 when rows were rejected, since --max-rejected defaults to 0);
// - "error": the run stops with exit code 2, the code (HY-...) and, where it applies, file:line:col.
// Every case also checks that nothing crashes: no exit code 3, no stack trace ("    at ") and no message
// line longer than MAX_MESSAGE_LINE on stderr.
//
// A case with `bug` is one where hy-check does something else today: the test asserts the expected
// behaviour, so it fails until src/ is fixed; `bug` says what happens instead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { loadTargetFile } from "../src/targets/load.js";
import { parseTargetFile } from "../src/targets/parse.js";
import { BIN, ROOT, type CliRun } from "./helpers/run-cli.js";
import { runMain } from "./helpers/run-main.js";

const CORPUS = "test/corpus";
/** A clean daily file the target-file cases run against. */
const VALID_DATA = `${CORPUS}/valid-daily.csv`;
/** Longest stderr line accepted: a message may quote a cell, not a megabyte of it. */
const MAX_MESSAGE_LINE = 1000;
const HEADER = "日期,区域,PM2.5,PM10,SO2,NO2,CO,O3_8h";
const DAY_ROW = (date: string) => `${date},衡阳县,35,50,10,20,0.8,60`;

interface Rejected {
  line: number;
  col: number;
  code: string;
  /** In a workbook: the cell as stderr names it after the file, e.g. `数据!C5` (worked out by hand). */
  cell?: string;
}

/** Values hy-check computes for an area from the file: annual means as reported, and valid days. */
interface AreaValues {
  area: "衡阳县" | "市城区";
  pm25?: number | null;
  pm10?: number | null;
  validDays?: number;
}

interface ReadOutcome {
  outcome: "read";
  kind: "air-daily" | "air-hourly";
  rows: number;
  rejected: Rejected[];
  unassignedRows?: number;
  /** Totals and notes rows skipped (not counted in rows). */
  summaryRows?: number;
  /** Rows repeating an earlier row cell for cell (read once, not counted in rows again). */
  repeatedRows?: number;
  /** A workbook input: the sheet read and the format in `encoding`. */
  sheet?: string;
  encoding?: string;
  from: string | null;
  to: string | null;
  values?: AreaValues;
}

interface ErrorOutcome {
  outcome: "error";
  code: string;
  line?: number;
  col?: number;
  /** Something the message must say. */
  message?: RegExp;
  /** The run must end within this many seconds (hostile inputs are refused quickly). */
  maxSeconds?: number;
  /** The position as printed after the path, instead of `:line:col` (a workbook cell, a file in a folder). */
  at?: string;
}

interface CorpusCase {
  /** A file of test/corpus/, or (with `generate`) the name of a file written into the temp folder. */
  file: string;
  what: string;
  generate?: () => string | Uint8Array;
  /** The file is a target file: `hy-check test/corpus/valid-daily.csv -t <file>`. */
  targets?: true;
  /** Options added to the command line (`--sheet 2`, `-t targets/gb3095-2012-class2.yaml`). */
  args?: string[];
  expect: ReadOutcome | ErrorOutcome;
  /** What hy-check does today instead (a bug in src/: the case fails until it is fixed). */
  bug?: string;
}

const lines = (...ls: string[]) => `${ls.join("\n")}\n`;

/** 2936 valid days' rows (more than the 64 KiB encoding sample), then one line with 衡阳县 in GBK bytes. */
function lateGbkLine(): Uint8Array {
  const rows = [HEADER];
  for (let d = 0; d < 2936; d++) {
    const month = String(1 + (Math.floor(d / 28) % 12)).padStart(2, "0");
    rows.push(DAY_ROW(`2019-${month}-${String(1 + (d % 28)).padStart(2, "0")}`));
  }
  const head = Buffer.from(lines(...rows), "utf8");
  // 衡 BA E2, 阳 D1 F4, 县 CF D8 in GBK.
  const gbk = Buffer.from([0xba, 0xe2, 0xd1, 0xf4, 0xcf, 0xd8]);
  return Buffer.concat([head, Buffer.from("2019-12-30,"), gbk, Buffer.from(",35,50,10,20,0.8,60\n")]);
}

/** valid-daily.csv as read under any target file that reads it (the values depend on the targets). */
const VALID_DAILY_READ: ReadOutcome = {
  outcome: "read",
  kind: "air-daily",
  rows: 3,
  rejected: [],
  from: "2019-01-01",
  to: "2019-01-03",
};

/** The one fix every encoding message ends with (README, issue 18 item 5). */
const ENCODING_FIX = /save the whole file as UTF-8 \(or GB18030\)/;

/** UTF-16BE bytes of a text (Node writes only little-endian: each code unit's bytes swapped). */
function utf16be(text: string): Uint8Array {
  const bytes = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const low = bytes[i] ?? 0;
    bytes[i] = bytes[i + 1] ?? 0;
    bytes[i + 1] = low;
  }
  return bytes;
}

const MB = 1024 * 1024;

type SheetCell = string | number | null | { t: "n"; v: number; z: string };
interface SheetSpec {
  name: string;
  rows: SheetCell[][];
  /** Merged ranges as Excel writes them, e.g. "A1:H1". */
  merges?: string[];
}

/** A workbook written by the parser's own writer (the reader under test is hy-check's use of it). */
function workbook(sheets: SheetSpec[], bookType: "xlsx" | "biff8" = "xlsx", date1904 = false): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const { name, rows, merges } of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    if (merges) sheet["!merges"] = merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  if (date1904) book.Workbook = { WBProps: { date1904: true } };
  return XLSX.write(book, { type: "buffer", bookType }) as Uint8Array;
}

const WB_HEADER = HEADER.split(",");
/** A day's row of 衡阳县 with PM2.5 and PM10 given; the other pollutants as in DAY_ROW. */
const wbRow = (date: SheetCell, pm25: SheetCell, pm10: SheetCell): SheetCell[] => [
  date,
  "衡阳县",
  pm25,
  pm10,
  10,
  20,
  0.8,
  60,
];
/** A date cell as Excel stores one: the serial day number, formatted as a date. 43466 = 2019-01-01. */
const serial = (v: number, z = "yyyy-mm-dd"): SheetCell => ({ t: "n", v, z });
const NOTES_SHEET: SheetSpec = { name: "说明", rows: [["说明"], ["数据见第二个工作表"]] };

/** Three days of 衡阳县 (PM2.5 35, 45, 25; PM10 50, 70, 40) all read: means 35 and 53.3 -> 53. */
const ALL_THREE_DAYS = {
  from: "2019-01-01",
  to: "2019-01-03",
  values: { area: "衡阳县", pm25: 35, pm10: 53, validDays: 3 },
} as const;
/** The same three days with the second rejected: (35 + 25) / 2 = 30, (50 + 40) / 2 = 45. */
const DAY_2_REJECTED = {
  from: "2019-01-01",
  to: "2019-01-03",
  values: { area: "衡阳县", pm25: 30, pm10: 45, validDays: 2 },
} as const;

/**
 * The minimal target file with 120 targets that share one `&src` quote and one `&scope` (119 x 2 = 238
 * aliases): a real file's use of anchors, which expands to a few thousand values.
 */
function sharedAnchors(): string {
  const base = readFileSync(join(ROOT, CORPUS, "minimal-targets.yaml"), "utf8");
  // Written into the temp folder: the plan text is named by its absolute path.
  const head = base.slice(0, base.indexOf("targets:")).replace("../../seeds/", `${join(ROOT, "seeds")}/`);
  const targets = Array.from({ length: 120 }, (_, i) =>
    [
      `  - id: air.hengyang_county.pm25_${i}`,
      "    title: { zh: 衡阳县PM2.5年平均浓度, en: Hengyang County PM2.5 annual mean }",
      i === 0
        ? "    source: &src { clause: 二(一), text: PM2.5、PM10年平均浓度下降至41ug/m3、64ug/m3以下 }"
        : "    source: *src",
      "    metric: { name: air.annual_mean, pollutant: PM2.5 }",
      i === 0 ? "    scope: &scope { area: 衡阳县 }" : "    scope: *scope",
      '    op: "<="',
      "    value: 41",
      "    unit: ug/m3",
    ].join("\n"),
  );
  return `${head}targets:\n${targets.join("\n")}\n`;
}

const CASES: CorpusCase[] = [
  {
    file: "valid-daily.csv",
    what: "control: a clean daily export (3 days of 衡阳县)",
    expect: { ...VALID_DAILY_READ, values: { area: "衡阳县", pm25: 35, pm10: 53, validDays: 3 } },
  },
  {
    file: "truncated-row.csv",
    what: "a truncated row (4 of 8 fields)",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [{ line: 3, col: 5, code: "HY-FIELDS" }],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 30, pm10: 45, validDays: 2 },
    },
  },
  {
    file: "extra-column.csv",
    what: "a row with an extra field (9 of 8)",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [{ line: 3, col: 9, code: "HY-FIELDS" }],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 30, pm10: 45, validDays: 2 },
    },
  },
  {
    file: "unbalanced-quote.csv",
    what: "a quote that opens a cell on line 3 and is never closed",
    expect: { outcome: "error", code: "HY-CSV", line: 3, col: 2, message: /quote/ },
  },
  {
    file: "stray-quote.csv",
    what: 'a quote in the middle of a cell (衡阳"县, field 2 of line 3)',
    expect: { outcome: "error", code: "HY-CSV", line: 3, col: 2, message: /quote/i },
  },
  {
    file: "mixed-encoding.csv",
    what: "a UTF-8 file with one GBK line (line 4: 衡阳县 in GBK bytes after the 11 characters of `2019-01-03,`)",
    expect: { outcome: "error", code: "HY-ENCODING", line: 4, col: 12, message: ENCODING_FIX },
  },
  {
    file: "late-gbk-line.csv",
    what: "generated: a UTF-8 file of 2937 lines (> 64 KiB) whose line 2938 is in GBK (after `2019-12-30,`)",
    generate: lateGbkLine,
    expect: { outcome: "error", code: "HY-ENCODING", line: 2938, col: 12, message: ENCODING_FIX },
  },
  {
    file: "gb18030-utf8-line.csv",
    what: "a GBK file whose line 4 is UTF-8 (常宁 after `2019-01-03,`; as GB18030 it would read 甯稿畞)",
    expect: {
      outcome: "error",
      code: "HY-ENCODING",
      line: 4,
      col: 12,
      message: /mixes encodings; save the whole file as UTF-8 \(or GB18030\)/,
    },
  },
  {
    file: "gb18030-utf8-line.csv",
    what: "the same file with --encoding gb18030: read as the user says, the UTF-8 line's area unassigned",
    args: ["--encoding", "gb18030"],
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      unassignedRows: 1,
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 40, pm10: 60, validDays: 2 },
    },
  },
  {
    file: "hourly-gbk-line.csv",
    what: "an hourly UTF-8 file whose line 6 has 衡阳市 in GBK after `1001A,` (the fast reader hands it over)",
    expect: { outcome: "error", code: "HY-ENCODING", line: 6, col: 7, message: ENCODING_FIX },
  },
  {
    file: "windows-1252.csv",
    what: "a Windows-1252 file: Sé (E9 then a comma, not GB18030) after `2019-01-01,S` on line 2",
    expect: { outcome: "error", code: "HY-ENCODING", line: 2, col: 13, message: ENCODING_FIX },
  },
  {
    file: "utf16le-bom.csv",
    what: "generated: the valid daily file saved as UTF-16LE with its BOM (FF FE)",
    generate: () => Buffer.from(`\ufeff${readFileSync(join(ROOT, VALID_DATA), "utf8")}`, "utf16le"),
    expect: { outcome: "error", code: "HY-ENCODING", line: 1, col: 1, message: /UTF-16.*FF FE/ },
  },
  {
    file: "utf16le-no-bom.csv",
    what: "generated: the valid daily file saved as UTF-16LE without a BOM (every other byte NUL)",
    generate: () => Buffer.from(readFileSync(join(ROOT, VALID_DATA), "utf8"), "utf16le"),
    expect: { outcome: "error", code: "HY-ENCODING", line: 1, col: 1, message: ENCODING_FIX },
  },
  {
    file: "utf16be-bom.yaml",
    what: "generated target file: minimal-targets.yaml as UTF-16BE with its BOM (FE FF)",
    targets: true,
    generate: () => utf16be(`\ufeff${readFileSync(join(ROOT, CORPUS, "minimal-targets.yaml"), "utf8")}`),
    expect: { outcome: "error", code: "HY-ENCODING", line: 1, col: 1, message: /UTF-16.*FE FF/ },
  },
  {
    file: "gbk-targets.yaml",
    what: "target file: minimal-targets.yaml saved as GBK, read as the UTF-8 one is (its quote found in the plan)",
    targets: true,
    expect: VALID_DAILY_READ,
  },
  {
    file: "bom-middle.csv",
    what: "two UTF-8 exports with BOM concatenated: a BOM and a repeated header on line 4",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 5,
      rejected: [{ line: 4, col: 1, code: "HY-DATE" }],
      from: "2019-01-01",
      to: "2019-01-04",
      values: { area: "衡阳县", pm25: 32, pm10: 50, validDays: 4 },
    },
  },
  ...(["lf", "crlf", "cr"] as const).map((ends): CorpusCase => ({
    file: `line-ends-${ends}.csv`,
    what: `${ends.toUpperCase()} line ends, a negative PM2.5 on line 4 (the line must be counted right)`,
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 4,
      rejected: [{ line: 4, col: 3, code: "HY-RANGE" }],
      from: "2019-01-01",
      to: "2019-01-04",
      values: { area: "衡阳县", pm25: 35, pm10: 53, validDays: 3 },
    },
  })),
  {
    file: "empty.csv",
    what: "an empty file (0 bytes)",
    expect: { outcome: "error", code: "HY-EMPTY", line: 1 },
  },
  {
    file: "bom-only.csv",
    what: "a file holding only a UTF-8 BOM",
    expect: { outcome: "error", code: "HY-EMPTY", line: 1 },
  },
  {
    file: "header-only.csv",
    what: "a header and no data rows: stops, no data rows",
    expect: { outcome: "error", code: "HY-EMPTY", message: /no data rows/ },
  },
  {
    file: "duplicate-header.csv",
    what: "two columns meaning PM2.5 (PM2.5 and 细颗粒物, column 9)",
    expect: { outcome: "error", code: "HY-COLUMN", line: 1, col: 9, message: /PM2\.5/ },
  },
  {
    file: "totals-row.csv",
    what: "a totals row (合计) and a means row (平均) in the date column: skipped, not rejected",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      summaryRows: 2,
      rejected: [],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 35, pm10: 53, validDays: 3 },
    },
  },
  {
    file: "fullwidth-digits.csv",
    what: "full-width digits, point and hyphen (２０１９－０１－０１, ０．８)",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 35, pm10: 53, validDays: 3 },
    },
  },
  {
    file: "fullwidth-comma.csv",
    what: "a row separated by full-width commas (，): one field, not guessed",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [{ line: 3, col: 2, code: "HY-FIELDS" }],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 30, pm10: 45, validDays: 2 },
    },
  },
  {
    file: "thousands-separator.csv",
    what: 'a quoted PM10 "1,234" (Excel\'s thousands format) is 1234; "12,34" is not a number',
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 4,
      rejected: [{ line: 5, col: 4, code: "HY-NUMBER" }],
      from: "2019-01-01",
      // from/to cover the rows read; the rejected row's day is not among them.
      to: "2019-01-03",
      // PM10 (50 + 1234 + 40) / 3 = 441.3 -> 441.
      values: { area: "衡阳县", pm25: 35, pm10: 441, validDays: 3 },
    },
  },
  {
    file: "date-slashes.csv",
    what: "dates 2019/1/1, 2019/01/03",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 35, pm10: 53, validDays: 3 },
    },
  },
  {
    file: "date-chinese.csv",
    what: "dates 2019年1月1日, 2019年01月03日",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 35, pm10: 53, validDays: 3 },
    },
  },
  {
    file: "date-excel-serial.csv",
    what: "an Excel serial date (43467 = 2019-01-02): refused, not guessed",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [{ line: 3, col: 1, code: "HY-DATE" }],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 30, pm10: 45, validDays: 2 },
    },
  },
  {
    file: "hour-24.csv",
    what: "hourly, labels 01:00..24:00 of 2019-01-01, then 2019-01-02 00:00 (the same hour as 24:00)",
    expect: {
      outcome: "read",
      kind: "air-hourly",
      rows: 25,
      rejected: [{ line: 26, col: 1, code: "HY-DUP" }],
      from: "2019-01-01",
      to: "2019-01-01",
      values: { area: "市城区", pm25: 35 },
    },
  },
  {
    file: "hourly-repeats.csv",
    what: "hourly: line 5 repeats line 4 (read once, HY-REPEAT); line 9 is line 8's hour with PM10 51, not 50 (HY-DUP)",
    expect: {
      outcome: "read",
      kind: "air-hourly",
      // 26 data lines, one of them a repeat: 25 rows, of which line 9 is rejected.
      rows: 25,
      repeatedRows: 1,
      rejected: [{ line: 9, col: 1, code: "HY-DUP" }],
      from: "2019-01-01",
      to: "2019-01-01",
      // PM2.5 of hour h is 30 + h mod 5: (24 x 30 + 4 x 10 + 10) / 24 = 32.08 -> 32.
      values: { area: "市城区", pm25: 32 },
    },
  },
  {
    file: "hourly-twice.csv",
    what: "hourly, three days given twice (a file pasted under itself): every repeat read once, nothing rejected",
    expect: {
      outcome: "read",
      kind: "air-hourly",
      rows: 72,
      repeatedRows: 72,
      rejected: [],
      from: "2019-01-01",
      to: "2019-01-03",
      // PM2.5 30, 40 and 50 all day on the three days: 40.
      values: { area: "市城区", pm25: 40 },
    },
  },
  {
    file: "timezone-suffix.csv",
    what: "hourly times with +08:00 and +0800 (read), Z and +00:00 (refused), none (China time)",
    expect: {
      outcome: "read",
      kind: "air-hourly",
      rows: 5,
      rejected: [
        { line: 4, col: 1, code: "HY-DATE" },
        { line: 5, col: 1, code: "HY-DATE" },
      ],
      from: "2019-01-01",
      to: "2019-01-01",
    },
  },
  {
    file: "nan-infinity.csv",
    what: "NaN (a missing marker), Infinity and -Infinity (not numbers)",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 4,
      rejected: [
        { line: 3, col: 4, code: "HY-NUMBER" },
        { line: 4, col: 3, code: "HY-NUMBER" },
      ],
      from: "2019-01-01",
      to: "2019-01-04",
      values: { area: "衡阳县", pm25: 25, pm10: 45, validDays: 1 },
    },
  },
  {
    file: "huge-numbers.csv",
    what: "PM2.5 1e308 twice (no concentration is that high) and PM10 1e400 (beyond a double)",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 4,
      rejected: [
        { line: 3, col: 3, code: "HY-RANGE" },
        { line: 4, col: 3, code: "HY-RANGE" },
        { line: 5, col: 4, code: "HY-NUMBER" },
      ],
      from: "2019-01-01",
      to: "2019-01-01",
      values: { area: "衡阳县", pm25: 35, pm10: 50, validDays: 1 },
    },
  },
  {
    file: "one-mb-line.csv",
    what: "generated: a 1 MiB file that is one line, no line break, no recognisable header",
    generate: () => "x".repeat(MB),
    expect: { outcome: "error", code: "HY-KIND", line: 1, col: 1 },
  },
  {
    file: "one-mb-cell.csv",
    what: "generated: a data line of 1 MiB (a PM2.5 cell of a million digits)",
    generate: () =>
      lines(
        HEADER,
        DAY_ROW("2019-01-01"),
        `2019-01-02,衡阳县,${"1".repeat(MB)},50,10,20,0.8,60`,
        DAY_ROW("2019-01-03"),
      ),
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [{ line: 3, col: 3, code: "HY-NUMBER" }],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 35, pm10: 50, validDays: 2 },
    },
  },
  {
    file: "totals-row-english.csv",
    what: "Total and Average rows and a one-cell Note row at the bottom: skipped, not rejected",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      summaryRows: 3,
      ...ALL_THREE_DAYS,
    },
  },
  {
    file: "repeated-row.csv",
    what: "line 4 repeats line 3 cell for cell (read once); line 6 is 2019-01-03 again with another PM2.5 (HY-DUP)",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 4,
      repeatedRows: 1,
      rejected: [{ line: 6, col: 2, code: "HY-DUP" }],
      from: "2019-01-01",
      to: "2019-01-03",
      // (35 + 45 + 25) / 3 = 35; PM10 (50 + 70 + 40) / 3 = 53.3 -> 53: the repeat is not a fourth day.
      values: { area: "衡阳县", pm25: 35, pm10: 53, validDays: 3 },
    },
  },
  {
    file: "separator-semicolon.csv",
    what: "fields separated by ';' (a European Excel export); a decimal comma 0,8 is not guessed",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [{ line: 3, col: 7, code: "HY-NUMBER" }],
      ...DAY_2_REJECTED,
    },
  },
  {
    file: "separator-tab.csv",
    what: "fields separated by tabs",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      ...ALL_THREE_DAYS,
    },
  },
  {
    file: "sep-line.csv",
    what: "an Excel 'sep=;' first line: the header is line 2; a negative PM10 on line 5 keeps its line",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [{ line: 5, col: 4, code: "HY-RANGE" }],
      from: "2019-01-01",
      to: "2019-01-02",
      values: { area: "衡阳县", pm25: 40, pm10: 60, validDays: 2 },
    },
  },
  {
    file: "separator-pipe.csv",
    what: "fields separated by '|': not guessed, the error names the separator",
    expect: { outcome: "error", code: "HY-KIND", line: 1, col: 1, message: /"\|".*comma/ },
  },
  {
    file: "sep-line-folder",
    what: "a folder holding a file that starts with an Excel 'sep=,' line: read, not skipped",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      ...ALL_THREE_DAYS,
    },
  },
  {
    file: "no-data-folder",
    what: "a folder of a header-only file and a file holding only a totals row: no data rows",
    expect: { outcome: "error", code: "HY-EMPTY", at: "/a.csv", message: /no data rows/ },
  },
  {
    file: "year-2023.csv",
    what: "three days of 2023 against the 2019 plan: every row outside the year evaluated",
    expect: {
      outcome: "error",
      code: "HY-YEAR",
      message: /2023-01-01 \.\. 2023-01-03.*outside 2019.*--year 2023/,
    },
  },
  {
    file: "year-2023.csv",
    what: "the same days against the GB 3095 target file: the data's own year (2023) is evaluated",
    args: ["-t", "targets/gb3095-2012-class2.yaml"],
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      from: "2023-01-01",
      to: "2023-01-03",
    },
  },
  {
    file: "copied-targets.yaml",
    what: "target file: a copy whose plan.seed no longer resolves says how to mend it",
    targets: true,
    expect: {
      outcome: "error",
      code: "HY-TARGETS",
      line: 7,
      col: 9,
      message: /copy the plan text beside the target file.*plan\.seed.*hy-check init/,
    },
  },
  {
    file: "workbook-notes-title.xlsx",
    what: "generated: a notes sheet first, then a title row (merged A1:H1), a blank row, the header on row 3, Excel serial dates and a negative PM2.5 in C5",
    generate: () =>
      workbook([
        NOTES_SHEET,
        {
          name: "数据",
          rows: [
            ["衡阳县 2019年1月 空气质量日报"],
            [],
            WB_HEADER,
            wbRow(serial(43466), 35, 50),
            wbRow(serial(43467), -5, 70),
            wbRow(serial(43468), 25, 40),
          ],
          merges: ["A1:H1"],
        },
      ]),
    expect: {
      outcome: "read",
      kind: "air-daily",
      sheet: "数据",
      encoding: "xlsx",
      rows: 3,
      rejected: [{ line: 5, col: 3, code: "HY-RANGE", cell: "数据!C5" }],
      ...DAY_2_REJECTED,
    },
  },
  {
    file: "workbook-renamed.csv",
    what: "generated: an .xlsx saved under a .csv name is read as a workbook (its bytes start PK), with a Total row skipped",
    generate: () =>
      workbook([
        {
          name: "Sheet1",
          rows: [
            WB_HEADER,
            wbRow("2019-01-01", 35, 50),
            wbRow("2019-01-02", 45, 70),
            wbRow("2019-01-03", 25, 40),
            ["合计", "", 105, 160],
          ],
        },
      ]),
    expect: {
      outcome: "read",
      kind: "air-daily",
      sheet: "Sheet1",
      encoding: "xlsx",
      rows: 3,
      summaryRows: 1,
      rejected: [],
      ...ALL_THREE_DAYS,
    },
  },
  {
    file: "workbook-legacy.xls",
    what: "generated: a legacy .xls (BIFF8) with text dates and a PM10 that is text ('x') in D3",
    generate: () =>
      workbook(
        [
          NOTES_SHEET,
          {
            name: "Air",
            rows: [
              WB_HEADER,
              wbRow("2019/1/1", 35, 50),
              wbRow("2019/1/2", 45, "x"),
              wbRow("2019/1/3", 25, 40),
            ],
          },
        ],
        "biff8",
      ),
    expect: {
      outcome: "read",
      kind: "air-daily",
      sheet: "Air",
      encoding: "xls",
      rows: 3,
      rejected: [{ line: 3, col: 4, code: "HY-NUMBER", cell: "Air!D3" }],
      ...DAY_2_REJECTED,
    },
  },
  {
    file: "workbook-1904.xlsx",
    what: "generated: a workbook in the 1904 date system (old Mac Excel): serial 42004 is 2019-01-01 there",
    generate: () =>
      workbook(
        [{ name: "S", rows: [WB_HEADER, wbRow(serial(42004), 35, 50), wbRow(serial(42005), 45, 70)] }],
        "xlsx",
        true,
      ),
    expect: {
      outcome: "read",
      kind: "air-daily",
      sheet: "S",
      rows: 2,
      rejected: [],
      from: "2019-01-01",
      to: "2019-01-02",
      values: { area: "衡阳县", pm25: 40, pm10: 60, validDays: 2 },
    },
  },
  {
    file: "workbook-phantom-day.xlsx",
    what: "generated: serial 60, Excel's 29 February 1900 that never was, in A2: rejected, not shifted to a real day",
    generate: () =>
      workbook([{ name: "S", rows: [WB_HEADER, wbRow(serial(60), 35, 50), wbRow("2019-01-01", 35, 50)] }]),
    expect: {
      outcome: "read",
      kind: "air-daily",
      sheet: "S",
      rows: 2,
      rejected: [{ line: 2, col: 1, code: "HY-DATE", cell: "S!A2" }],
      from: "2019-01-01",
      to: "2019-01-01",
    },
  },
  {
    file: "workbook-two-sheets.xlsx",
    what: "generated: two data sheets; --sheet 2 reads the second (PM2.5 45), not the first (35)",
    args: ["--sheet", "2"],
    generate: () =>
      workbook([
        { name: "Jan1", rows: [WB_HEADER, wbRow("2019-01-01", 35, 50)] },
        { name: "Jan2", rows: [WB_HEADER, wbRow("2019-01-02", 45, 70)] },
      ]),
    expect: {
      outcome: "read",
      kind: "air-daily",
      sheet: "Jan2",
      rows: 1,
      rejected: [],
      from: "2019-01-02",
      to: "2019-01-02",
      values: { area: "衡阳县", pm25: 45, pm10: 70, validDays: 1 },
    },
  },
  {
    file: "workbook-no-such-sheet.xlsx",
    what: "generated: --sheet names a sheet the workbook does not have: the sheets are listed",
    args: ["--sheet", "Feb"],
    generate: () => workbook([{ name: "Jan", rows: [WB_HEADER, wbRow("2019-01-01", 35, 50)] }]),
    expect: { outcome: "error", code: "HY-SHEET", message: /no sheet "Feb".*1 Jan/ },
  },
  {
    file: "workbook-merged-area.xlsx",
    what: "generated: the area cell merged down B2:B4 (衡阳县 stored in B2 only): every row is 衡阳县, as the sheet shows",
    generate: () =>
      workbook([
        {
          name: "Sheet1",
          rows: [
            WB_HEADER,
            wbRow("2019-01-01", 35, 50),
            ["2019-01-02", null, 45, 70, 10, 20, 0.8, 60],
            ["2019-01-03", null, 25, 40, 10, 20, 0.8, 60],
          ],
          merges: ["B2:B4"],
        },
      ]),
    expect: {
      outcome: "read",
      kind: "air-daily",
      sheet: "Sheet1",
      rows: 3,
      rejected: [],
      ...ALL_THREE_DAYS,
    },
  },
  {
    file: "workbook-merged-header.xlsx",
    what: "generated: header cells C1:D1 merged (one 'PM2.5' over two columns): refused at C1, saying why",
    generate: () =>
      workbook([
        {
          name: "Sheet1",
          rows: [["日期", "区域", "PM2.5", "", "SO2", "NO2", "CO", "O3_8h"], wbRow("2019-01-01", 35, 50)],
          merges: ["C1:D1"],
        },
      ]),
    expect: {
      outcome: "error",
      code: "HY-COLUMN",
      at: ":Sheet1!C1",
      message: /merged header cells C1:D1.*unmerge/,
    },
  },
  {
    file: "workbook-two-header-rows.xlsx",
    what: "generated: a two-row header (日期 merged A1:A2, 浓度 over C1:H1, pollutants on row 2): refused, saying to unmerge",
    generate: () =>
      workbook([
        {
          name: "Sheet1",
          rows: [
            ["日期", "区域", "浓度"],
            [null, null, "PM2.5", "PM10", "SO2", "NO2", "CO", "O3_8h"],
            wbRow("2019-01-01", 35, 50),
          ],
          merges: ["A1:A2", "B1:B2", "C1:H1"],
        },
      ]),
    expect: {
      outcome: "error",
      code: "HY-KIND",
      at: ":Sheet1!A1",
      message: /A1:A2 are merged over two header rows.*unmerge/,
    },
  },
  {
    file: "workbook-notes-only.xlsx",
    what: "generated: a workbook of notes only: no sheet has a header (HY-KIND, the sheets named)",
    generate: () => workbook([NOTES_SHEET, { name: "图表", rows: [["见图"]] }]),
    expect: { outcome: "error", code: "HY-KIND", message: /sheets 说明, 图表/ },
  },
  {
    file: "billion-laughs.yaml",
    what: "target file: nine levels of aliases, 9^9 strings if expanded",
    targets: true,
    expect: { outcome: "error", code: "HY-YAML", line: 11, col: 12, message: /alias bomb/i, maxSeconds: 5 },
  },
  {
    file: "shared-anchors.yaml",
    what: "generated target file: 120 targets sharing &src and &scope (238 aliases): read, not an alias bomb",
    targets: true,
    generate: sharedAnchors,
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [],
      from: "2019-01-01",
      to: "2019-01-03",
    },
  },
  {
    file: "underflow.csv",
    what: "NO2 1e-400 (underflows to 0 as a double): rejected, never read as 0; 0e-400 is 0",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      rejected: [{ line: 3, col: 6, code: "HY-NUMBER" }],
      from: "2019-01-01",
      to: "2019-01-03",
      values: { area: "衡阳县", pm25: 30, pm10: 45, validDays: 2 },
    },
  },
  {
    file: "infinite-value.yaml",
    what: "target file: value 1e999 (Infinity in YAML) is named as not a finite number",
    targets: true,
    expect: {
      outcome: "error",
      code: "HY-TARGETS",
      line: 17,
      col: 12,
      message: /Infinity is not a finite number/,
    },
  },
  {
    file: "proto-keys.yaml",
    what: "target file: __proto__ and constructor keys at the top level and in a target",
    targets: true,
    expect: { outcome: "error", code: "HY-TARGETS", line: 2, col: 1, message: /__proto__/ },
  },
  {
    file: "js-function-tag.yaml",
    what: "target file: a !!js/function tag (code in some YAML loaders)",
    targets: true,
    expect: { outcome: "error", code: "HY-YAML", line: 6, col: 11, message: /js\/function/ },
  },
  {
    file: "large-targets.yaml",
    what: "generated: a 2 MiB target file (valid YAML padded with comments)",
    targets: true,
    generate: () =>
      `${readFileSync(join(ROOT, CORPUS, "minimal-targets.yaml"), "utf8")}${`# ${"x".repeat(1000)}\n`.repeat(2 * 1024)}`,
    expect: { outcome: "error", code: "HY-TARGETS", message: /1 MiB/ },
  },
  {
    file: "three-mib-cell.csv",
    what: "generated: a PM2.5 cell of 3 MiB on line 3 (over the 2 MiB line cap): stopped while streaming, at its column",
    generate: () =>
      lines(HEADER, DAY_ROW("2019-01-01"), `2019-01-02,衡阳县,${"1".repeat(3 * MB)},50,10,20,0.8,60`),
    expect: { outcome: "error", code: "HY-SIZE", line: 3, col: 3, message: /longer than 2 MiB/ },
  },
  {
    file: "nul-bytes.csv",
    what: "generated: 3 MiB of NUL bytes (a disk image, not an export): no line ends, stopped at the cap",
    generate: () => new Uint8Array(3 * MB),
    expect: { outcome: "error", code: "HY-SIZE", line: 1, col: 1 },
  },
  {
    file: "control-chars.csv",
    what: "a station name holding a window-title (OSC 0 + BEL) and an OSC 8 hyperlink; a PM2.5 cell holding clear-screen, a C1 CSI and CR",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 3,
      // Line 3's area is not 衡阳县 (it only ends so): unassigned; line 4's PM2.5 is no number.
      unassignedRows: 1,
      rejected: [{ line: 4, col: 3, code: "HY-NUMBER" }],
      from: "2019-01-01",
      to: "2019-01-02",
      values: { area: "衡阳县", pm25: 35, pm10: 50, validDays: 1 },
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// The JSON report, as far as these tests read it (declared here: the JSON output is the contract).

interface JsonProblem {
  line?: number;
  col?: number;
  code: string;
  message: string;
}

interface JsonInput {
  file: string;
  kind: string;
  encoding: string;
  sheet?: string;
  summaryRows?: number;
  repeatedRows?: number;
  rows: number;
  rejectedRows: number;
  outsidePeriodRows: number;
  unassignedRows: number;
  from: string | null;
  to: string | null;
  rejectedByCode: Record<string, number>;
  rejected: JsonProblem[];
}

interface JsonResult {
  id: string;
  actual: number | null;
  validDays: number;
  detail: { areas?: { area: string; actual: number | null; validDays: number }[] };
}

interface JsonReport {
  inputs: JsonInput[];
  results: JsonResult[];
}

/** An area's value of a pollutant's annual-mean target: 衡阳县 from the county targets, 市城区 from the urban ones. */
function areaValue(
  report: JsonReport,
  area: AreaValues["area"],
  target: "pm25" | "pm10",
): { actual: number | null; validDays: number } | undefined {
  if (area === "市城区") return report.results.find((r) => r.id === `air.urban.${target}`);
  const counties = report.results.find((r) => r.id === `air.counties.${target}`);
  return counties?.detail.areas?.find((a) => a.area === area);
}

// ---------------------------------------------------------------------------------------------------

let tmp = "";

/** The path as given on the command line (relative to the package root for committed files). */
function pathOf(c: CorpusCase): string {
  return c.generate ? join(tmp, c.file) : `${CORPUS}/${c.file}`;
}

/**
 * The CLI in-process (runMain), timed; output past 1 MiB on stdout or stderr fails, as it did through the bin
 * (spawnSync's buffer): a message must not quote a huge cell.
 */
async function run(args: string[]): Promise<CliRun & { seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await runMain(args);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const stream of [result.stdout, result.stderr])
    if (Buffer.byteLength(stream) > 1 << 20)
      expect.fail("hy-check wrote more than 1 MiB to stdout or stderr (a message quoting a huge cell?)");
  return { ...result, seconds };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/cli.js is missing: run npm run build");
  tmp = mkdtempSync(join(tmpdir(), "hy-corpus-"));
  for (const c of CASES) if (c.generate) writeFileSync(join(tmp, c.file), c.generate());
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("corpus of bad inputs, through the CLI", () => {
  it("lists every file of test/corpus/ in the table (minimal-targets.yaml is the base of the target cases)", () => {
    const committed = CASES.filter((c) => !c.generate);
    const keys = committed.map((c) => [c.file, ...(c.args ?? [])].join(" "));
    expect(new Set(keys).size).toBe(keys.length);
    const listed = [...new Set(committed.map((c) => c.file))];
    const present = readdirSync(join(ROOT, CORPUS)).filter((f) => f !== "minimal-targets.yaml");
    expect([...listed].sort()).toEqual(present.sort());
  });

  it.each(CASES.map((c) => [`${c.file}: ${c.what}${c.bug ? " [src bug]" : ""}`, c] as const))(
    "%s",
    async (_name, c) => {
      const file = pathOf(c);
      const args = [
        ...(c.targets ? [VALID_DATA, "-t", file, "-f", "json"] : [file, "-f", "json"]),
        ...(c.args ?? []),
      ];
      const result = await run(args);

      // Nothing crashes: a usage/input outcome, never an internal error or a stack trace.
      expect(result.status, result.stderr).not.toBe(3);
      expect(result.stderr).not.toContain("    at ");
      expect(result.stderr).not.toContain("internal error");
      for (const line of result.stderr.split("\n"))
        expect(line.length, `stderr line of ${line.length} characters`).toBeLessThanOrEqual(MAX_MESSAGE_LINE);

      const expected = c.expect;
      if (expected.outcome === "error") {
        expect(result.status, result.stderr).toBe(2);
        expect(result.stdout).toBe("");
        const where =
          expected.at !== undefined
            ? `${file}${expected.at}  `
            : expected.line === undefined
              ? `${file}  `
              : expected.col === undefined
                ? `${file}:${expected.line}  `
                : `${file}:${expected.line}:${expected.col}  `;
        const problems = result.stderr.split("\n").filter((l) => l.endsWith(`[${expected.code}]`));
        const problem = problems.find((l) => l.startsWith(`hy-check: ${where}`));
        expect(problem, `no ${expected.code} problem at "${where}" in:\n${result.stderr}`).toBeDefined();
        if (expected.message) expect(problem).toMatch(expected.message);
        if (expected.maxSeconds !== undefined) expect(result.seconds).toBeLessThan(expected.maxSeconds);
        return;
      }

      expect(result.status, result.stderr).toBe(expected.rejected.length > 0 ? 2 : 0);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.inputs).toHaveLength(1);
      const input = report.inputs[0] as JsonInput;
      expect({
        kind: input.kind,
        rows: input.rows,
        rejectedRows: input.rejectedRows,
        unassignedRows: input.unassignedRows,
        outsidePeriodRows: input.outsidePeriodRows,
        summaryRows: input.summaryRows ?? 0,
        repeatedRows: input.repeatedRows ?? 0,
        sheet: input.sheet,
        ...(expected.encoding ? { encoding: input.encoding } : {}),
        from: input.from,
        to: input.to,
        rejected: input.rejected.map((p) => ({ line: p.line, col: p.col, code: p.code })),
      }).toEqual({
        kind: expected.kind,
        rows: expected.rows,
        rejectedRows: expected.rejected.length,
        unassignedRows: expected.unassignedRows ?? 0,
        outsidePeriodRows: 0,
        summaryRows: expected.summaryRows ?? 0,
        repeatedRows: expected.repeatedRows ?? 0,
        sheet: expected.sheet,
        ...(expected.encoding ? { encoding: expected.encoding } : {}),
        from: expected.from,
        to: expected.to,
        rejected: expected.rejected.map(({ line, col, code }) => ({ line, col, code })),
      });
      // Each rejected row is named on stderr as file:line:col (file:sheet!CELL in a workbook), next to the exit code.
      for (const r of expected.rejected)
        expect(result.stderr).toContain(r.cell ? `${file}:${r.cell}  ` : `${file}:${r.line}:${r.col}  `);
      if (expected.values) {
        const { area, pm25, pm10, validDays } = expected.values;
        if (pm25 !== undefined) expect(areaValue(report, area, "pm25")?.actual, "PM2.5").toBe(pm25);
        if (pm10 !== undefined) expect(areaValue(report, area, "pm10")?.actual, "PM10").toBe(pm10);
        if (validDays !== undefined) expect(areaValue(report, area, "pm25")?.validDays).toBe(validDays);
      }
    },
  );
});

describe("target files are data, never code (in process)", () => {
  const polluted = () => (({}) as Record<string, unknown>).polluted;

  it("__proto__ and constructor keys never reach Object.prototype", async () => {
    const file = join(ROOT, CORPUS, "proto-keys.yaml");
    await expect(loadTargetFile(file)).rejects.toBeInstanceOf(InputError);
    expect(() => parseTargetFile(readFileSync(file, "utf8"), file)).toThrow(InputError);
    expect(polluted()).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("a __proto__ key in the columns: map is refused or inert", () => {
    const text = readFileSync(join(ROOT, CORPUS, "minimal-targets.yaml"), "utf8").replace(
      "areas:",
      'columns: { __proto__: { polluted: yes }, PM2.5: "细颗粒物" }\nareas:',
    );
    try {
      parseTargetFile(text, "columns.yaml");
    } catch (e) {
      // Refusing the key is fine too; anything but an InputError is not.
      expect(e).toBeInstanceOf(InputError);
    }
    expect(polluted()).toBeUndefined();
  });

  it("a !!js/function value is never run", async () => {
    const file = join(ROOT, CORPUS, "js-function-tag.yaml");
    await loadTargetFile(file).catch((e: unknown) => expect(e).toBeInstanceOf(InputError));
    expect((globalThis as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("a target file saved as GBK (issue 18 item 5)", () => {
  it("reads to the same targets as the UTF-8 file it was saved from, Chinese text and all", async () => {
    const gbk = await loadTargetFile(join(ROOT, CORPUS, "gbk-targets.yaml"), { useCompiled: false });
    const utf8 = await loadTargetFile(join(ROOT, CORPUS, "minimal-targets.yaml"), { useCompiled: false });
    expect(gbk.targets).toEqual(utf8.targets);
    expect(gbk.targets.plan.title.zh).toBe("衡阳市2019年生态环境保护工作计划");
  });
});

describe("a copied target file (issue 18: plan.seed that no longer resolves)", () => {
  it("hy-check init copies a shipped target file with its plan text; the copy checks data as the original does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hy-init-"));
    try {
      const init = await run(["init", "--targets", "hengyang-2019", dir]);
      expect(init.status, init.stderr).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(["hengyang-2019-work-plan.txt", "hengyang-2019.yaml"]);
      expect(readFileSync(join(dir, "hengyang-2019.yaml"), "utf8")).toContain(
        "seed: hengyang-2019-work-plan.txt",
      );
      const copy = await run([VALID_DATA, "-t", join(dir, "hengyang-2019.yaml"), "-f", "json"]);
      const original = await run([VALID_DATA, "-f", "json"]);
      expect(copy.status, copy.stderr).toBe(original.status);
      const results = (r: CliRun) => (JSON.parse(r.stdout) as JsonReport).results;
      expect(results(copy)).toEqual(results(original));
      // A second init into the same folder overwrites nothing.
      const again = await run(["init", dir]);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/hengyang-2019\.yaml {2}the file exists already.*\[HY-WRITE\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("hy-check init with a name that is not shipped lists the shipped ones", async () => {
    const r = await run(["init", "--targets", "nope", tmpdir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /no shipped target file "nope"; choose one of .*gb3095-2012-class2.*hengyang-2019/,
    );
  });
});

describe("a pipe as input (issue 18: ESPIPE)", () => {
  const env = { ...process.env, NO_COLOR: "1", LANG: "en_US.UTF-8" };
  it("`cat valid-daily.csv | hy-check /dev/stdin` (a shell pipe) reads the three days, named /dev/stdin", () => {
    const script = `cat ${VALID_DATA} | "${process.execPath}" ${BIN} /dev/stdin -f json`;
    const piped = spawnSync("sh", ["-c", script], { cwd: ROOT, encoding: "utf8", env });
    expect(piped.status, piped.stderr).toBe(0);
    const input = (JSON.parse(piped.stdout) as JsonReport).inputs[0];
    expect(input).toMatchObject({ file: "/dev/stdin", rows: 3, from: "2019-01-01", to: "2019-01-03" });
  });

  it("a pipe that never ends (`yes`) stops at the cap with HY-SIZE and exit 2, memory bounded", () => {
    // The cap is 1 GiB; HY_MAX_PIPE_BYTES sets 1 MiB here so that the test pipes one mebibyte, not a gibibyte.
    const script = `yes 2019-01-01,2457A,35 | "${process.execPath}" ${BIN} /dev/stdin`;
    const piped = spawnSync("sh", ["-c", script], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...env, HY_MAX_PIPE_BYTES: String(1024 * 1024) },
    });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toBe(
      "hy-check: /dev/stdin  more than 1 MiB arrived through the pipe; save the data to a file and read that  [HY-SIZE]\n",
    );
  });

  it("stdin given by a parent process (a socket) is read too", () => {
    const piped = spawnSync(process.execPath, [BIN, "/dev/stdin", "-f", "json"], {
      cwd: ROOT,
      input: readFileSync(join(ROOT, VALID_DATA)),
      encoding: "utf8",
      env,
    });
    expect(piped.status, piped.stderr).toBe(0);
    const input = (JSON.parse(piped.stdout) as JsonReport).inputs[0];
    expect(input).toMatchObject({ file: "/dev/stdin", rows: 3, from: "2019-01-01", to: "2019-01-03" });
  });
});

describe("hy-check validate on a workbook", () => {
  it("--sheet picks the sheet and each finding names its cell (file:sheet!CELL)", async () => {
    const file = join(tmp, "validate-sheets.xlsx");
    writeFileSync(
      file,
      workbook([
        { name: "Jan", rows: [WB_HEADER, wbRow("2019-01-01", 35, 50)] },
        { name: "Feb", rows: [WB_HEADER, wbRow("2019-02-01", 35, 50), wbRow("2019-02-02", 45, "x")] },
      ]),
    );
    const r = await run(["validate", file, "--sheet", "Feb"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`error ${file}:Feb!D3  PM10`);
    expect(r.stdout).toContain("[HY-NUMBER]");
  });
});
