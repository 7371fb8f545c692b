// The row loop every tabular reader shares: skip totals and notes rows (合计, 平均, 备注 ...) and rows that
// repeat an earlier one cell for cell, reject a row whose field count differs from the header (HY-FIELDS),
// and hand the rest on with a `reject` bound to its file and line.
import { keyedMessage, type InputProblem } from "../errors.js";
import { recogniseHeader } from "./columns.js";
import type { CsvSource } from "./csv.js";
import { rejectRow, warnRow, type InputReport } from "./input-report.js";

export type RowProblem = Omit<InputProblem, "file" | "line">;

export interface DataRow {
  line: number;
  fields: string[];
  reject: (problem: RowProblem) => void;
}

/**
 * A cell that makes its row a totals, means or notes row, as exports and hand-kept sheets end: 合计, 总计,
 * 小计, 平均(值), 均值, 月均值, 年均值, 备注…, 注：…, Total, Sum, Average, Mean, Note…
 */
const SUMMARY_CELL =
  /^(?:(?:合计|总计|小计|平均值?|均值|总平均|月均值?|年均值?|全年平均)(?:$|[\s:：(（])|备注|注[:：]|(?:total|subtotal|grand total|sum|average|mean)(?:$|[\s:(])|notes?(?:$|[\s:：]))/i;

export function isSummaryCell(cell: string): boolean {
  return SUMMARY_CELL.test(cell.trim());
}

/** The columns a summary word is looked for in: the first, and any date or station column. */
export function summaryColumns(header: readonly string[]): number[] {
  const keys = new Set([0]);
  header.forEach((h, i) => {
    const field = recogniseHeader(h);
    if (field === "date" || field === "datetime" || field === "station" || field === "stationCode")
      keys.add(i);
  });
  return [...keys];
}

/**
 * Skips a totals or notes row: counted apart from the data rows (`summaryRows`) and listed as HY-SUMMARY,
 * never rejected. True when the row was one.
 */
function skipSummary(
  file: string,
  report: InputReport,
  line: number,
  fields: readonly string[],
  keys: readonly number[],
): boolean {
  const col = keys.find((k) => isSummaryCell(fields[k] ?? ""));
  if (col === undefined) return false;
  report.summaryRows = (report.summaryRows ?? 0) + 1;
  warnRow(report, {
    file,
    line,
    col: col + 1,
    code: "HY-SUMMARY",
    ...keyedMessage("input.summaryRow", { cell: (fields[col] ?? "").trim().slice(0, 20) }),
  });
  return true;
}

/**
 * Counts a row and hands it on with its `reject`, or rejects it (HY-FIELDS) when its width is wrong. A
 * totals or notes row (a summary word in one of `keys`, the first column by default) is skipped.
 */
export function countRow(
  file: string,
  width: number,
  report: InputReport,
  line: number,
  fields: string[],
  keys: readonly number[] = [0],
): DataRow | undefined {
  if (skipSummary(file, report, line, fields, keys)) return undefined;
  report.rows++;
  const reject = (problem: RowProblem) => rejectRow(report, { file, line, ...problem });
  if (fields.length === width) return { line, fields, reject };
  reject({
    col: Math.min(fields.length, width) + 1,
    code: "HY-FIELDS",
    ...keyedMessage("input.fields", { width, count: fields.length }),
  });
  return undefined;
}

/**
 * A row read once because it repeats an earlier one (HY-REPEAT in `problem`): counted in `repeatedRows`, not
 * as a data row (`counted`: the caller had counted it already), and listed as a warning.
 */
export function readOnce(report: InputReport, problem: InputProblem, { counted = false } = {}): void {
  if (counted) report.rows--;
  report.repeatedRows = (report.repeatedRows ?? 0) + 1;
  warnRow(report, problem);
}

/**
 * The data rows of a source. A row equal cell for cell to an earlier row of the file is read once: the
 * repeat is counted (`repeatedRows`) and listed as HY-REPEAT; rows that share a key but differ stay the
 * kinds' HY-DUP. (Held per file: the daily, water and ledger files read here are small.)
 */
export async function* dataRows(source: CsvSource, report: InputReport): AsyncGenerator<DataRow> {
  const width = source.header.fields.length;
  const keys = summaryColumns(source.header.fields);
  const seen = new Map<string, number>();
  for await (const { line, fields } of source.records) {
    const text = fields.join("\u001f");
    const first = seen.get(text);
    if (first !== undefined && fields.length === width) {
      readOnce(report, {
        file: source.file,
        line,
        code: "HY-REPEAT",
        ...keyedMessage(source.sheet ? "input.repeatRow" : "input.repeatLine", { first }),
      });
      continue;
    }
    const row = countRow(source.file, width, report, line, fields, keys);
    if (row) {
      seen.set(text, line);
      yield row;
    }
  }
}
