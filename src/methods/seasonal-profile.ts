// The default seasonal profile: how a year's air quality is spread over its months, for the year-to-date
// outlook when the inputs hold no earlier year. Data only.
//
// Source: CNEMC real-time hourly values of the five Hengyang urban assessment stations 2457A-2461A, 2019
// (../shared/data/real/hengyang-2019-hourly-stations.csv; provenance in that folder's SOURCE.md). Derived with
// scripts/derive-seasonal-profile.mjs: the urban area's daily values as hy-check derives them (HJ 663-2013
// natural-day statistics of the station mean, hour-ending labels), then for each month the arithmetic mean of
// the daily values of each pollutant (ug/m3; CO mg/m3) and the share of valid days with AQI > 100
// (HJ 633-2012), in %. One city and one year: a pattern, not a forecast; a year in the inputs is preferred.
import type { Pollutant } from "./air.js";

/** The monthly series a metric's pattern follows: a pollutant's daily values, or the share of non-good days. */
export type ProfileSeries = Pollutant | "nonGoodShare";

export const DEFAULT_SEASONAL_PROFILE = {
  name: { zh: "衡阳市城区 2019 年逐月均值（CNEMC）", en: "Hengyang urban area 2019 monthly means (CNEMC)" },
  /** January .. December. */
  months: {
    SO2: [12.7, 9.6, 11.2, 9.4, 9.9, 10.5, 9.1, 12, 15.5, 14, 18.4, 18],
    NO2: [40.6, 25.7, 35.5, 22.2, 21.4, 14.6, 13.3, 15.2, 24.2, 32.3, 39.4, 44.4],
    PM10: [100.1, 51.4, 57.7, 43.7, 64.6, 42.5, 37.2, 52.8, 71.7, 71, 91.8, 91.9],
    "PM2.5": [84.8, 42.5, 40.3, 26.1, 34.1, 23.5, 18.8, 26.4, 39.7, 39.5, 54.8, 71.4],
    CO: [1.4, 1.08, 1.04, 0.82, 0.92, 0.83, 0.74, 0.79, 0.83, 0.93, 0.93, 1.25],
    O3_8h: [37.1, 41.1, 62.4, 75.1, 93.9, 102.3, 88, 121.4, 156.3, 86.5, 88.7, 54.5],
    nonGoodShare: [53.6, 3.8, 0, 0, 0, 8, 0, 4.2, 50, 6.9, 20, 48.4],
  },
} as const;

/** The profile's months of a series; the O3 1-hour maximum follows the 8-hour one's pattern. */
export function profileMonths(series: ProfileSeries): readonly number[] {
  const months = DEFAULT_SEASONAL_PROFILE.months;
  return series === "O3_1h" ? months.O3_8h : months[series];
}
