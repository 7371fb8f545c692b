// CSV for spreadsheets: one row per target, RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte-order
// mark so Excel reads the Chinese titles and quotes as UTF-8. Text cells that a spreadsheet would run as
// a formula (starting with = + - @, tab or CR) get a leading ' ; number cells are written as numbers,
// so a margin of -7 stays -7.
import { t, type Lang, type MessageKey } from "../i18n.js";
import type { Formatter } from "./format.js";
import { buildView, type ResultRow } from "./view.js";

const BOM = "\uFEFF";

/** A cell: text (guarded against formula injection), a number (written as is), or empty. */
type Cell = string | { number: string } | null;

const num = (text: string | null): Cell => (text === null ? null : { number: text });

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
  "basis",
] as const;

type Column = (typeof COLUMNS)[number];

function cells(r: ResultRow, lang: Lang): Record<Column, Cell> {
  const f = r.figures;
  return {
    id: r.id,
    title: r.title,
    family: r.family,
    status: r.statusWord,
    informational: t(lang, r.informational ? "csv.yes" : "csv.no"),
    actual: num(f.actualNumber),
    unit: f.unit,
    op: f.op,
    // A range is text: `low..high`.
    target: f.targetIsRange ? f.target : num(f.target),
    tolerance: num(f.tolerance),
    margin: num(f.marginNumber),
    validDays: num(f.validDays === null ? null : String(f.validDays)),
    clause: r.clause,
    quote: r.quote,
    reason: r.reason,
    basis: r.basisWord || null,
  };
}

export const formatCsv: Formatter = (report, { lang }) => {
  const header = COLUMNS.map((c) => cellText(t(lang, `csv.${c}` as MessageKey)));
  const rows = buildView(report, lang).rows.map((r) => {
    const row = cells(r, lang);
    return COLUMNS.map((c) => cellText(row[c]));
  });
  return BOM + [header, ...rows].map((row) => `${row.join(",")}\r\n`).join("");
};
