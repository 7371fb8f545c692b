// Air metrics of a target: good-day rate and annual means per area, and their mean over areas.
import { areaDailyValues, type AirStore } from "../data/air-store.js";
import {
  type AqiEdition,
  windowValidity,
  dailyAqi,
  isValidAqiDay,
  mean,
  REPORTED_DECIMALS,
  type DailyValues,
  type DayValidityRule,
  type Pollutant,
} from "../methods/air.js";
import { roundGbt8170 } from "../methods/rounding.js";
import { compositeIndex, hj663Percentile } from "../methods/hourly.js";
import { t, type Lang } from "../i18n.js";
import type { AirMetric, Scope, TargetFile, Waiver } from "../targets/schema.js";
import type { MetricOutcome } from "./outcome.js";
import type { AreaValue } from "./result.js";

/** Good-day rate in percent to one decimal, as bulletins print it. */
const RATE_DECIMALS = 1;

export interface Window {
  from: string;
  to: string;
}

export interface AirMetricContext {
  store: AirStore;
  year: number;
  dayValidity: DayValidityRule;
  lang: Lang;
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
 * The area's days inside the evaluation window (by default the plan's calendar year), less what the active
 * waivers exclude (a whole day, or some pollutants of it).
 */
function daysOfYear(ctx: AirMetricContext, area: string): Map<string, DailyValues> {
  const { window } = ctx;
  const days = areaDailyValues(ctx.store, area);
  for (const [date, values] of days) {
    if (date < window.from || date > window.to) {
      days.delete(date);
      continue;
    }
    for (const w of ctx.waivers) {
      if (date < w.from || date > w.to || (w.areas && !w.areas.includes(area))) continue;
      if (!w.pollutants) days.delete(date);
      else for (const p of w.pollutants) delete values[p];
    }
  }
  return days;
}

/** Days of the window that an active waiver touches in an area, to be shown beside the result. */
export function waivedDays(ctx: AirMetricContext, area: string): number {
  const days = areaDailyValues(ctx.store, area);
  let n = 0;
  for (const date of days.keys()) {
    if (date < ctx.window.from || date > ctx.window.to) continue;
    if (ctx.waivers.some((w) => date >= w.from && date <= w.to && (!w.areas || w.areas.includes(area)))) n++;
  }
  return n;
}

function withValidity(
  ctx: AirMetricContext,
  raw: number | null,
  decimals: number,
  validDates: string[],
): MetricOutcome {
  const validity = windowValidity(validDates, ctx.window.from, ctx.window.to);
  const actual = raw === null ? null : roundGbt8170(raw, decimals);
  const outcome: MetricOutcome = {
    raw,
    actual,
    decimals,
    validDays: validity.days,
    sufficient: validity.valid,
  };
  if (!validity.valid) {
    const months = validity.shortMonths.map((m) => `${m.month}: ${m.days}/${m.required}`).join(", ");
    const wholeYear = ctx.window.from.endsWith("-01-01") && ctx.window.to.endsWith("-12-31");
    outcome.reasonCode = "insufficient";
    outcome.reason = t(ctx.lang, wholeYear ? "reason.insufficient" : "reason.insufficientWindow", {
      days: validity.days,
      from: ctx.window.from,
      to: ctx.window.to,
      months: months ? t(ctx.lang, "reason.shortMonths", { months }) : "",
    });
    outcome.shortMonths = validity.shortMonths;
  }
  return outcome;
}

/** Days with AQI <= 100 over valid days (HJ 633-2012 Table 2; HJ 663-2013), in percent. */
export function goodDayRate(ctx: AirMetricContext, area: string): MetricOutcome {
  const validDates: string[] = [];
  let goodDays = 0;
  for (const [date, values] of daysOfYear(ctx, area)) {
    const result = dailyAqi(values, { edition: ctx.edition });
    if (!isValidAqiDay(values, result, ctx.dayValidity)) continue;
    validDates.push(date);
    if ((result.aqi ?? Infinity) <= 100) goodDays++;
  }
  const raw = validDates.length === 0 ? null : (goodDays / validDates.length) * 100;
  return { ...withValidity(ctx, raw, RATE_DECIMALS, validDates), goodDays };
}

/** The year's days on which `pick` gives a value, and those values. */
function collect(
  ctx: AirMetricContext,
  area: string,
  pick: (values: DailyValues) => number | undefined,
): { dates: string[]; values: number[] } {
  const dates: string[] = [];
  const values: number[] = [];
  for (const [date, day] of daysOfYear(ctx, area)) {
    const v = pick(day);
    if (v === undefined) continue;
    dates.push(date);
    values.push(v);
  }
  return { dates, values };
}

/** Annual mean = arithmetic mean of the year's daily values (GB 3095-2012 section 3). */
export function annualMean(ctx: AirMetricContext, area: string, pollutant: Pollutant): MetricOutcome {
  const { dates, values } = collect(ctx, area, (day) => day[pollutant]);
  return withValidity(ctx, mean(values), REPORTED_DECIMALS[pollutant], dates);
}

/** HJ 663-2013 percentile of the daily values (CO 24 h p95, O3 daily max 8 h p90 for annual assessment). */
export function dailyPercentile(
  ctx: AirMetricContext,
  area: string,
  pollutant: Pollutant,
  p: number,
): MetricOutcome {
  const { dates, values } = collect(ctx, area, (day) => day[pollutant]);
  return withValidity(ctx, hj663Percentile(values, p), REPORTED_DECIMALS[pollutant], dates);
}

