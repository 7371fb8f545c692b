// Air-quality index and assessment rules of HJ 633-2012 and HJ 663-2013 (facts from ../shared/reference).
import { roundGbt8170 } from "./rounding.js";

/** The pollutants hy-check reads; CO in mg/m3, the rest in ug/m3 (GB 3095-2012 Table 1 units). */
export const POLLUTANTS = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3_8h", "O3_1h"] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** The six items of the daily assessment that every valid day needs (HJ 663-2013 basic items). */
export const DAILY_CORE_POLLUTANTS = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3_8h"] as const;

export const POLLUTANT_UNIT: Record<Pollutant, "ug/m3" | "mg/m3"> = {
  SO2: "ug/m3",
  NO2: "ug/m3",
  PM10: "ug/m3",
  "PM2.5": "ug/m3",
  CO: "mg/m3",
  O3_8h: "ug/m3",
  O3_1h: "ug/m3",
};

/** Decimals of a reported concentration: CO to 0.1 mg/m3, the rest to whole ug/m3 (bulletin practice). */
export const REPORTED_DECIMALS: Record<Pollutant, number> = {
  SO2: 0,
  NO2: 0,
  PM10: 0,
  "PM2.5": 0,
  CO: 1,
  O3_8h: 0,
  O3_1h: 0,
};

export const IAQI_ITEMS = [
  "SO2_24h",
  "SO2_1h",
  "NO2_24h",
  "NO2_1h",
  "PM10_24h",
  "PM2.5_24h",
  "CO_24h",
  "CO_1h",
  "O3_1h",
  "O3_8h",
] as const;
export type IaqiItem = (typeof IAQI_ITEMS)[number];

// IAQI levels and, per item, the concentration at each level. Segments share their endpoints.
const IAQI_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

// HJ 633-2012 Table 1.
const BREAKPOINTS_2012: Record<IaqiItem, readonly number[]> = {
  SO2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  SO2_1h: [0, 150, 500, 650, 800], // Table 1 note 2: stops at IAQI 200
  NO2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
  NO2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  PM10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
  "PM2.5_24h": [0, 35, 75, 115, 150, 250, 350, 500],
  CO_24h: [0, 2, 4, 14, 24, 36, 48, 60],
  CO_1h: [0, 5, 10, 35, 60, 90, 120, 150],
  O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  O3_8h: [0, 100, 160, 215, 265, 800], // Table 1 note 3: stops at IAQI 300
};

/**
 * The rules that differ between editions, as data (../shared/reference/hj633-2026-iaqi.json):
 * HJ 633-2026 Table 3 moves the IAQI-100 breakpoints of PM2.5 (75 -> 60) and PM10 (150 -> 120), drops the
 * O3 daily maximum 1 h from the daily AQI (4.2.2), rounds concentrations per GB/T 8170 before the IAQI
 * (4.2.2: integers, CO 1 decimal), and counts SO2 1 h > 800 as 200 and O3 8 h > 800 as 300 (notes b, c)
 * where 2012 took the other averaging period's IAQI.
 */
export const AQI_EDITIONS = {
  "HJ633-2012": {
    breakpoints: BREAKPOINTS_2012,
    dailyO3_1h: true,
    roundBeforeIaqi: false,
    above800: "other-period",
    // Table 2: AQI 0~500, level I 0~50.
    minAqi: 0,
    // 3.x: 超标污染物, the items with IAQI > 100.
    exceedancePollutants: true,
  },
  "HJ633-2026": {
    breakpoints: {
      ...BREAKPOINTS_2012,
      PM10_24h: [0, 50, 120, 250, 350, 420, 500, 600],
      "PM2.5_24h": [0, 35, 60, 115, 150, 250, 350, 500],
    },
    dailyO3_1h: false,
    roundBeforeIaqi: true,
    above800: "cap",
    // 4.1.1: AQI 1~500, level I 1~50. Reading chosen (the reference notes 0 is outside the range): an AQI
    // that computes as 0 (every concentration 0) is reported as 1, still level I.
    minAqi: 1,
    // The foreword deletes 超标污染物 and its determination: none are named under 2026.
    exceedancePollutants: false,
  },
} as const satisfies Record<
  string,
  {
    breakpoints: Record<IaqiItem, readonly number[]>;
    dailyO3_1h: boolean;
    roundBeforeIaqi: boolean;
    above800: "other-period" | "cap";
    minAqi: number;
    exceedancePollutants: boolean;
  }
