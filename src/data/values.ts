// Cell values: numbers, missing-value markers and the date spellings of Chinese and English exports.

/** Cells that mean "no value": empty, dashes, NA, NaN (any case). They are missing, never zero. */
const MISSING = new Set(["", "-", "--", "—", "——", "na", "n/a", "nan", "null", "/"]);

export type CellNumber = { kind: "missing" } | { kind: "number"; value: number } | { kind: "invalid" };

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function foldDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff0b\uff0d]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** 1,234 and 1,234,567.8 (Excel's thousands format, usually in a quoted cell); not 12,34. */
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function parseCellNumber(raw: string): CellNumber {
  let text = foldDigits(raw.trim());
  if (THOUSANDS.test(text)) text = text.replace(/,/g, "");
  if (MISSING.has(text.toLowerCase())) return { kind: "missing" };
  if (!NUMBER_PATTERN.test(text)) return { kind: "invalid" };
  const value = Number(text);
  // 1e-400 underflows to 0: a cell that is not zero is never read as zero.
  if (value === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ""))) return { kind: "invalid" };
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const DATE_PATTERNS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, // 2019-01-01, 2019/1/1, 2019.1.1
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/, // 2019年1月1日
  /^(\d{4})(\d{2})(\d{2})$/, // 20190101
];

/** A calendar date as `YYYY-MM-DD`, or null. A midnight time part (`2019-01-01 00:00`) is accepted. */
export function parseDate(raw: string): string | null {
  const text = foldDigits(raw.trim()).replace(/[T\s]+0{1,2}:00(:00)?$/, "");
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

/** Days from `from` to `to` inclusive, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