/** Valid days (by the file's dayValidity rule) with AQI above `level`, e.g. 200: heavy pollution or worse. */
export function daysAbove(ctx: AirMetricContext, area: string, level: number): MetricOutcome {
  let count = 0;
  const { dates } = collect(ctx, area, (day) => {
    const result = dailyAqi(day, { edition: ctx.edition });
    if (!isValidAqiDay(day, result, ctx.dayValidity)) return undefined;
    if ((result.aqi ?? 0) > level) count++;
    return result.aqi ?? undefined;
  });
  return withValidity(ctx, dates.length === 0 ? null : count, 0, dates);
}

const COMPOSITE_DECIMALS = 2;

/**
 * 综合指数 from the reported (rounded) annual statistics, as bulletins compute it from the figures they
 * publish; sufficient only when every statistic is.
 */
export function compositeIndexOf(ctx: AirMetricContext, area: string): MetricOutcome {
  const parts = {
    SO2: annualMean(ctx, area, "SO2"),
    NO2: annualMean(ctx, area, "NO2"),
    PM10: annualMean(ctx, area, "PM10"),
    "PM2.5": annualMean(ctx, area, "PM2.5"),
    CO_p95: dailyPercentile(ctx, area, "CO", 95),
    O3_p90: dailyPercentile(ctx, area, "O3_8h", 90),
  };
  const outcomes = Object.values(parts);
  const value = (o: MetricOutcome) => o.actual ?? NaN;
  const raw = outcomes.some((o) => o.actual === null)
    ? null
    : compositeIndex({
        SO2: value(parts.SO2),
        NO2: value(parts.NO2),
        PM10: value(parts.PM10),
        "PM2.5": value(parts["PM2.5"]),
        CO_p95: value(parts.CO_p95),
        O3_p90: value(parts.O3_p90),
      });
  // The reason and short months are those of a statistic that falls short, if any does.
  const weakest =
    outcomes.find((o) => !o.sufficient) ??
    outcomes.reduce((a, b) => ((a.validDays ?? 0) <= (b.validDays ?? 0) ? a : b));
  return {
    ...weakest,
    validDays: Math.min(...outcomes.map((o) => o.validDays ?? 0)),
    raw,
    actual: raw === null ? null : roundGbt8170(raw, COMPOSITE_DECIMALS),
    decimals: COMPOSITE_DECIMALS,
    sufficient: outcomes.every((o) => o.sufficient),
  };
}

export function metricDecimals(metric: AirMetric): number {
  switch (metric.name) {
    case "air.good_rate":
      return RATE_DECIMALS;
    case "air.annual_mean":
    case "air.percentile":
      return REPORTED_DECIMALS[metric.pollutant];
    case "air.day_count":
      return 0;
    case "air.composite_index":
      return COMPOSITE_DECIMALS;
  }
}

function perArea(ctx: AirMetricContext, metric: AirMetric, area: string): MetricOutcome {
  if (!ctx.store.areas.has(area))
    return {
      raw: null,
      actual: null,
      decimals: metricDecimals(metric),
      validDays: 0,
      sufficient: false,
      reasonCode: "no-area-data",
      reason: t(ctx.lang, "reason.no-area-data", { area }),
    };
  switch (metric.name) {
    case "air.good_rate":
      return goodDayRate(ctx, area);
    case "air.annual_mean":
      return annualMean(ctx, area, metric.pollutant);
    case "air.percentile":
      return dailyPercentile(ctx, area, metric.pollutant, metric.p);
    case "air.day_count":
      return daysAbove(ctx, area, metric.aqiAbove);
    case "air.composite_index":
      return compositeIndexOf(ctx, area);
  }
}

/**
 * The metric over the target's scope. A combined scope is the arithmetic mean of the areas' unrounded
 * values, rounded once; it is sufficient only when every area of the registry is.
 */
export function airMetric(
  ctx: AirMetricContext,
  metric: AirMetric,
  scope: Scope,
  file: TargetFile,
): MetricOutcome {
  if (scope.area !== undefined) return perArea(ctx, metric, scope.area);
  const areas = file.areas.filter((a) => a.kind === scope.areaKind).map((a) => a.id);
  const outcomes = areas.map((area) => ({ area, outcome: perArea(ctx, metric, area) }));
  const areaValues: AreaValue[] = outcomes.map(({ area, outcome }) => ({
    area,
    actual: outcome.actual,
    validDays: outcome.validDays ?? 0,
    sufficient: outcome.sufficient,
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  }));
  const raws = outcomes.map((o) => o.outcome.raw).filter((v): v is number => v !== null);
  const decimals = metricDecimals(metric);
  const raw = mean(raws);
  const short = areaValues.filter((a) => !a.sufficient);
  const outcome: MetricOutcome = {
    raw,
    actual: raw === null ? null : roundGbt8170(raw, decimals),
    decimals,
    validDays: areaValues.length ? Math.min(...areaValues.map((a) => a.validDays)) : 0,
    sufficient: areas.length > 0 && short.length === 0,
    areas: areaValues,
  };
  if (!outcome.sufficient) {
    outcome.reasonCode = "areas-insufficient";
    outcome.reason = t(ctx.lang, "reason.areas-insufficient", {
      areas: short.map((a) => `${a.area} (${a.validDays})`).join(", ") || "-",
    });
  }
  return outcome;
}
