// What a workbook is and what its cells mean, without the parser: the container from the first bytes,
// date formats, and Excel's serial day numbers (1900 and 1904 date systems).
import { extname } from "node:path";

export type WorkbookFormat = "xlsx" | "xls";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// The OLE compound file of legacy .xls (BIFF8) workbooks.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The workbook format of a file, from its first bytes (a workbook renamed .csv is still one), else from
 * its name (an `.xls` that is really an HTML or XML table, as some platforms export, goes to the parser too).
 */
export function workbookFormat(file: string, sample: Uint8Array): WorkbookFormat | undefined {
  if (startsWith(sample, ZIP_MAGIC)) return "xlsx";
  if (startsWith(sample, OLE_MAGIC)) return "xls";
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".xls") return "xls";
  return undefined;
}

/** The file names a folder input reads. */
export const DATA_FILE_PATTERN = /\.(csv|xlsx|xlsm|xls)$/i;

/** A number format without its quoted text, escaped characters and [colour]/[$-locale] parts. */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"|\\./g, "").replace(/\[[^\]]*\]/g, "");
}

/** A number format that shows a date or time (`yyyy-mm-dd`, `m/d/yy h:mm`, `yyyy"年"m"月"d"日"`). */
export function isDateFormat(format: string): boolean {
  const codes = formatCodes(format);
  return codes.toLowerCase() !== "general" && /[ymdhs]/i.test(codes);
}

/** A date format that also shows the time of day. */
export function formatHasTime(format: string): boolean {
  return /h/i.test(formatCodes(format));
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial day number as `YYYY-MM-DD` (with ` HH:MM` when `withTime` or the serial has a time part).
 * 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was (serial 60), so
 * serials after it are one day ahead; 60 itself is no date (null). 1904 system (old Mac workbooks): serial 0
 * is 1904-01-01.
 */
export function excelSerialDateTime(serial: number, date1904: boolean, withTime = false): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  let days = Math.floor(serial);
  let minutes = Math.round((serial - days) * 1440);
  if (minutes === 1440) {
    days++;
    minutes = 0;
  }
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (days === 60 || days < 1) return null;
  else epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
  if (!withTime && minutes === 0) return date;
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${date} ${hh}:${mm}`;
}
