// The terminal table: one row per target, per-area rows under combined targets, then the notes and the
// data basis of the view. Given a width, the table fits it: the title and id wrap, the least important
// columns go first, and the notes wrap.
import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Status } from "../engine/compare.js";
import type { Formatter } from "./format.js";
import { buildView, type CheckView, type ResultRow, type SubRow } from "./view.js";
import { t } from "../i18n.js";
import { displayWidth, fitColumns, longestPiece, wrapText } from "./width.js";

/** A cell's text and how it is painted once wrapped (each line alone, so a colour never spans a break). */
interface Cell {
  text: string;
  paint?: (line: string) => string;
  /** Already laid out (a table of its own): never wrapped again, which would break its borders. */
  laidOut?: true;
  /** The least width it wraps to; by default its widest unbreakable piece. */
  min?: number;
}

// Column indices in the view's head.
const ID = 0;
const TITLE = 1;
const [REQUIRED, MARGIN, BASELINE, VALID_DAYS, CLAUSE] = [4, 5, 6, 7, 8];
/** The columns a narrow table drops, least important first. */
const DROP_ORDER = [CLAUSE, BASELINE, MARGIN, VALID_DAYS, REQUIRED];
/** The narrowest the id and title columns wrap to (the title stays wider: it is what a reader reads). */
const FLOORS: Readonly<Record<number, number>> = { [ID]: 10, [TITLE]: 14 };
/** cli-table3: one space each side of a cell, one border character between and around cells. */
const CELL_PADDING = 2;
const BORDER = 1;

function statusColour(status: Status, chalk: ChalkInstance): ChalkInstance {
  if (status === "pass") return chalk.green;
  if (status === "warn") return chalk.yellow;
  if (status === "fail") return chalk.red.bold;
  return chalk.magenta;
}

function statusCell(row: ResultRow, chalk: ChalkInstance): Cell {
  if (row.manual) return { text: row.label, paint: chalk.dim, min: displayWidth(row.label) };
  const colour = statusColour(row.status, chalk);
  // Only the status word is coloured, not the informational mark around it (which may wrap below it).
  return {
    text: row.label,
    paint: (line) => line.replace(row.statusWord, colour(row.statusWord)),
    min: displayWidth(row.statusWord),
  };
}

function subRowCells(s: SubRow, chalk: ChalkInstance): Cell[] {
  const mark: Cell = {
    text: s.mark,
    ...(s.noData ? { paint: chalk.magenta } : s.fails ? { paint: chalk.red } : {}),
  };
  // An area has no items or change: its row leaves those cells empty.
  const cells = ["", `  ${s.name}`, s.mark, s.value, "", s.items, s.change, String(s.count), ""];
  return cells.map((text, i) => (i === 2 ? mark : { text }));
}

function rowCells(row: ResultRow, chalk: ChalkInstance): Cell[][] {
  const main: Cell[] = [
    { text: row.id },
    { text: row.title },
    statusCell(row, chalk),
    whole(row.actual),
    { text: row.required },
    { text: row.margin },
    { text: row.baseline, ...(row.status === "pass" ? { paint: chalk.green } : {}) },
    whole(row.validDays),
    { text: row.clause },
  ];
  return [main, ...row.subRows.map((s) => subRowCells(s, chalk))];
}

/** A figure: it reads only whole, so it never wraps. */
function whole(text: string): Cell {
  return { text, min: displayWidth(text) };
}

function paint(cell: Cell, lines: readonly string[] = [cell.text]): string {
  return lines.map((line) => (cell.paint ? cell.paint(line) : line)).join("\n");
}

/**
 * A cli-table3 table of the cells; with a width, the columns that fit it, each cell wrapped to its
 * column. `wholeColumns` never wrap; `dropOrder` lists the columns that may go.
 */
function layTable(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: {
    color: boolean;
    width?: number;
    dropOrder?: readonly number[];
    /** The least width of some columns, whatever their pieces. */
    floors?: Readonly<Record<number, number>>;
    /** The columns that give way only when the others cannot (the title). */
    shrinkLast?: readonly number[];
  },
): string {
  const style = { head: options.color ? ["cyan"] : [], border: [], compact: true };
  if (options.width === undefined) {
    const table = new Table({ head: [...head], style });
    for (const cells of rows) table.push(cells.map((c) => paint(c)));
    return table.toString();
  }
  // A heading wraps between its words only: `Valid days` may, `有效天数` may not.
  const heading = (h: string): Cell => ({ text: h, min: Math.max(...h.split(" ").map(displayWidth)) });
  const columns = head.map((h, i) => [heading(h), ...rows.map((cells) => cells[i] ?? { text: "" })]);
  const natural = columns.map((cells) => Math.max(...cells.map((c) => displayWidth(c.text))));
  const minimum = columns.map((cells, i) =>
    Math.max(...cells.map((c) => c.min ?? longestPiece(c.text)), options.floors?.[i] ?? 0),
  );
  const fit = fitColumns({
    natural,
    minimum,
    dropOrder: options.dropOrder ?? [],
    shrinkLast: options.shrinkLast ?? [],
    width: options.width,
    padding: CELL_PADDING,
    border: BORDER,
  });
  const wrap = (cell: Cell, width: number) =>
    paint(
      cell,
      cell.text.split("\n").flatMap((line) => wrapText(line, width)),
    );
  const table = new Table({
    head: fit.kept.map((i, k) => wrap(heading(head[i] ?? ""), fit.widths[k] ?? 0)),
    colWidths: fit.widths.map((w) => w + CELL_PADDING),
    style,
  });
  for (const cells of rows)
    table.push(fit.kept.map((i, k) => wrap(cells[i] ?? { text: "" }, fit.widths[k] ?? 0)));
  return table.toString();
}

