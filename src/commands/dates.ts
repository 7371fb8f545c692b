// --period, --from/--to and --as-of, checked before any data is read: each mistake is a usage error (exit 2)
// that names the option and the range it must lie in, never an internal error further on.
import { z } from "zod";
import { t, type Lang } from "../i18n.js";
import { usageError } from "./options.js";

export const DateOptionsSchema = z.object({
  period: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  asOf: z.string().optional(),
});
export type DateOptions = z.infer<typeof DateOptionsSchema>;

/** The window and as-of date the engine gets, both inside the plan year. */
export interface CheckedDates {
  window?: { from: string; to: string };
  asOf?: string;
}

/** `--as-of year-end`: the plan year's last day, the whole-year reading. */
export const AS_OF_YEAR_END = "year-end";

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `YYYY-MM` with a month that exists, or a usage error naming --period. */
function checkedMonth(value: string, lang: Lang): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw usageError(t(lang, "usage.notMonth", { value }));
  return { from: `${value}-01`, to: `${value}-${pad(lastDayOfMonth(Number(m[1]), month))}` };
}

/** `YYYY-MM-DD` of a day that exists, or a usage error naming the option and the days its month has. */
function checkedDate(option: string, value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12)
    throw usageError(
      option === "--as-of"
        ? t(lang, "usage.notAsOf", { value })
        : t(lang, "usage.notDate", { option, value }),
    );
  const last = lastDayOfMonth(Number(m[1]), month);
  const day = Number(m[3]);
  if (day < 1 || day > last)
    throw usageError(t(lang, "usage.noSuchDay", { option, value, month: `${m[1]}-${m[2]}`, last }));
  return value;
}

/**
 * The date options as the engine takes them. The calendar and the combinations are checked first; the plan
 * year (loaded only when a date option is given) then bounds the window, and --as-of from below (a milestone may
 * be judged after the year), and gives year-end its day.
 */
export async function checkDates(
  opts: DateOptions,
  lang: Lang,
  planYear: () => Promise<number>,
): Promise<CheckedDates> {
  let window: { from: string; to: string } | undefined;
  let windowName = "";
  if (opts.period) {
    if (opts.from || opts.to) throw usageError(t(lang, "usage.periodWithFromTo"));
    window = checkedMonth(opts.period, lang);
    windowName = `--period ${opts.period}`;
  } else if (opts.from || opts.to) {
    if (!opts.from || !opts.to) throw usageError(t(lang, "usage.fromToTogether"));
    window = { from: checkedDate("--from", opts.from, lang), to: checkedDate("--to", opts.to, lang) };
    if (window.from > window.to) throw usageError(t(lang, "usage.fromAfterTo", window));
    windowName = `--from ${window.from} --to ${window.to}`;
  }
  const yearEnd = opts.asOf === AS_OF_YEAR_END;
  if (opts.asOf !== undefined && !yearEnd) checkedDate("--as-of", opts.asOf, lang);
  if (!window && opts.asOf === undefined) return {};

  const year = await planYear();
  const yearRange = { year, from: `${year}-01-01`, to: `${year}-12-31` };
  const inYear = (option: string, value: string, from: string, to: string) => {
    if (from < yearRange.from || to > yearRange.to)
      throw usageError(t(lang, "usage.outsideYear", { option, value, ...yearRange }));
  };
  if (window && opts.period) inYear("--period", opts.period, window.from, window.to);
  else if (window) {
    inYear("--from", window.from, window.from, window.from);
    inYear("--to", window.to, window.to, window.to);
  }
  const asOf = yearEnd ? yearRange.to : opts.asOf;
  if (asOf !== undefined) {
    // A later date is allowed: the whole year is evaluated, milestones and ledger figures at that date.
    inYear("--as-of", asOf, asOf, yearRange.to);
    if (window && (asOf < window.from || asOf > window.to))
      throw usageError(t(lang, "usage.asOfOutsideWindow", { asOf, window: windowName, ...window }));
  }
  return { ...(window ? { window } : {}), ...(asOf !== undefined ? { asOf } : {}) };
}
