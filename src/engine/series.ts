// Daily and monthly air series of one area, for the year-end report's charts (monthly means, monthly
// good-day rate, the AQI calendar). They are derived from the same daily values, window, waivers, AQI
// edition and day-validity rule the targets are evaluated on, so a chart never disagrees with the table:
// the months' good days add up to the good-day-rate target's, and the mean of the days is its annual mean.
import {
  dailyAqi,
  isValidAqiDay,
  mean,
  POLLUTANTS,
  type AqiCategory,
  type DailyValues,
  type Pollutant,
} from "../methods/air.js";
import { daysInMonth } from "../data/values.js";
import { daysInWindow, type AirMetricContext, type Window } from "../metrics/air/context.js";

export interface DayPoint {
  date: string;
  /** The day's area values, less what an active waiver excludes (the store's own: to be read, never changed). */
  values: Readonly<DailyValues>;
  aqi: number | null;
  category: AqiCategory | null;
  /** Counts for the good-day rate under the plan's dayValidity rule. */
  valid: boolean;
}

export interface MonthPoint {
  /** YYYY-MM */
  month: string;
  /** Calendar days of the month inside the window. */
  days: number;
  /** Days with any value. */
  dataDays: number;
  /** Days that count for the good-day rate. */
  validDays: number;
  goodDays: number;
  /** goodDays / validDays in percent, unrounded; null without valid days. */
  goodRate: number | null;
  /** Mean of the month's daily values per pollutant, unrounded (what the annual mean averages). */
  means: Partial<Record<Pollutant, number>>;
  /** Days behind each mean. */
  meanDays: Partial<Record<Pollutant, number>>;
}

/**
 * The area's days inside the window, in date order, each with its AQI: the days the air metrics read
 * (daysInWindow), so a waiver in force removes a whole day, or only its pollutants, exactly as for them.
 */
export function dailySeries(ctx: AirMetricContext, area: string): DayPoint[] {
  const days = [...daysInWindow(ctx, area)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return days.map(([date, values]) => {
    const result = dailyAqi(values, { edition: ctx.edition });
    return {
      date,
      values,
      aqi: result.aqi,
      category: result.category,
      valid: isValidAqiDay(values, result, ctx.dayValidity),
    };
  });
}

/** The months the window touches, each with its calendar days inside the window. */
export function windowMonths(window: Window): { month: string; days: number }[] {
  const months: { month: string; days: number }[] = [];
  let year = Number(window.from.slice(0, 4));
  let month = Number(window.from.slice(5, 7));
  const last = window.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > last) break;
    const first = key === window.from.slice(0, 7) ? Number(window.from.slice(8, 10)) : 1;
    const end = key === last ? Number(window.to.slice(8, 10)) : daysInMonth(year, month);
    months.push({ month: key, days: end - first + 1 });
    if (++month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** Monthly figures of a daily series; every month of the window appears, an empty one with nulls. */
export function monthlySeries(days: readonly DayPoint[], window: Window): MonthPoint[] {
  const byMonth = new Map<string, DayPoint[]>();
  for (const d of days) {
    const key = d.date.slice(0, 7);
    const list = byMonth.get(key);
    if (list) list.push(d);
    else byMonth.set(key, [d]);
  }
  return windowMonths(window).map(({ month, days: calendarDays }) => {
    const list = byMonth.get(month) ?? [];
    const valid = list.filter((d) => d.valid);
    const goodDays = valid.filter((d) => (d.aqi ?? Infinity) <= 100).length;
    const means: MonthPoint["means"] = {};
    const meanDays: MonthPoint["meanDays"] = {};
    for (const p of POLLUTANTS) {
      const values = list.map((d) => d.values[p]).filter((v): v is number => v !== undefined);
      const m = mean(values);
      if (m === null) continue;
      means[p] = m;
      meanDays[p] = values.length;
    }
    return {
      month,
      days: calendarDays,
      dataDays: list.filter((d) => Object.keys(d.values).length > 0).length,
      validDays: valid.length,
      goodDays,
      goodRate: valid.length === 0 ? null : (goodDays / valid.length) * 100,
      means,
      meanDays,
    };
  });
}
