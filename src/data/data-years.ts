// Which year a run evaluates, from what was read: the target file's plan year, `--year`, or, for a file of
// standard limits (GB 3095), the data's own year. A run with no data rows, or none in the year it
// evaluates, is an input error that names what the data hold instead of a table of "no data".
import { InputError, keyedProblem, type InputProblem } from "../errors.js";
import type { MessageKey } from "../i18n.js";
import type { InputReport } from "./input-report.js";

/** A target file of standard limits: every target quotes a standard (`source.document`), none a plan. */
export function isStandardTargetFile(
  targets: readonly { source: { document?: string | undefined } }[],
): boolean {
  return targets.length > 0 && targets.every((t) => t.source.document !== undefined);
}

/** Days of each year between an input's first and last date. */
function daysPerYear(inputs: readonly InputReport[]): Map<number, number> {
  const days = new Map<number, number>();
  for (const { from, to } of inputs) {
    if (from === null || to === null) continue;
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      const start = Math.max(Date.parse(`${y}-01-01`), Date.parse(from));
      const end = Math.min(Date.parse(`${y}-12-31`), Date.parse(to));
      days.set(y, (days.get(y) ?? 0) + Math.round((end - start) / 86_400_000) + 1);
    }
  }
  return days;
}

/** `2019`, `2019, 2020`: the years the data's dates fall in. */
function yearsText(days: ReadonlyMap<number, number>): string {
  return [...days.keys()].sort((a, b) => a - b).join(", ");
}

/** A second year with more than a month of data makes "the data's year" a choice for the user. */
const AMBIGUOUS_DAYS = 31;

function problem(
  file: string,
  sheet: string | undefined,
  code: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): InputProblem {
  return keyedProblem({ file, ...(sheet !== undefined ? { sheet } : {}), code }, key, params);
}

/**
 * The year to evaluate, or the InputError that stops the run: no input with a data row (HY-EMPTY); for a
 * standard target file without `--year`, data spread over more than one year (HY-YEAR); or no dated row in
 * the year evaluated (HY-YEAR, naming the data's years).
 */
export function evaluationYear(
  inputs: readonly InputReport[],
  options: { planYear: number; standard: boolean; requestedYear?: number; targetsFile: string },
): number | InputError {
  if (inputs.every((i) => i.rows === 0)) {
    const problems = inputs.map((i) => problem(i.file, i.sheet, "HY-EMPTY", "input.noRows"));
    return new InputError(
      problems.length > 0
        ? problems
        : [problem(options.targetsFile, undefined, "HY-EMPTY", "input.noRowsAny")],
    );
  }
  const days = daysPerYear(inputs);
  if (days.size === 0) return options.requestedYear ?? options.planYear;
  let year = options.requestedYear ?? options.planYear;
  const dated = inputs.filter((i) => i.from !== null && i.to !== null);
  const atEachInput = (key: MessageKey, params: Record<string, string | number>) =>
    new InputError(
      dated.map((i) =>
        problem(i.file, i.sheet, "HY-YEAR", key, { ...params, from: i.from ?? "", to: i.to ?? "" }),
      ),
    );
  if (options.standard && options.requestedYear === undefined) {
    const ranked = [...days].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    const second = ranked[1];
    if (second && second[1] > AMBIGUOUS_DAYS)
      return atEachInput("input.yearAmbiguous", { years: yearsText(days) });
    year = ranked[0]?.[0] ?? year;
  }
  if (!days.has(year)) {
    const latest = Math.max(...days.keys());
    return atEachInput("input.yearOutside", { year, latest, years: yearsText(days) });
  }
  return year;
}
