// From hourly values to daily values, and annual statistics: GB 3095-2012 Table 4 and HJ 663-2013.
// A day's hours are 24 slots of the natural day (slot 0 = 00:00-01:00 ... slot 23 = 23:00-24:00);
// a missing hour is NaN.

/** GB 3095-2012 Table 4: a 24-hour mean needs >= 20 valid hourly values in the natural day. */
export const DAILY_MIN_HOURS = 20;
/** GB 3095-2012 Table 4: an 8-hour mean needs >= 6 valid hourly values in the window. */
export const EIGHT_HOUR_MIN_HOURS = 6;
/** HJ 663-2013 (confidence medium in ../shared/reference): >= 14 of the 17 windows ending 08:00..24:00. */
export const O3_DAILY_MIN_WINDOWS = 14;
/** GB 3095-2012 Class II limits used by the exceedance clause below: O3 8 h 160, O3 1 h 200 ug/m3. */
export const O3_8H_LIMIT = 160;
export const O3_1H_LIMIT = 200;

export interface DailyStatistic {
  /** The statistic, or null when there is no valid hour at all. */
  value: number | null;
  /** Whether the statistic meets its minimum count (or, for O3, already exceeds the limit). */
  valid: boolean;
  /** Valid hours (24 h mean, O3 1 h) or valid 8-hour windows (O3 8 h). */
  count: number;
}

function countAndSum(
  hours: ArrayLike<number>,
  from: number,
  to: number,
): { count: number; sum: number; max: number } {
  let count = 0;
  let sum = 0;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = hours[i] ?? NaN;
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v > max) max = v;
  }
  return { count, sum, max };
}

/** 24-hour mean of SO2, NO2, CO, PM10, PM2.5 over the natural day (GB 3095-2012 3.x and Table 4). */
export function dailyMean(hours: ArrayLike<number>): DailyStatistic {
  const { count, sum } = countAndSum(hours, 0, 24);
  return { value: count === 0 ? null : sum / count, valid: count >= DAILY_MIN_HOURS, count };
}

/**
 * The eight-hour moving mean ending at `end` (08..24: the 8 hourly values up to and including the end hour),
 * or NaN for a window with fewer than 6 valid hours.
 */
function eightHourMean(hours: ArrayLike<number>, end: number): number {
  const { count, sum } = countAndSum(hours, end - 8, end);
  return count >= EIGHT_HOUR_MIN_HOURS ? sum / count : NaN;
}

/** The 17 eight-hour moving means of the natural day, ending at 08:00 .. 24:00; NaN for an invalid window. */
export function o3EightHourMeans(hours: ArrayLike<number>): number[] {
  const means: number[] = [];
  for (let end = 8; end <= 24; end++) means.push(eightHourMean(hours, end));
  return means;
}

/**
 * O3 daily maximum 8-hour mean (日最大8小时平均): the largest of the valid windows. Valid with >= 14 valid
 * windows; with fewer, still valid when it already exceeds the 160 ug/m3 limit, so that missing data never
 * hides an exceedance (HJ 663-2013; confidence medium, see ../shared/reference/hj663-2013-validity.json).
 */
export function o3DailyMax8h(hours: ArrayLike<number>): DailyStatistic {
  // The windows one by one, without an array per day: it runs for every area-day of a national file.
  let count = 0;
  let value = -Infinity;
  for (let end = 8; end <= 24; end++) {
    const mean = eightHourMean(hours, end);
    if (Number.isNaN(mean)) continue;
    count++;
    // A window's sum starts at +0, so no mean is -0 and `>` picks what Math.max would.
    if (mean > value) value = mean;
  }
  if (count === 0) return { value: null, valid: false, count: 0 };
  return { value, valid: count >= O3_DAILY_MIN_WINDOWS || value > O3_8H_LIMIT, count };
}

/**
 * O3 daily maximum 1-hour value, which the daily AQI includes (HJ 633-2012 5.1.2). The sources give no
 * count for it; hy-check applies the daily >= 20 hours rule, and keeps an exceedance of 200 ug/m3.
 */
export function o3DailyMax1h(hours: ArrayLike<number>): DailyStatistic {
  const { count, max } = countAndSum(hours, 0, 24);
  if (count === 0) return { value: null, valid: false, count };
  return { value: max, valid: count >= DAILY_MIN_HOURS || max > O3_1H_LIMIT, count };
}

/**
 * HJ 663-2013 percentile: sort the n values ascending, k = 1 + (n - 1) p / 100, s = integer part of k,
 * m_p = X(s) + (X(s+1) - X(s)) (k - s). Null for no values.
 */
export function hj663Percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (values.length === 0) return null;
  // A typed array sorts numbers ascending natively (no comparator call per comparison).
  const sorted = new Float64Array(values).sort();
  const k = 1 + ((sorted.length - 1) * p) / 100;
  const s = Math.floor(k);
  const xs = sorted[s - 1] ?? NaN;
  const next = sorted[s] ?? xs;
  return xs + (next - xs) * (k - s);
}

/** The annual statistic of each pollutant that the composite index (综合指数) divides by its limit. */
export interface CompositeInputs {
  SO2: number;
  NO2: number;
  PM10: number;
  "PM2.5": number;
  /** CO 24-hour 95th percentile, mg/m3. */
  CO_p95: number;
  /** O3 daily max 8-hour 90th percentile, ug/m3. */
  O3_p90: number;
}

/**
 * 环境空气质量综合指数 (city ranking rule under HJ 663-2013): the sum of each statistic over its GB 3095-2012
 * Class II limit: annual SO2 60, NO2 40, PM10 70, PM2.5 35; CO p95 over 4; O3 p90 over 160; weights 1.
 */
export function compositeIndex(c: CompositeInputs): number {
  return c.SO2 / 60 + c.NO2 / 40 + c.PM10 / 70 + c["PM2.5"] / 35 + c.CO_p95 / 4 + c.O3_p90 / 160;
}
