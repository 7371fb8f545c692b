// Problems with the user's input, carried as values to the CLI edge and printed once, in one style.
import { safeText } from "./report/safe-text.js";

export interface InputProblem {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based column: the CSV field number, or the character column in a YAML file. */
  col?: number;
  /** The worksheet of a workbook input: `line` is then its row number and `col` its column (A = 1). */
  sheet?: string;
  /** The field or target-file path the problem is about, e.g. `PM2.5` or `targets[2].value`. */
  field?: string;
  /** A stable code for scripts, e.g. HY-COLUMN. */
  code: string;
  message: string;
}

/** Thrown by readers and loaders when the input cannot be used; the CLI maps it to exit code 2. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}

export function inputError(problem: InputProblem): InputError {
  return new InputError([problem]);
}

/** Lengths of a problem's parts as printed: a path, a field (a header cell), the message with its quotes. */
const MAX_PATH = 300;
const MAX_FIELD = 100;
const MAX_MESSAGE = 800;

/** `file:line:col  field  message [CODE]` (`file:sheet!C51` in a workbook), the one format every problem is printed in. */
export function formatProblem(p: InputProblem): string {
  let where = safeText(p.file, MAX_PATH);
  if (p.sheet !== undefined) where += `:${sheetPlace(p.sheet, p.line, p.col)}`;
  else {
    if (p.line !== undefined) where += `:${p.line}`;
    if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
  }
  const parts = [where];
  if (p.field) parts.push(safeText(p.field, MAX_FIELD));
  parts.push(`${safeText(p.message, MAX_MESSAGE)} [${p.code}]`);
  return parts.join("  ");
}

/** `Sheet1!C51` as Excel writes a reference (`Sheet1!51:51` for a whole row); odd names quoted, `'My sheet'!C51`. */
export function sheetPlace(sheet: string, row?: number, col?: number): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  if (row === undefined) return name;
  return col === undefined ? `${name}!${row}:${row}` : `${name}!${columnLetters(col)}${row}`;
}

/** 1 -> A, 26 -> Z, 27 -> AA: a column number as a spreadsheet names it. */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const MAX_QUOTED = 40;

/** A cell as a message quotes it: in quotes, cut short, so a 1 MB cell does not become a 1 MB message. */
export function quoted(cell: string): string {
  const chars = [...cell];
  return chars.length <= MAX_QUOTED
    ? `"${cell}"`
    : `"${chars.slice(0, MAX_QUOTED).join("")}…" (${chars.length} characters)`;
}
