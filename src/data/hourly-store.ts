// Hourly air values: each area's hourly series (the mean over its stations each hour, as CNEMC publishes
// city values) and per-station counts for the data-capture report. Memory is per area-hour and per
// station-day of the plan year, in typed arrays allocated once per area or station: never the rows.
import { addStationDay, type AirStore } from "./air-store.js";
import { dailyMean, o3DailyMax1h, o3DailyMax8h, DAILY_MIN_HOURS } from "../methods/hourly.js";
import type { DailyValues } from "../methods/air.js";
import { daysInMonth, isLeapYear } from "./values.js";
import type { HourConvention } from "./time.js";
import { slotLabel } from "./time.js";

export const HOURLY_POLLUTANTS = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3"] as const;
export type HourlyPollutant = (typeof HOURLY_POLLUTANTS)[number];
export const P = HOURLY_POLLUTANTS.length;

/** One area's hourly sums and station counts, at [(day * 24 + slot) * P + pollutant]. */
export interface AreaSeries {
  sum: Float64Array;
  count: Uint16Array;
  /** Days with at least one value, so that a day without data is not reported as an empty day. */
  hasDay: Uint8Array;
}

export interface StationRecord {
  /** The area the station is reported under (its registry area, or its first group). */
  area: string;
  /** Bit per slot already read, per day: catches a station-hour given twice. */
  seen: Uint32Array;
  /** Hours with a value, at [day * P + pollutant]. */
  validHours: Uint8Array;
}

export interface HourlyStore {
  year: number;
  /** The plan year's dates, YYYY-MM-DD, by day index. */
  dates: readonly string[];
  dayIndex: ReadonlyMap<string, number>;
  areas: Map<string, AreaSeries>;
  stations: Map<string, StationRecord>;
}

