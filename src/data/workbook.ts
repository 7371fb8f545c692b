// Workbooks (.xlsx, .xls) as a second source beside CSV: each worksheet becomes the records a CSV file
// would give (row number for line, column A as field 1), so the data kinds read them unchanged. Loaded
// only when an input is a workbook: the parser stays out of the start-up of CSV runs.
import { readFile, stat } from "node:fs/promises";
import type { CellObject, Range, WorkBook } from "@e965/xlsx";
import { inputError, keyedProblem } from "../errors.js";
import { readError, type CsvRecord } from "./csv.js";
import { excelSerialDateTime, formatHasTime, isDateFormat, type WorkbookFormat } from "./workbook-cells.js";

/** One worksheet as rows of text cells. */
export interface SheetTable {
  name: string;
  /** Rows holding at least one cell, in order; `line` is the sheet's row number (1-based). */
  rows: CsvRecord[];
  /** Merged ranges (0-based rows and columns, as the parser gives them). */
  merges: Range[];
}

export interface Workbook {
  format: WorkbookFormat;
  sheetNames: string[];
  /** The rows of one sheet, converted when first asked for. */
  sheet: (index: number) => SheetTable;
}

/** A workbook this large is better exported as CSV: the parser holds all of it in memory. */
export const MAX_WORKBOOK_BYTES = 200 * 1024 * 1024;

/** Reads the workbook at `path` (default: `file`, the name problems carry). */
export async function openWorkbook(file: string, format: WorkbookFormat, path = file): Promise<Workbook> {
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > MAX_WORKBOOK_BYTES)
      throw inputError(keyedProblem({ file, code: "HY-READ" }, "input.workbookTooLarge", { size }));
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof Error && e.name === "InputError") throw e;
    throw readError(file, e);
  }
  // Imported here, not at the top: the bundle (scripts/bundle.mjs) keeps the parser out of every CSV run.
  const { read } = await import("@e965/xlsx");
  let book: WorkBook;
  try {
    book = read(bytes, { type: "buffer", dense: true, cellNF: true, cellHTML: false, cellFormula: false });
  } catch (e) {
    throw inputError(
      keyedProblem({ file, code: "HY-READ" }, "input.notWorkbook", {
        format,
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
  }
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const cache = new Map<number, SheetTable>();
  return {
    format,
    sheetNames: [...book.SheetNames],
    sheet: (index) => {
      const name = book.SheetNames[index] ?? "";
      let table = cache.get(index);
      if (!table) cache.set(index, (table = sheetTable(name, book.Sheets[name], date1904)));
      return table;
    },
  };
}

type Sheet = WorkBook["Sheets"][string] | undefined;

function sheetTable(name: string, sheet: Sheet, date1904: boolean): SheetTable {
  const data = (sheet?.["!data"] ?? []) as (CellObject | undefined)[][] | undefined;
  const merges = (sheet?.["!merges"] ?? []) as Range[];
  const rows: CsvRecord[] = [];
  (data ?? []).forEach((cells, r) => {
    if (!cells) return;
    const fields = Array.from(cells, (cell) => cellText(cell, date1904));
    while (fields.length > 0 && fields[fields.length - 1] === "") fields.pop();
    if (fields.length > 0) rows.push({ line: r + 1, fields });
  });
  return { name, rows, merges };
}

/** A cell as the text a CSV export of it would hold: the stored value, never the formatted display. */
export function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return "";
  const v = cell.v;
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (cell.t === "e") return cell.w ?? "#ERROR";
  const format = typeof cell.z === "string" ? cell.z : "";
  if (isDateFormat(format)) return excelSerialDateTime(v, date1904, formatHasTime(format)) ?? String(v);
  return String(v);
}
