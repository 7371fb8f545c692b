// Year to date on the season, not on a straight line: the rest of the year is expected to stand to the year
// so far as the same months stood in a pattern year (the previous year in the inputs, or the shipped profile).
// Every metric with a season is read as a burden (lower is better) whose year value is the day-weighted mean
// of its parts: a concentration, or the share of non-good days; its own units are converted at the edges.
import { roundGbt8170 } from "../methods/rounding.js";
import { profileMonths, type ProfileSeries } from "../methods/seasonal-profile.js";
import { daysInMonth } from "../data/values.js";
import type { MetricOutcome } from "./outcome.js";
import type { ProjectionStatus, SeasonalOutlook, SeasonPattern } from "./projection.js";

/** How the change on the same months of last year (同比) is said: percent, percentage points, or days. */
export type ChangeUnit = "percent" | "points" | "days";

/** A metric as the season sees it. */
export interface SeasonalModel {
  /** The profile series the metric's months follow. */
  series: ProfileSeries;
  /** The rule the model projects: `<=` for a metric where lower is better, `>=` for one where higher is. */
  op: "<=" | ">=";
  /** The outcome as a burden, or null. */
  burden(outcome: MetricOutcome): number | null;
  /** A value in the metric's terms (a target, over `days` days) as a burden, and back. */
  toBurden(value: number, days: number): number;
  fromBurden(burden: number, days: number): number;
  /** The highest burden a day can bear (100 for a share of days). */
  max?: number;
  change: ChangeUnit;
}

/** Annual mean of a pollutant: the burden is the mean itself. */
export const meanSeason = (series: ProfileSeries): SeasonalModel => ({
  series,
  op: "<=",
  burden: (o) => o.raw,
  toBurden: (v) => v,
  fromBurden: (b) => b,
  change: "percent",
});

/** A share of days in %: the burden is the share of non-good days (or of days above a level). */
const share = (days: number | null, count: number | null | undefined) =>
  days === null || days === 0 || count === null || count === undefined ? null : (count / days) * 100;

export const goodRateSeason: SeasonalModel = {
  series: "nonGoodShare",
  op: ">=",
  burden: (o) => (o.raw === null ? null : 100 - o.raw),
  toBurden: (v) => 100 - v,
  fromBurden: (b) => 100 - b,
  max: 100,
  change: "points",
};

export const goodDaysSeason: SeasonalModel = {
  series: "nonGoodShare",
  op: ">=",
  burden: (o) =>
    o.goodDays === undefined || o.validDays === null ? null : share(o.validDays, o.validDays - o.goodDays),
  toBurden: (v, days) => 100 * (1 - v / days),
  fromBurden: (b, days) => days * (1 - b / 100),
  max: 100,
  change: "days",
};

/** Days above an AQI level: they come in the months non-good days come. */
export const daysAboveSeason: SeasonalModel = {
  series: "nonGoodShare",
  op: "<=",
  burden: (o) => share(o.validDays, o.raw),
  toBurden: (v, days) => (100 * v) / days,
  fromBurden: (b, days) => (b * days) / 100,
  max: 100,
  change: "days",
};

/** Days of the year from 1 January to `through`, and after it. */
export function yearSplit(through: string): { soFar: number; remaining: number } {
  const year = Number(through.slice(0, 4));
  const month = Number(through.slice(5, 7));
  let soFar = Number(through.slice(8, 10));
  let total = 0;
  for (let m = 1; m <= 12; m++) {
    total += daysInMonth(year, m);
    if (m < month) soFar += daysInMonth(year, m);
  }
  return { soFar, remaining: total - soFar };
}

/**
 * The profile's rest-of-year mean over its mean so far, each month weighted by its days in the year (the month
 * of `through` split at that day); undefined at the year's end or when the profile is 0 so far.
 */
export function profileFactor(series: ProfileSeries, through: string): number | undefined {
  const months = profileMonths(series);
  const year = Number(through.slice(0, 4));
  const month = Number(through.slice(5, 7));
  const day = Number(through.slice(8, 10));
  let soFar = 0;
  let soFarDays = 0;
  let rest = 0;
  let restDays = 0;
  for (let m = 1; m <= 12; m++) {
    const value = months[m - 1] ?? 0;
    const days = daysInMonth(year, m);
    const before = m < month ? days : m === month ? day : 0;
    soFar += value * before;
    soFarDays += before;
    rest += value * (days - before);
    restDays += days - before;
  }
  if (restDays === 0 || soFar <= 0) return undefined;
  return rest / restDays / (soFar / soFarDays);
}

/** The pattern an outlook rests on. */
export interface Season {
  pattern: SeasonPattern;
  patternYear?: number;
  factor: number;
}

/**
 * The outlook of a year-to-date outcome against `value` on the season: the seasonal pace (the value so far
 * that ends the year on target), the expected year-end, and on-track (expected meets the target), at-risk
 * (misses by up to a tenth of the year's allowance) or off-track.
 */
export function seasonalOutlook(
  model: SeasonalModel,
  outcome: MetricOutcome,
  target: { op: string; value: number },
  through: string,
  season: Season,
): { status: ProjectionStatus; season: SeasonalOutlook } | undefined {
  const burden = model.burden(outcome);
  if (burden === null || target.op !== model.op || outcome.actual === null) return undefined;
  const { soFar, remaining } = yearSplit(through);
  const year = soFar + remaining;
  const k = season.factor;
  const targetBurden = model.toBurden(target.value, year);
  const paceBurden = (targetBurden * year) / (soFar + k * remaining);
  const rest = Math.min(k * burden, model.max ?? Infinity);
  const yearBurden = (burden * soFar + rest * remaining) / year;
  const decimals = outcome.decimals;
  const pace = roundGbt8170(model.fromBurden(paceBurden, soFar), decimals);
  const expected = roundGbt8170(model.fromBurden(yearBurden, year), decimals);
  const meets = (v: number, limit: number) => (model.op === "<=" ? v <= limit : v >= limit);
  const status: ProjectionStatus = meets(expected, target.value)
    ? "on-track"
    : yearBurden <= targetBurden * 1.1
      ? "at-risk"
      : "off-track";
  return {
    status,
    season: {
      pattern: season.pattern,
      ...(season.patternYear !== undefined ? { patternYear: season.patternYear } : {}),
      factor: roundGbt8170(k, 3),
      pace,
      standing: meets(outcome.actual, pace) ? "ahead" : "behind",
      expected,
    },
  };
}