/**
 * The rows the table lists: by default the targets this input can touch; those it cannot (manual, not
 * checked) are said in one line per reason under the table. All rows when none would be left.
 */
function shownRows(view: CheckView, all: boolean): ResultRow[] {
  const touched = view.rows.filter((row) => !row.manual && !row.notChecked);
  return all || touched.length === 0 ? view.rows : touched;
}

/** The notes under the table and the data basis, each a cell: its text and its colour. */
function footer(
  view: CheckView,
  chalk: ChalkInstance,
  color: boolean,
  width: number | undefined,
  hidden: number,
): Cell[] {
  const { notes, basis } = view;
  // Rows left out: their reasons are said once, per kind, not per target.
  const manualIds = new Set(hidden > 0 ? (notes.manual?.ids ?? []) : []);
  const projectionColour = {
    "on-track": chalk.green,
    "at-risk": chalk.yellow,
    "off-track": chalk.red,
  } as const;
  const lines: Cell[] = [
    { text: view.summary.text },
    ...(notes.footnote !== undefined ? [{ text: notes.footnote }] : []),
    ...notes.reasons.filter((r) => !manualIds.has(r.id)).map((r) => ({ text: r.text, paint: chalk.magenta })),
    ...notes.projections.map((p) => ({ text: p.text, paint: projectionColour[p.status] })),
    ...notes.waivers.map((w) => ({ text: w.text, paint: w.expired ? chalk.yellow : chalk.cyan })),
    ...notes.waivedDays.map((text) => ({ text, paint: chalk.cyan })),
  ];
  const editions = notes.editions;
  if (editions) {
    const rows = editions.rows.map((cells) => cells.map((text) => ({ text })));
    lines.push(
      { text: "" },
      { text: editions.title, paint: chalk.bold },
      {
        text: layTable(editions.head, rows, { color, ...(width !== undefined ? { width } : {}) }),
        laidOut: true,
      },
      { text: editions.legend },
    );
  }
  if (notes.revisions)
    lines.push(
      { text: notes.revisions.summary, paint: chalk.yellow },
      ...notes.revisions.largest.map((text) => ({ text: `  ${text}` })),
    );
  lines.push(
    ...notes.notChecked.map((n) => ({ text: n.text, paint: chalk.magenta })),
    ...(hidden > 0 && notes.manual ? [{ text: notes.manual.text, paint: chalk.dim }] : []),
    ...(hidden > 0 ? [{ text: t(view.lang, "table.hidden", { count: hidden }), paint: chalk.dim }] : []),
    { text: "" },
    { text: basis.title, paint: chalk.bold },
    { text: basis.standards },
    { text: basis.window },
    { text: basis.dayValidity },
    ...(basis.hourConvention !== undefined ? [{ text: basis.hourConvention }] : []),
    ...(basis.noInputs !== undefined ? [{ text: basis.noInputs }] : []),
    ...basis.inputs.map((text) => ({ text })),
    ...basis.skipped.map((text) => ({ text, paint: chalk.yellow })),
    ...basis.capture.map((text) => ({ text, paint: chalk.yellow })),
    ...basis.inputNotes.map((n) =>
      n.detail ? { text: `  ${n.text}` } : { text: n.text, paint: chalk.yellow },
    ),
  );
  return lines;
}

export const formatTable: Formatter = (report, { lang, color, width, all = false }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const view = buildView(report, lang);
  const head = view.head;
  const rows = shownRows(view, all);
  const table = layTable(
    head,
    rows.flatMap((row) => rowCells(row, chalk)),
    {
      color,
      ...(width !== undefined ? { width } : {}),
      dropOrder: DROP_ORDER,
      floors: FLOORS,
      shrinkLast: [TITLE],
    },
  );
  const wrapped = (cell: Cell) =>
    width === undefined || cell.laidOut
      ? paint(cell)
      : paint(
          cell,
          cell.text.split("\n").flatMap((line) => wrapText(line, width)),
        );
  const lines = [
    wrapped({ text: view.plan.line }),
    table,
    ...footer(view, chalk, color, width, view.rows.length - rows.length).map(wrapped),
  ];
  return `${lines.join("\n")}\n`;
};
