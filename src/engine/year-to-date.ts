// Year to date: the year so far against the year's target. Any air metric is also evaluated on the year before
// (the same metric on that year's store, the window moved back a year: one path for every metric, as a
// change-over-time check wraps any metric), for the same months last year (同比) and for the season's pattern.
import type { AirStore } from "../data/air-store.js";
import { daysBetween } from "../data/values.js";
import { roundGbt8170 } from "../methods/rounding.js";
import type { AirMetricContext, Window } from "../metrics/air/context.js";
import { airMetricOverScope } from "../metrics/air/scope.js";
import type { AirMetricDefinition } from "../metrics/metric.js";
import type { Target, TargetFile } from "../targets/schema.js";
import type { MetricOutcome } from "./outcome.js";
import type { LostReason, Projection } from "./projection.js";
import type { Status } from "./compare.js";
import { profileFactor, seasonalOutlook, type ChangeUnit, type Season } from "./seasonal.js";

/** The same months of the previous year, and the change since (同比). */
export interface SameTimeLastYear {
  year: number;
  from: string;
  to: string;
  /** The value then, reported as the target's value is. */
  value: number;
  /** Now against then: percent for concentrations, percentage points for rates, days for counts. */
  change: number;
  unit: ChangeUnit;
}

/** Another year's air store, as the readers kept it. */
export interface OtherYear {
  year: number;
  store: AirStore;
}

export interface YearToDate {
  projection?: Projection;
  lostReason?: LostReason;
  sameTimeLastYear?: SameTimeLastYear;
}

/** A date moved by whole years; 29 February becomes the 28th. */
export function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === "02-29" && !leap ? "02-28" : monthDay}`;
}

/** The day after a date. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A target's metric over its scope on another year's store and window: the wrapper every metric goes through. */
export function metricOnYear(
  ctx: AirMetricContext,
  def: AirMetricDefinition,
  target: Target,
  plan: TargetFile,
  other: OtherYear,
  window: Window,
): MetricOutcome {
  const onYear: AirMetricContext = {
    store: other.store,
    year: other.year,
    dayValidity: ctx.dayValidity,
    window,
    waivers: ctx.waivers,
    edition: ctx.edition,
  };
  return airMetricOverScope(onYear, def, target.metric, target.scope ?? {}, plan);
}

/** The year so far moved back a year, and the rest of that year. */
function previousYearWindows(window: Window, year: number): { soFar: Window; rest: Window } {
  const to = shiftYears(window.to, year - Number(window.to.slice(0, 4)));
  return { soFar: { from: `${year}-01-01`, to }, rest: { from: nextDay(to), to: `${year}-12-31` } };
}

/** 同比 on the reported values: the change in percent, percentage points or days, to one decimal. */
function changeOf(now: number, then: number, unit: ChangeUnit): number | null {
  if (unit !== "percent") return roundGbt8170(now - then, 1);
  return then === 0 ? null : roundGbt8170(((now - then) / then) * 100, 1);
}

/**
 * Year to date of an air target: the same months last year when the inputs hold them, what the rest of the
 * year allows (the metric's projection, where it has one), and the outlook on the season.
 */
export function yearToDate(
  target: Target,
  def: AirMetricDefinition,
  outcome: MetricOutcome,
  ctx: AirMetricContext,
  plan: TargetFile,
  previous: OtherYear | undefined,
): YearToDate {
  const through = ctx.window.to;
  const result: YearToDate = {};
  const last = previous && previousYearWindows(ctx.window, previous.year);
  const soFarThen = previous && last ? metricOnYear(ctx, def, target, plan, previous, last.soFar) : undefined;
  const model = def.seasonal?.(target.metric);
  if (soFarThen?.sufficient && soFarThen.actual !== null && outcome.actual !== null && last) {
    const unit = model?.change ?? "percent";
    const change = changeOf(outcome.actual, soFarThen.actual, unit);
    if (change !== null)
      result.sameTimeLastYear = {
        year: previous!.year,
        ...last.soFar,
        value: soFarThen.actual,
        change,
        unit,
      };
  }
  if (typeof target.value !== "number" || target.op === undefined) return result;
  const remainingDays = daysBetween(through, `${through.slice(0, 4)}-12-31`) - 1;
  const projected =
    target.scope?.area !== undefined && outcome.raw !== null && outcome.validDays !== null
      ? def.project?.(outcome, { op: target.op, value: target.value, remainingDays, through })
      : undefined;
  let projection: Projection | undefined;
  if (projected) {
    const { lostReason, ...rest } = projected;
    projection = rest;
    if (lostReason) result.lostReason = lostReason;
  }
  // The season: the previous year's months when the inputs hold them, else the shipped profile.
  let season: Season | undefined;
  if (model && previous && last && soFarThen?.sufficient) {
    const restThen = metricOnYear(ctx, def, target, plan, previous, last.rest);
    const [a, b] = [model.burden(soFarThen), restThen.sufficient ? model.burden(restThen) : null];
    if (a !== null && b !== null && a > 0)
      season = { pattern: "previous-year", patternYear: previous.year, factor: b / a };
  }
  if (model && !season) {
    const factor = profileFactor(model.series, through);
    if (factor !== undefined) season = { pattern: "default-profile", factor };
  }
  const outlook =
    model && season
      ? seasonalOutlook(model, outcome, { op: target.op, value: target.value }, through, season)
      : undefined;
  if (outlook) {
    const lost = projection?.lost === true;
    projection = {
      ...(projection ?? { status: outlook.status, remainingDays }),
      status: lost ? "off-track" : outlook.status,
      season: outlook.season,
    };
  }
  if (projection) result.projection = projection;
  return result;
}

/**
 * The status of a year-to-date result: fail only when the year's target is lost for certain; otherwise pass on
 * track and warn (in progress) at risk or off track; without an outlook, a value so far short of the annual
 * target is in progress, not failed.
 */
export function yearToDateStatus(
  compared: Status,
  ytd: YearToDate,
  through: string,
): { status: Status; reasonCode?: string; reasonParams?: Record<string, string | number> } {
  if (ytd.lostReason)
    return { status: "fail", reasonCode: ytd.lostReason.code, reasonParams: ytd.lostReason.params };
  const p = ytd.projection;
  if (p?.season) {
    if (p.status === "on-track") return { status: "pass" };
    return {
      status: "warn",
      reasonCode: "ytd-behind",
      reasonParams: { through, expected: p.season.expected, pace: p.season.pace },
    };
  }
  if (compared === "fail")
    return { status: "warn", reasonCode: "ytd-in-progress", reasonParams: { through } };
  return { status: compared };
}