>;
export type AqiEdition = keyof typeof AQI_EDITIONS;
export const AQI_EDITION_NAMES = Object.keys(AQI_EDITIONS) as AqiEdition[];

/** Default for scripts: the 2012 edition, so results of existing scripts do not change. */
export interface EditionOption {
  edition?: AqiEdition;
}

/** HJ 633-2026 4.2.2: concentrations rounded per GB/T 8170 before the IAQI, CO to 0.1 mg/m3, the rest to integers. */
function concentrationForIaqi(item: IaqiItem, c: number, edition: AqiEdition): number {
  if (!AQI_EDITIONS[edition].roundBeforeIaqi) return c;
  return roundGbt8170(c, item.startsWith("CO") ? 1 : 0);
}

/**
 * Individual air quality index of one item (formula 1 of both editions), rounded up (2012 6.2, 2026 4.2.6).
 * Returns null where the standard gives none: a negative or non-finite concentration and, in the 2012
 * edition, SO2 1h above 800 (note 2: use the 24h IAQI instead) and O3 8h above 800 (note 3: use the 1h IAQI);
 * the 2026 edition counts those as 200 and 300. Above the last breakpoint of the other items the table is
 * silent; hy-check caps at 500, as peers do.
 */
export function iaqi(item: IaqiItem, concentration: number, options: EditionOption = {}): number | null {
  const edition = options.edition ?? "HJ633-2012";
  if (!Number.isFinite(concentration) || concentration < 0) return null;
  const c = concentrationForIaqi(item, concentration, edition);
  const bp = AQI_EDITIONS[edition].breakpoints[item];
  const top = bp[bp.length - 1] ?? 0;
  if (c > top) {
    if (item === "SO2_1h") return AQI_EDITIONS[edition].above800 === "cap" ? 200 : null;
    if (item === "O3_8h") return AQI_EDITIONS[edition].above800 === "cap" ? 300 : null;
    return 500;
  }
  for (let i = 1; i < bp.length; i++) {
    const hi = bp[i] ?? 0;
    if (c <= hi) {
      const lo = bp[i - 1] ?? 0;
      const iaqiLo = IAQI_LEVELS[i - 1] ?? 0;
      const iaqiHi = IAQI_LEVELS[i] ?? 0;
      const exact = ((iaqiHi - iaqiLo) / (hi - lo)) * (c - lo) + iaqiLo;
      // Rounded up; the shortest-decimal form keeps 106.00000000000001 from becoming 107. More than 1e-9 above
      // a whole number, rounding to 9 decimals cannot bring it down to that number: the ceiling is the same.
      const above = exact - Math.floor(exact);
      return above === 0 || above > 1e-9 ? Math.ceil(exact) : Math.ceil(roundGbt8170(exact, 9));
    }
  }
  return 500;
}

export const AQI_CATEGORIES = [
  { max: 50, level: 1, key: "excellent" },
  { max: 100, level: 2, key: "good" },
  { max: 150, level: 3, key: "light" },
  { max: 200, level: 4, key: "moderate" },
  { max: 300, level: 5, key: "heavy" },
  { max: Infinity, level: 6, key: "severe" },
] as const;
export type AqiCategory = (typeof AQI_CATEGORIES)[number]["key"];

/** HJ 633-2012 Table 2. */
export function aqiCategory(aqiValue: number): AqiCategory {
  return (AQI_CATEGORIES.find((c) => aqiValue <= c.max) ?? AQI_CATEGORIES[5]).key;
}

export type Concentrations = Partial<Record<IaqiItem, number | null | undefined>>;

