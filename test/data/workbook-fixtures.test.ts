// The workbook fixtures (scripts/make-workbooks.mjs) hold the rows of fixtures/hengyang-2019-daily.csv:
// the .xlsx with Excel serial dates, the .xls (BIFF8) with text dates, each with a notes sheet first and a
// title row and a blank row above the header. Read through the built CLI, both give the CSV's JSON.
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliJson } from "../helpers/run-cli.js";

interface Input {
  file: string;
  kind: string;
  encoding: string;
  sheet?: string;
  rows: number;
  aqiCheck: { rowsChecked: number; mismatches: number; examples: { line: number }[] };
  [key: string]: unknown;
}
interface Report {
  inputs: Input[];
  results: unknown[];
  summary: unknown;
  asOf: string;
}

const CSV = "fixtures/hengyang-2019-daily.csv";
const WORKBOOKS = [
  "fixtures/workbooks/hengyang-2019-daily.xlsx",
  "fixtures/workbooks/hengyang-2019-daily.xls",
];

/** What a file's input report says of its data, without where it was read from. */
function data(input: Input | undefined) {
  if (!input) return undefined;
  const { file: _file, encoding: _encoding, sheet: _sheet, aqiCheck, ...rest } = input;
  return { ...rest, aqiCheck: { ...aqiCheck, examples: aqiCheck.examples.map((e) => ({ ...e, line: 0 })) } };
}

let csv: Report;
beforeAll(() => {
  const run = runCliJson<Report>([CSV, "-f", "json"]);
  expect(run.status, run.stderr).toBe(0);
  csv = run.json;
});

describe.each(WORKBOOKS)("%s", (file) => {
  let book: Report;
  beforeAll(() => {
    const run = runCliJson<Report>([file, "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    book = run.json;
  });

  it("skips the notes sheet and reads the data sheet 日报, from its header on row 3", () => {
    expect(book.inputs[0]).toMatchObject({ file, kind: "air-daily", sheet: "日报" });
    expect(book.inputs[0]?.encoding).toBe(file.endsWith(".xlsx") ? "xlsx" : "xls");
  });

  it("gives the CSV's results, summary, as-of date and row counts", () => {
    expect(book.results).toEqual(csv.results);
    expect(book.summary).toEqual(csv.summary);
    expect(book.asOf).toBe(csv.asOf);
    expect(data(book.inputs[0])).toEqual(data(csv.inputs[0]));
  });

  it("names the same rows two rows lower (the title row and the blank row above the header)", () => {
    const csvLines = csv.inputs[0]?.aqiCheck.examples.map((e) => e.line + 2);
    expect(csvLines?.length).toBeGreaterThan(0);
    expect(book.inputs[0]?.aqiCheck.examples.map((e) => e.line)).toEqual(csvLines);
  });
});

describe("the AQI check's example in a workbook", () => {
  it("is named by its cell: the AQI column J, the CSV's line 1500 two rows lower", () => {
    const run = runCli(["fixtures/workbooks/hengyang-2019-daily.xlsx"], { COLUMNS: "400" });
    // The CSV's only disagreeing row is line 1500 (2458A, 2019-04-18: PM2.5 38, PM10 62, SO2 13, NO2 30, CO 1.5,
    // O3_8h 59, AQI 63). By HJ 633-2012 Table 1: IAQI PM2.5 50 + 3/40 x 50 = 53.75, PM10 50 + 12/100 x 50 = 56,
    // SO2 13, NO2 37.5, CO 37.5, O3_8h 29.5: AQI 56, not 63. The header sits on row 3 of the sheet, so that
    // row is row 1502, and AQI is the tenth column, J.
    expect(run.stdout).toContain("e.g. cell 日报!J1502 (2458A 2019-04-18): reported 63, computed 56");
    const csv = runCli(["fixtures/hengyang-2019-daily.csv"], { COLUMNS: "400" });
    expect(csv.stdout).toContain(
      "disagrees with HJ 633-2012 on 1 of 4737 rows, e.g. line 1500 (2458A 2019-04-18)",
    );
  });
});
