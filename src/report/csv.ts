// CSV for spreadsheets: one row per target, RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte-order
// mark so Excel reads the Chinese titles and quotes as UTF-8. Text cells that a spreadsheet would run as
// a formula (starting with = + - @, tab or CR) get a leading ' ; number cells are written as numbers,
// so a margin of -7 stays -7.
import type { TargetResult } from "../engine/result.js";
import { t, type Lang, type MessageKey } from "../i18n.js";
import type { Formatter } from "./format.js";
import { familyOf, fixed } from "./markdown.js";

const BOM = "\uFEFF";

/** A cell: text (guarded against formula injection), a number (written as is), or empty. */
type Cell = string | { number: string } | null;

const num = (value: number | null, decimals = 0): Cell =>
  value === null ? null : { number: fixed(value, decimals) };

/** `'=HYPERLINK(...)`: a spreadsheet shows such a cell as text instead of evaluating it. */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a cell with a comma, quote, CR or LF is quoted, its quotes doubled. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(cell: Cell): string {
  if (cell === null) return "";
  return typeof cell === "string" ? quoteCsv(guardFormula(cell)) : cell.number;
}

const COLUMNS = [
  "id",
  "title",
  "family",
  "status",
  "informational",
  "actual",
  "unit",
  "op",
  "target",
  "tolerance",
  "margin",
  "validDays",
  "clause",
  "quote",
  "reason",
] as const;

type Column = (typeof COLUMNS)[number];

function cells(r: TargetResult, lang: Lang): Record<Column, Cell> {
  return {
    id: r.id,
    title: r.title,
    family: familyOf(r),
    status: t(lang, `status.${r.status}`),
    informational: t(lang, r.informational ? "csv.yes" : "csv.no"),
    actual: num(r.actual, r.decimals),
    unit: r.unit,
    op: r.op,
    // A range is text: `low..high`.
    target: Array.isArray(r.target) ? `${r.target[0]}..${r.target[1]}` : num(r.target),
    tolerance: num(r.tolerance),
    margin: num(r.margin, r.decimals),
    validDays: num(r.validDays),
    clause: r.clause,
    quote: r.clauseText,
    reason: r.detail.reason ?? null,
  };
}

export const formatCsv: Formatter = (report, { lang }) => {
  const header = COLUMNS.map((c) => cellText(t(lang, `csv.${c}` as MessageKey)));
  const rows = report.results.map((r) => {
    const row = cells(r, lang);
    return COLUMNS.map((c) => cellText(row[c]));
  });
  return BOM + [header, ...rows].map((row) => `${row.join(",")}\r\n`).join("");
};
