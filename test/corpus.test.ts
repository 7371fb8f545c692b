// The corpus of bad inputs (issue 7): every file in test/corpus/ (and the few large ones generated here into
// a temp folder, so they are not committed) is run through the built CLI, `node dist/cli.js`, the way a
// user or a CI job runs it. CASES below is the one table of them: the file, what it is, and what a careful
// analyst expects hy-check to do with it:
// - "read": the file is read; its rows, rejected rows (each with line, col and code), dates and the
//   values hy-check computes from it (衡阳县's means come from the county targets, 市城区's from the urban
//   ones), and the exit code (2 when rows were rejected, since --max-rejected defaults to 0);
// - "error": the run stops with exit code 2, the code (HY-...) and, where it applies, file:line:col.
// Every case also checks that nothing crashes: no exit code 3, no stack trace ("    at ") and no message
// line longer than MAX_MESSAGE_LINE on stderr.
//
// A case with `bug` is one where hy-check does something else today: the test asserts the expected
// behaviour, so it fails until src/ is fixed; `bug` says what happens instead.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { loadTargetFile } from "../src/targets/load.js";
import { parseTargetFile } from "../src/targets/parse.js";
import { ROOT, runCli, type CliRun } from "./helpers/run-cli.js";

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
}

interface CorpusCase {
  /** A file of test/corpus/, or (with `generate`) the name of a file written into the temp folder. */
  file: string;
  what: string;
  generate?: () => string | Uint8Array;
  /** The file is a target file: `hy-check test/corpus/valid-daily.csv -t <file>`. */
  targets?: true;
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

const MB = 1024 * 1024;

const CASES: CorpusCase[] = [
  {
    file: "valid-daily.csv",
    what: "control: a clean daily export (3 days of 衡阳县)",
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
    what: "a UTF-8 file with one GBK line (line 4: 衡阳县 in GBK bytes)",
    expect: { outcome: "error", code: "HY-ENCODING", line: 4 },
  },
  {
    file: "late-gbk-line.csv",
    what: "generated: a UTF-8 file of 2937 lines (> 64 KiB) whose line 2938 is in GBK",
    generate: lateGbkLine,
    expect: { outcome: "error", code: "HY-ENCODING", line: 2938 },
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
    what: "a header and no data rows: read, nothing to count",
    expect: { outcome: "read", kind: "air-daily", rows: 0, rejected: [], from: null, to: null },
  },
  {
    file: "duplicate-header.csv",
    what: "two columns meaning PM2.5 (PM2.5 and 细颗粒物, column 9)",
    expect: { outcome: "error", code: "HY-COLUMN", line: 1, col: 9, message: /PM2\.5/ },
  },
  {
    file: "totals-row.csv",
    what: "a totals row (合计) and a means row (平均) in the date column",
    expect: {
      outcome: "read",
      kind: "air-daily",
      rows: 5,
      rejected: [
        { line: 5, col: 1, code: "HY-DATE" },
        { line: 6, col: 1, code: "HY-DATE" },
      ],
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
    file: "billion-laughs.yaml",
    what: "target file: nine levels of aliases, 9^9 strings if expanded",
    targets: true,
    expect: { outcome: "error", code: "HY-YAML", message: /alias/i, maxSeconds: 5 },
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

/** runCli, with output too large for its buffer turned into a readable failure. */
function run(args: string[]): CliRun & { seconds: number } {
  const started = process.hrtime.bigint();
  let result: CliRun;
  try {
    result = runCli(args);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOBUFS")
      expect.fail("hy-check wrote more than 1 MiB to stdout or stderr (a message quoting a huge cell?)");
    throw e;
  }
  return { ...result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/cli.js is missing: run npm run build");
  tmp = mkdtempSync(join(tmpdir(), "hy-corpus-"));
  for (const c of CASES) if (c.generate) writeFileSync(join(tmp, c.file), c.generate());
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("corpus of bad inputs, through the built CLI", () => {
  it("lists every file of test/corpus/ in the table (minimal-targets.yaml is the base of the target cases)", () => {
    const listed = CASES.filter((c) => !c.generate).map((c) => c.file);
    expect(new Set(listed).size).toBe(listed.length);
    const present = readdirSync(join(ROOT, CORPUS)).filter((f) => f !== "minimal-targets.yaml");
    expect([...listed].sort()).toEqual(present.sort());
  });

  it.each(CASES.map((c) => [`${c.file}: ${c.what}${c.bug ? " [src bug]" : ""}`, c] as const))(
    "%s",
    (_name, c) => {
      const file = pathOf(c);
      const args = c.targets ? [VALID_DATA, "-t", file, "-f", "json"] : [file, "-f", "json"];
      const result = run(args);

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
          expected.line === undefined
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
        from: input.from,
        to: input.to,
        rejected: input.rejected.map((p) => ({ line: p.line, col: p.col, code: p.code })),
      }).toEqual({
        kind: expected.kind,
        rows: expected.rows,
        rejectedRows: expected.rejected.length,
        unassignedRows: expected.unassignedRows ?? 0,
        outsidePeriodRows: 0,
        from: expected.from,
        to: expected.to,
        rejected: expected.rejected,
      });
      // Each rejected row is named on stderr as file:line:col, next to the exit code.
      for (const r of expected.rejected) expect(result.stderr).toContain(`${file}:${r.line}:${r.col}  `);
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