export interface AqiResult {
  aqi: number | null;
  category: AqiCategory | null;
  /** Items with the largest IAQI when AQI > 50 (HJ 633-2012 4.4.2; ties all listed); empty otherwise. */
  primary: IaqiItem[];
  /** 超标污染物: items with IAQI > 100 (HJ 633-2012); always empty under HJ 633-2026, which deletes them. */
  exceedance: IaqiItem[];
  iaqi: Partial<Record<IaqiItem, number>>;
}

/** AQI = max IAQI over the items given (HJ 633-2012 formula 2), with category and primary pollutants. */
export function aqi(concentrations: Concentrations, options: EditionOption = {}): AqiResult {
  const sub: Partial<Record<IaqiItem, number>> = {};
  for (const item of IAQI_ITEMS) {
    const c = concentrations[item];
    if (c === null || c === undefined) continue;
    let value = iaqi(item, c, options);
    // 2012 Table 1 note 2 / note 3: the other averaging period stands in when the value is off the table.
    if (value === null && item === "SO2_1h" && concentrations.SO2_24h != null)
      value = iaqi("SO2_24h", concentrations.SO2_24h, options);
    if (value === null && item === "O3_8h" && concentrations.O3_1h != null)
      value = iaqi("O3_1h", concentrations.O3_1h, options);
    if (value !== null) sub[item] = value;
  }
  const values = Object.values(sub);
  if (values.length === 0) return { aqi: null, category: null, primary: [], exceedance: [], iaqi: sub };
  const rules = AQI_EDITIONS[options.edition ?? "HJ633-2012"];
  const max = Math.max(rules.minAqi, ...values);
  const primary = max > 50 ? IAQI_ITEMS.filter((item) => sub[item] === max) : [];
  const exceedance = rules.exceedancePollutants ? IAQI_ITEMS.filter((item) => (sub[item] ?? 0) > 100) : [];
  return { aqi: max, category: aqiCategory(max), primary, exceedance, iaqi: sub };
}

/** The 24-hour / daily IAQI item that each daily pollutant value enters (HJ 633-2012 5.1.2). */
export const DAILY_IAQI_ITEM: Record<Pollutant, IaqiItem> = {
  SO2: "SO2_24h",
  NO2: "NO2_24h",
  PM10: "PM10_24h",
  "PM2.5": "PM2.5_24h",
  CO: "CO_24h",
  O3_8h: "O3_8h",
  O3_1h: "O3_1h",
};

export type DailyValues = Partial<Record<Pollutant, number>>;

/**
 * Daily AQI from daily values: 24h means, O3 daily max 8h and, in the 2012 edition when given, the O3 daily
 * max 1h (2012 5.1.2: 7 items; 2026 4.2.2: 6 items, no O3 1 h).
 */
export function dailyAqi(values: DailyValues, options: EditionOption = {}): AqiResult {
  const edition = options.edition ?? "HJ633-2012";
  const concentrations: Concentrations = {};
  for (const p of POLLUTANTS) {
    const v = values[p];
    if (v !== undefined && inDailyAqi(p, edition)) concentrations[DAILY_IAQI_ITEM[p]] = v;
  }
  return aqi(concentrations, options);
}

/** Whether a daily value enters the daily AQI: every one, but the O3 1 h maximum only in the 2012 edition. */
function inDailyAqi(p: Pollutant, edition: AqiEdition): boolean {
  return p !== "O3_1h" || AQI_EDITIONS[edition].dailyO3_1h;
}

/**
 * dailyAqi(values, options).aqi without the rest of the result (category, primary pollutants, sub-indices):
 * the good-day rate asks it of every day of every area. The same items and floor as aqi(); its O3 8 h fallback
 * (a value above the table takes the O3 1 h IAQI) cannot change the largest, since the 1 h item is there then.
 */
export function dailyAqiValue(values: DailyValues, options: EditionOption = {}): number | null {
  const edition = options.edition ?? "HJ633-2012";
  let max = -Infinity;
  for (const p of POLLUTANTS) {
    const c = values[p];
    if (c === undefined || !inDailyAqi(p, edition)) continue;
    const value = iaqi(DAILY_IAQI_ITEM[p], c, options);
    if (value !== null && value > max) max = value;
  }
  return max === -Infinity ? null : Math.max(AQI_EDITIONS[edition].minAqi, max);
}

