// The row loop every tabular reader shares: count the row, reject one whose field count differs from the
// header (HY-FIELDS), and hand the rest on with a `reject` bound to its file and line.
import type { InputProblem } from "../errors.js";
import type { CsvSource } from "./csv.js";
import { rejectRow, type InputReport } from "./input-report.js";

export type RowProblem = Omit<InputProblem, "file" | "line">;

export interface DataRow {
  line: number;
  fields: string[];
  reject: (problem: RowProblem) => void;
}

/** Counts a row and hands it on with its `reject`, or rejects it (HY-FIELDS) when its width is wrong. */
export function countRow(
  file: string,
  width: number,
  report: InputReport,
  line: number,
  fields: string[],
): DataRow | undefined {
  report.rows++;
  const reject = (problem: RowProblem) => rejectRow(report, { file, line, ...problem });
  if (fields.length === width) return { line, fields, reject };
  reject({
    col: Math.min(fields.length, width) + 1,
    code: "HY-FIELDS",
    message: `expected ${width} fields, found ${fields.length}`,
  });
  return undefined;
}

export async function* dataRows(source: CsvSource, report: InputReport): AsyncGenerator<DataRow> {
  const width = source.header.fields.length;
  for await (const { line, fields } of source.records) {
    const row = countRow(source.file, width, report, line, fields);
    if (row) yield row;
  }
}
