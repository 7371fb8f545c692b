// What every air metric reads: an area's daily values inside the evaluation window, less the waived days,
// and the HJ 663-2013 capture of the days it used.
import { sharedDailyValues, type AirStore } from "../../data/air-store.js";
import {
  type AqiEdition,
  windowValidity,
  type AnnualValidity,
  type DailyValues,
  type DayValidityRule,
} from "../../methods/air.js";
import { roundGbt8170 } from "../../methods/rounding.js";
import { daysInMonth } from "../../data/values.js";
import type { Waiver } from "../../targets/waiver.js";
import type { MetricOutcome } from "../../engine/outcome.js";

export interface Window {
  from: string;
  to: string;
}

export interface AirMetricContext {
  store: AirStore;
  year: number;
  dayValidity: DayValidityRule;
  /** The days evaluated: the plan's calendar year, the year so far (--as-of) or a --period. */
  window: Window;
  /** Year to date: the year's last day, to project the annual targets to; absent otherwise. */
  projectTo?: string;
  /** Waivers in force (not expired). */
  waivers: readonly Waiver[];
  /** The AQI edition the plan applies. */
  edition: AqiEdition;
}

/**
 * The area's days inside the evaluation window, less what the active waivers exclude (a day, or some
 * pollutants: that day's values are then a copy without them). To be read, never changed: the values are the
 * store's, shared by every target.
 */
export function daysInWindow(
  ctx: AirMetricContext,
  area: string,
): ReadonlyMap<string, Readonly<DailyValues>> {
  const { window } = ctx;
  const shared = sharedDailyValues(ctx.store, area);
  // Every day inside the window and no waiver: the shared days as they are (the usual whole-year run).
  if (ctx.waivers.length === 0 && shared.first >= window.from && shared.last <= window.to) return shared.days;
  const days = new Map<string, Readonly<DailyValues>>();
  for (const [date, values] of shared.days) {
    if (date < window.from || date > window.to) continue;
    let kept: Readonly<DailyValues> | undefined = values;
    for (const w of ctx.waivers) {
      if (date < w.from || date > w.to || (w.areas && !w.areas.includes(area))) continue;
      if (!w.pollutants) {
        kept = undefined;
        break;
      }
      const copy: DailyValues = { ...kept };
      for (const p of w.pollutants) delete copy[p];
      kept = copy;
    }
    if (kept) days.set(date, kept);
  }
  return days;
}

/** Days of the window that an active waiver touches in an area, to be shown beside the result. */
export function waivedDays(ctx: AirMetricContext, area: string): number {
  const { days } = sharedDailyValues(ctx.store, area);
  let n = 0;
  for (const date of days.keys()) {
    if (date < ctx.window.from || date > ctx.window.to) continue;
    if (ctx.waivers.some((w) => date >= w.from && date <= w.to && (!w.areas || w.areas.includes(area)))) n++;
  }
  return n;
}

/** The window's days on which `pick` gives a value, and those values. */
export function collect(
  ctx: AirMetricContext,
  area: string,
  pick: (values: DailyValues) => number | undefined,
): { dates: string[]; values: number[] } {
  const dates: string[] = [];
  const values: number[] = [];
  for (const [date, day] of daysInWindow(ctx, area)) {
    const v = pick(day);
    if (v === undefined) continue;
    dates.push(date);
    values.push(v);
  }
  return { dates, values };
}

/** Year to date, the month still in progress is never short of its day count: only its days so far are known. */
function inProgress(ctx: AirMetricContext, validity: AnnualValidity): AnnualValidity {
  const to = ctx.window.to;
  const month = Number(to.slice(5, 7));
  if (!ctx.projectTo || Number(to.slice(8, 10)) === daysInMonth(Number(to.slice(0, 4)), month))
    return validity;
  const shortMonths = validity.shortMonths.filter((m) => m.month !== month);
  return { ...validity, shortMonths, valid: shortMonths.length === 0 && validity.days > 0 };
}

/** The outcome of a value computed on `validDates`, sufficient when HJ 663-2013's day counts hold. */
export function withValidity(
  ctx: AirMetricContext,
  raw: number | null,
  decimals: number,
  validDates: string[],
): MetricOutcome {
  const validity = inProgress(ctx, windowValidity(validDates, ctx.window.from, ctx.window.to));
  const actual = raw === null ? null : roundGbt8170(raw, decimals);
  const outcome: MetricOutcome = {
    raw,
    actual,
    decimals,
    validDays: validity.days,
    sufficient: validity.valid,
  };
  if (!validity.valid) {
    const wholeYear = ctx.window.from.endsWith("-01-01") && ctx.window.to.endsWith("-12-31");
    outcome.reasonCode = "insufficient";
    outcome.reasonParams = {
      days: validity.days,
      from: ctx.window.from,
      to: ctx.window.to,
      window: wholeYear ? "year" : "part",
      months: validity.shortMonths.map((m) => `${m.month}: ${m.days}/${m.required}`).join(", "),
    };
    outcome.shortMonths = validity.shortMonths;
  }
  return outcome;
}

/** Days of the window a statistic of the area could use: every day but those a waiver excludes whole. */
export function countedDays(ctx: AirMetricContext, area: string): number {
  const start = Date.parse(`${ctx.window.from}T00:00:00Z`);
  const end = Date.parse(`${ctx.window.to}T00:00:00Z`);
  const whole = ctx.waivers.filter((w) => !w.pollutants && (!w.areas || w.areas.includes(area)));
  // Without a waiver of whole days here, every day of the window counts (asked per area and target).
  if (whole.length === 0) return end < start ? 0 : Math.round((end - start) / 86_400_000) + 1;
  let days = 0;
  for (let t = start; t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (!whole.some((w) => date >= w.from && date <= w.to)) days++;
  }
  return days;
}