/**
 * Which days enter the good-day rate when only some pollutants are valid (the sources leave it open):
 * - "complete-or-exceeding" (default): all six basic items valid, or the valid ones already give AQI > 100,
 *   so that missing data never hides a polluted day (the HJ 663-2013 exceedance clause, applied to days);
 * - "complete": all six basic items valid;
 * - "any": any valid item gives a day, its AQI from what is there.
 */
export const DAY_VALIDITY_RULES = ["complete-or-exceeding", "complete", "any"] as const;
export type DayValidityRule = (typeof DAY_VALIDITY_RULES)[number];

export function isValidAqiDay(
  values: DailyValues,
  result: Pick<AqiResult, "aqi">,
  rule: DayValidityRule,
): boolean {
  if (result.aqi === null) return false;
  const complete = DAILY_CORE_POLLUTANTS.every((p) => values[p] !== undefined);
  if (rule === "any") return true;
  if (rule === "complete") return complete;
  return complete || result.aqi > 100;
}

// GB 3095-2012 Table 4 as applied by HJ 663-2013: an annual statistic needs >= 324 daily values in the
// year and >= 27 in each month (>= 25 in February).
export const ANNUAL_MIN_DAYS = 324;
export function monthlyMinDays(month: number): number {
  return month === 2 ? 25 : 27;
}

export interface AnnualValidity {
  valid: boolean;
  days: number;
  /** Months (1-12) with fewer valid days than required. */
  shortMonths: { month: number; days: number; required: number }[];
}

/** HJ 663-2013 minimum counts for an annual statistic, given the valid days (as `YYYY-MM-DD`) of one year. */
export function annualValidity(validDates: Iterable<string>): AnnualValidity {
  const perMonth = new Array<number>(13).fill(0);
  let days = 0;
  for (const date of validDates) {
    // YYYY-MM-DD: the month's two digits read in place (a slice per day was a string per day).
    const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
    perMonth[month] = (perMonth[month] ?? 0) + 1;
    days++;
  }
  const shortMonths = [];
  for (let month = 1; month <= 12; month++) {
    const required = monthlyMinDays(month);
    const count = perMonth[month] ?? 0;
    if (count < required) shortMonths.push({ month, days: count, required });
  }
  return { valid: days >= ANNUAL_MIN_DAYS && shortMonths.length === 0, days, shortMonths };
}

/**
 * Day counts for a window shorter than a year (a month's bulletin, the year so far). HJ 663-2013 sets them
 * for months and years only; hy-check's reading for a window: every calendar month wholly inside needs its
 * 27 days (25 in February), a month cut by the window needs the same share of the days it covers
 * (rounded up), and no annual 324 applies. A whole calendar year is `annualValidity`.
 */
export function windowValidity(validDates: Iterable<string>, from: string, to: string): AnnualValidity {
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to === `${year}-12-31`) return annualValidity(validDates);
  const perMonth = new Map<string, number>();
  let days = 0;
  for (const date of validDates) {
    if (date < from || date > to) continue;
    perMonth.set(date.slice(0, 7), (perMonth.get(date.slice(0, 7)) ?? 0) + 1);
    days++;
  }
  const shortMonths: AnnualValidity["shortMonths"] = [];
  for (
    let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCMonth(d.getUTCMonth() + 1)
  ) {
    const key = d.toISOString().slice(0, 7);
    const month = d.getUTCMonth() + 1;
    const inMonth = new Date(Date.UTC(d.getUTCFullYear(), month, 0)).getUTCDate();
    const first = key === from.slice(0, 7) ? Number(from.slice(8, 10)) : 1;
    const last = key === to.slice(0, 7) ? Number(to.slice(8, 10)) : inMonth;
    const covered = last - first + 1;
    const required =
      covered === inMonth ? monthlyMinDays(month) : Math.ceil((covered * monthlyMinDays(month)) / inMonth);
    const count = perMonth.get(key) ?? 0;
    if (count < required) shortMonths.push({ month, days: count, required });
  }
  return { valid: shortMonths.length === 0 && days > 0, days, shortMonths };
}

/** Arithmetic mean, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
