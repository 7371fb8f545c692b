// Problems with the user's input, carried as values to the CLI edge and printed once, in one style.

export interface InputProblem {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based column: the CSV field number, or the character column in a YAML file. */
  col?: number;
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

/** `file:line:col  field  message [CODE]`, the one format every problem is printed in. */
export function formatProblem(p: InputProblem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
  const parts = [where];
  if (p.field) parts.push(p.field);
  parts.push(`${p.message} [${p.code}]`);
  return parts.join("  ");
}

const MAX_QUOTED = 40;

/** A cell as a message quotes it: in quotes, cut short, so a 1 MB cell does not become a 1 MB message. */
export function quoted(cell: string): string {
  const chars = [...cell];
  return chars.length <= MAX_QUOTED
    ? `"${cell}"`
    : `"${chars.slice(0, MAX_QUOTED).join("")}…" (${chars.length} characters)`;
}