export function yearDates(year: number): string[] {
  const dates: string[] = [];
  for (let month = 1; month <= 12; month++)
    for (let day = 1; day <= daysInMonth(year, month); day++)
      dates.push(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  return dates;
}

export function createHourlyStore(year: number): HourlyStore {
  const dates = yearDates(year);
  return {
    year,
    dates,
    dayIndex: new Map(dates.map((d, i) => [d, i])),
    areas: new Map(),
    stations: new Map(),
  };
}

const daysOf = (store: HourlyStore) => (isLeapYear(store.year) ? 366 : 365);

export function areaSeries(store: HourlyStore, key: string): AreaSeries {
  let series = store.areas.get(key);
  if (!series) {
    const days = daysOf(store);
    series = {
      sum: new Float64Array(days * 24 * P),
      count: new Uint16Array(days * 24 * P),
      hasDay: new Uint8Array(days),
    };
    store.areas.set(key, series);
  }
  return series;
}

export function stationRecord(store: HourlyStore, station: string, area: string): StationRecord {
  let record = store.stations.get(station);
  if (!record) {
    const days = daysOf(store);
    record = { area, seen: new Uint32Array(days), validHours: new Uint8Array(days * P) };
    store.stations.set(station, record);
  }
  return record;
}

/** Values of one station-hour in HOURLY_POLLUTANTS order, NaN where missing. */
export type HourlyVector = Float64Array;

/**
 * Adds one station-hour of the plan year to its station and to every area it belongs to; false when that
 * station-hour was already read. The one place both the plain and the fast reader add an hour.
 */
export function addHourVector(
  station: StationRecord,
  areas: readonly AreaSeries[],
  day: number,
  slot: number,
  values: HourlyVector,
): boolean {
  const bit = 1 << slot;
  const seen = station.seen[day]!;
  if (seen & bit) return false;
  station.seen[day] = seen | bit;
  const base = (day * 24 + slot) * P;
  const valid = station.validHours;
  const n = areas.length;
  for (let i = 0; i < P; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    valid[day * P + i]!++;
    for (let a = 0; a < n; a++) {
      const series = areas[a]!;
      series.sum[base + i]! += v;
      series.count[base + i]!++;
    }
  }
  for (let a = 0; a < n; a++) areas[a]!.hasDay[day] = 1;
  return true;
}

export type HourlyValues = Partial<Record<HourlyPollutant, number>>;

export function hourVector(values: HourlyValues, into: HourlyVector = new Float64Array(P)): HourlyVector {
  HOURLY_POLLUTANTS.forEach((p, i) => (into[i] = values[p] ?? NaN));
  return into;
}

/** Adds one station-hour by names; false when that station-hour was already read. */
export function addStationHour(
  store: HourlyStore,
  areas: readonly string[],
  station: string,
  date: string,
  slot: number,
  values: HourlyValues,
): boolean {
  const day = store.dayIndex.get(date);
  if (day === undefined) throw new Error(`${date} is outside the hourly store's year ${store.year}`);
  return addHourVector(
    stationRecord(store, station, areas[0] ?? ""),
    areas.map((a) => areaSeries(store, a)),
    day,
    slot,
    hourVector(values),
  );
}

function areaHours(series: AreaSeries, day: number, pollutantIndex: number): Float64Array {
  const hours = new Float64Array(24);
  for (let slot = 0; slot < 24; slot++) {
    const k = (day * 24 + slot) * P + pollutantIndex;
    const n = series.count[k] ?? 0;
    hours[slot] = n === 0 ? NaN : (series.sum[k] ?? 0) / n;
  }
  return hours;
}

/** The station key under which an area's hourly-derived daily values enter the daily store. */
export const HOURLY_SERIES = "(hourly series)";

/**
 * Daily values of each area-day from its hourly series, by GB 3095-2012 Table 4 and HJ 663-2013:
 * 24-hour means with >= 20 hours, O3 daily max 8 h with >= 14 windows, O3 daily max 1 h.
 */
export function finishHourly(store: HourlyStore, air: AirStore, { release = false } = {}): void {
  for (const [area, series] of store.areas) {
    // Released, the area's hourly sums (0.5 MB a year) can be collected once its days are derived.
    if (release) store.areas.delete(area);
    store.dates.forEach((date, day) => {
      if (!series.hasDay[day]) return;
      const values: DailyValues = {};
      HOURLY_POLLUTANTS.forEach((p, i) => {
        const hours = areaHours(series, day, i);
        if (p === "O3") {
          const max8 = o3DailyMax8h(hours);
          if (max8.valid && max8.value !== null) values.O3_8h = max8.value;
          const max1 = o3DailyMax1h(hours);
          if (max1.valid && max1.value !== null) values.O3_1h = max1.value;
        } else {
          const mean = dailyMean(hours);
          if (mean.valid && mean.value !== null) values[p] = mean.value;
        }
      });
      addStationDay(air, area, date, HOURLY_SERIES, { values, file: "(hourly)", line: 0 });
    });
  }
}

/** The area's hourly means in time order, labelled as the export labels them. */
export function* areaHourlySeries(
  store: HourlyStore,
  area: string,
  convention: HourConvention,
): Generator<{ date: string; hour: number; values: HourlyValues }> {
  const series = store.areas.get(area);
  if (!series) return;
  for (let day = 0; day < store.dates.length; day++) {
    const date = store.dates[day] ?? "";
    for (let slot = 0; slot < 24; slot++) {
      const values: HourlyValues = {};
      HOURLY_POLLUTANTS.forEach((p, i) => {
        const k = (day * 24 + slot) * P + i;
        const n = series.count[k] ?? 0;
        if (n > 0) values[p] = (series.sum[k] ?? 0) / n;
      });
      if (Object.keys(values).length > 0) yield { ...slotLabel(date, slot, convention), values };
    }
  }
}

/** A station's days with at least one hour read: date and the bit set of its slots. */
export function* stationDays(
  store: HourlyStore,
  record: StationRecord,
): Generator<{ date: string; day: number; seen: number }> {
  for (let day = 0; day < store.dates.length; day++) {
    const seen = record.seen[day] ?? 0;
    if (seen !== 0) yield { date: store.dates[day] ?? "", day, seen };
  }
}

export interface StationCapture {
  station: string;
  area: string;
  /** YYYY-MM */
  month: string;
  hours: number;
  /** Per pollutant: hours with a value, and days with >= 20 of them. */
  validHours: Record<HourlyPollutant, number>;
  validDays: Record<HourlyPollutant, number>;
  days: number;
}

/** Data capture per station and month of the plan year (share = valid / hours or days of the month). */
export function stationCapture(store: HourlyStore): StationCapture[] {
  const result: StationCapture[] = [];
  const year = store.year;
  for (const [station, record] of [...store.stations].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let day = 0;
    for (let month = 1; month <= 12; month++) {
      const prefix = `${year}-${String(month).padStart(2, "0")}`;
      const zero = () =>
        Object.fromEntries(HOURLY_POLLUTANTS.map((p) => [p, 0])) as Record<HourlyPollutant, number>;
      const validHours = zero();
      const validDays = zero();
      const nDays = daysInMonth(year, month);
      for (let d = day; d < day + nDays; d++)
        HOURLY_POLLUTANTS.forEach((p, i) => {
          const n = record.validHours[d * P + i] ?? 0;
          validHours[p] += n;
          if (n >= DAILY_MIN_HOURS) validDays[p]++;
        });
      day += nDays;
      result.push({
        station,
        area: record.area,
        month: prefix,
        hours: nDays * 24,
        days: nDays,
        validHours,
        validDays,
      });
    }
  }
  return result;
}
