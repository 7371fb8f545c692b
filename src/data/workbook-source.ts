// One worksheet of a workbook as a source of records: which sheet (the first with a header hy-check reads,
// or --sheet), where its header is (title rows above it skipped), and merged cells filled as they show.
import { columnLetters, inputError, keyedMessage, keyedProblem } from "../errors.js";
import type { CsvRecord, CsvSource } from "./csv.js";
import { openWorkbook, type SheetTable } from "./workbook.js";
import type { WorkbookFormat } from "./workbook-cells.js";
import type { Range } from "@e965/xlsx";

/** Rows above the header a sheet may hold (a title, a unit line, the export's date). */
const MAX_TITLE_ROWS = 10;
/** Rows after a candidate header that its kind is judged on. */
const FOLLOWING_ROWS = 3;

/** Whether a row is the header of data hy-check reads, given the rows after it. */
export type HeaderTest = (header: readonly string[], following: readonly CsvRecord[]) => boolean;

const rangeText = (m: Range) =>
  `${columnLetters(m.s.c + 1)}${m.s.r + 1}:${columnLetters(m.e.c + 1)}${m.e.r + 1}`;

/** The index (in `rows`) of the sheet's header row, if one of its first rows is one. */
export function headerIndex(table: SheetTable, isHeader: HeaderTest): number | undefined {
  const rows = table.rows;
  for (let i = 0; i < Math.min(rows.length, MAX_TITLE_ROWS + 1); i++) {
    const following = rows.slice(i + 1, i + 1 + FOLLOWING_ROWS).map((r) => withMerges(r, table.merges, rows));
    if (isHeader(rows[i]?.fields ?? [], following)) return i;
  }
  return undefined;
}

/** A data row with the cells of merged ranges filled with the range's value, as the sheet shows them. */
function withMerges(row: CsvRecord, merges: readonly Range[], rows: readonly CsvRecord[]): CsvRecord {
  const r = row.line - 1;
  const inRow = merges.filter((m) => m.s.r <= r && r <= m.e.r && (m.s.r !== m.e.r || m.s.c !== m.e.c));
  if (inRow.length === 0) return row;
  const fields = [...row.fields];
  for (const m of inRow) {
    const topLeft = m.s.r === r ? fields[m.s.c] : rows.find((x) => x.line === m.s.r + 1)?.fields[m.s.c];
    for (let c = m.s.c; c <= m.e.c; c++) {
      while (fields.length <= c) fields.push("");
      fields[c] = topLeft ?? "";
    }
  }
  return { line: row.line, fields };
}

/** The sheet a `--sheet` value names: a sheet's exact name first, else its 1-based number. */
function chosenSheet(file: string, names: readonly string[], wanted: string): number {
  const byName = names.indexOf(wanted);
  if (byName !== -1) return byName;
  const n = Number(wanted);
  if (Number.isInteger(n) && n >= 1 && n <= names.length) return n - 1;
  throw inputError(
    keyedProblem({ file, code: "HY-SHEET" }, "input.noSheet", {
      wanted: JSON.stringify(wanted),
      sheets: names.map((s, i) => `${i + 1} ${s}`).join(", "),
    }),
  );
}

/**
 * Opens a worksheet as a source: with `sheet`, that one; otherwise the first whose header (within its first
 * rows) is one hy-check reads. Merged cells across the header are refused with their range; merged cells
 * below it are read as the sheet shows them (every cell of the range holds its value).
 */
export async function openSheet(
  file: string,
  format: WorkbookFormat,
  isHeader: HeaderTest,
  sheet?: string,
  path = file,
): Promise<CsvSource> {
  const book = await openWorkbook(file, format, path);
  const indexes =
    sheet === undefined ? book.sheetNames.map((_, i) => i) : [chosenSheet(file, book.sheetNames, sheet)];
  const tried: string[] = [];
  for (const index of indexes) {
    const table = book.sheet(index);
    const at = headerIndex(table, isHeader);
    if (at === undefined) {
      tried.push(table.name);
      continue;
    }
    return sheetSource(file, format, table, at);
  }
  const first = indexes.length === 1 ? book.sheet(indexes[0] ?? 0) : undefined;
  const merged = first?.merges.find((m) => m.s.r < MAX_TITLE_ROWS && m.e.r > m.s.r);
  throw inputError({
    file,
    ...(first ? { sheet: first.name, line: first.rows[0]?.line ?? 1, col: 1 } : {}),
    code: "HY-KIND",
    message:
      `no header hy-check reads in the first ${MAX_TITLE_ROWS + 1} rows of ${tried.length === 1 ? "sheet" : "sheets"} ${tried.join(", ") || "(none)"}; ` +
      `expected a date column and pollutant columns (e.g. 日期, PM2.5, PM10 ...)` +
      (merged
        ? `; cells ${rangeText(merged)} are merged over two header rows: hy-check reads one header row, so unmerge them and give each column its own name`
        : sheet === undefined && book.sheetNames.length > 1
          ? "; choose a sheet with --sheet NAME|N"
          : ""),
  });
}

function sheetSource(file: string, format: WorkbookFormat, table: SheetTable, at: number): CsvSource {
  const header = table.rows[at] as CsvRecord;
  const r = header.line - 1;
  const across = table.merges.find(
    (m) => m.s.r <= r && r <= m.e.r && (m.s.r !== m.e.r || m.s.c !== m.e.c) && m.s.c < header.fields.length,
  );
  if (across)
    throw inputError({
      file,
      sheet: table.name,
      line: across.s.r + 1,
      col: across.s.c + 1,
      code: "HY-COLUMN",
      ...keyedMessage("input.mergedHeader", { range: rangeText(across) }),
    });
  const rows = table.rows;
  const width = header.fields.length;
  // Empty cells at a row's end are cells of the table, not missing fields: the row is as wide as the header.
  async function* records(): AsyncGenerator<CsvRecord> {
    for (const row of rows.slice(at + 1)) {
      const { line, fields: cells } = withMerges(row, table.merges, rows);
      const fields = [...cells];
      while (fields.length < width) fields.push("");
      yield { line, fields };
    }
  }
  return {
    file,
    encoding: "utf-8",
    size: 0,
    header,
    records: records(),
    close: () => undefined,
    sheet: { name: table.name, format },
  };
}
