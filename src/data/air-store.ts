// Daily air values per area, station and day: the per-day aggregate every air reader fills and every
// air metric reads. Memory grows with stations x days, never with rows.
import { POLLUTANTS, type DailyValues } from "../methods/air.js";

export interface StationDay {
  values: DailyValues;
  /** Where the value came from, so a duplicate can name the first occurrence. */
  file: string;
  line: number;
}

/** The station key under which an area's hourly-derived daily values are reported. */
export const HOURLY_SERIES = "(hourly series)";

const D = POLLUTANTS.length;

/**
 * The daily values an area's hourly data give, one number per day and pollutant: a national file has a few
 * hundred areas x 365 days, and a map and an object per area-day were most of the memory after reading.
 */
export interface AreaDailySeries {
  /** At [(day - firstDay) * POLLUTANTS.length + i], POLLUTANTS order, NaN where the day gives no valid value. */
  values: Float64Array;
  /** The first day the values hold (the days before it have none). */
  firstDay: number;
  /** 1 for a day the hourly data covered (it may still give no valid value). */
  hasDay: Uint8Array;
}

export interface AirStore {
  /**
   * area id -> date (YYYY-MM-DD) -> station -> values, of daily data; every area with data has a key here,
   * in the order its first values came (an area with hourly data only holds no days).
   */
  areas: Map<string, Map<string, Map<string, StationDay>>>;
  /** area id -> the daily values of its hourly series (station HOURLY_SERIES), by day of `hourlyDates`. */
  hourly: Map<string, AreaDailySeries>;
  hourlyDates: readonly string[];
  hourlyDayIndex: ReadonlyMap<string, number>;
  /**
   * Each area's daily values as areaDailyValues gives them, kept for the metrics that read them (every target of
   * every area reads them again); emptied whenever a value is added.
   */
  dailyValues: Map<string, SharedDays>;
}

/** An area's daily values, to be read, never changed, and the first and last of their dates. */
export interface SharedDays {
  days: ReadonlyMap<string, Readonly<DailyValues>>;
  first: string;
  last: string;
}

export function createAirStore(): AirStore {
  return {
    areas: new Map(),
    hourly: new Map(),
    hourlyDates: [],
    hourlyDayIndex: new Map(),
    dailyValues: new Map(),
  };
}

/** Adds one station's daily values; returns the earlier entry instead when the station-day is already there. */
export function addStationDay(
  store: AirStore,
  area: string,
  date: string,
  station: string,
  entry: StationDay,
): StationDay | undefined {
  let days = store.areas.get(area);
  if (!days) store.areas.set(area, (days = new Map()));
  let stations = days.get(date);
  if (!stations) days.set(date, (stations = new Map()));
  const earlier = stations.get(station);
  if (earlier) return earlier;
  stations.set(station, entry);
  store.dailyValues.clear();
  return undefined;
}

/**
 * Adds an area's hourly-derived daily values, after every daily value was read: on each day they count as
 * one more station, HOURLY_SERIES, after the stations of daily data.
 */
export function addHourlySeries(
  store: AirStore,
  area: string,
  series: AreaDailySeries,
  dates: readonly string[],
  dayIndex: ReadonlyMap<string, number>,
): void {
  if (store.hourly.size === 0) {
    store.hourlyDates = dates;
    store.hourlyDayIndex = dayIndex;
  } else if (store.hourlyDates[0] !== dates[0])
    throw new Error("hourly series of two years in one air store");
  if (!store.areas.has(area)) store.areas.set(area, new Map());
  store.hourly.set(area, series);
  store.dailyValues.clear();
}

/** Where a day of the hourly series starts in its values; -1 for a day the hourly data did not cover. */
function rowOf(store: AirStore, series: AreaDailySeries, date: string): number {
  const day = store.hourlyDayIndex.get(date);
  if (day === undefined || day < series.firstDay || !series.hasDay[day]) return -1;
  return (day - series.firstDay) * D;
}

/** The days only the hourly series has (none in `days`), in date order, with their rows. */
function* hourlyOnlyDays(
  store: AirStore,
  series: AreaDailySeries,
  days: ReadonlyMap<string, unknown> | undefined,
): Generator<[string, number]> {
  const dates = store.hourlyDates;
  for (let day = Math.max(series.firstDay, 0); day < dates.length; day++)
    if (series.hasDay[day] && !days?.has(dates[day]!)) yield [dates[day]!, (day - series.firstDay) * D];
}

function seriesEntry(series: AreaDailySeries, row: number): StationDay {
  const values: DailyValues = {};
  POLLUTANTS.forEach((p, i) => {
    const v = series.values[row + i]!;
    if (v === v) values[p] = v;
  });
  return { values, file: "(hourly)", line: 0 };
}

/**
 * An area's days with their stations: daily data's dates in the order read, the hourly series last on each
 * day, then the days only the hourly series has, in date order (the order the values are summed in).
 */
export function* areaDays(
  store: AirStore,
  area: string,
): Generator<[string, ReadonlyMap<string, StationDay>]> {
  const days = store.areas.get(area);
  const series = store.hourly.get(area);
  if (!series) {
    if (days) yield* days;
    return;
  }
  for (const [date, stations] of days ?? []) {
    const row = rowOf(store, series, date);
    yield [date, row < 0 ? stations : new Map([...stations, [HOURLY_SERIES, seriesEntry(series, row)]])];
  }
  for (const [date, row] of hourlyOnlyDays(store, series, days))
    yield [date, new Map([[HOURLY_SERIES, seriesEntry(series, row)]])];
}

/** One station-day's values, the hourly series' included; undefined when the store has none. */
export function stationDay(
  store: AirStore,
  area: string,
  date: string,
  station: string,
): StationDay | undefined {
  if (station !== HOURLY_SERIES) return store.areas.get(area)?.get(date)?.get(station);
  const series = store.hourly.get(area);
  const row = series ? rowOf(store, series, date) : -1;
  return series && row >= 0 ? seriesEntry(series, row) : undefined;
}

/** areaDailyValues, kept until a value is added to the store: to be read, never changed. */
export function sharedDailyValues(store: AirStore, area: string): SharedDays {
  let shared = store.dailyValues.get(area);
  if (!shared) {
    const days = areaDailyValues(store, area);
    let first = "";
    let last = "";
    for (const date of days.keys()) {
      if (first === "" || date < first) first = date;
      if (date > last) last = date;
    }
    store.dailyValues.set(area, (shared = { days, first, last }));
  }
  return shared;
}

/** Area daily value of each pollutant = arithmetic mean over the stations that have it that day. */
export function areaDailyValues(store: AirStore, area: string): Map<string, DailyValues> {
  const result = new Map<string, DailyValues>();
  const days = store.areas.get(area);
  const series = store.hourly.get(area);
  for (const [date, stations] of days ?? [])
    result.set(date, stationMean(stations, series, series ? rowOf(store, series, date) : -1));
  if (!series) return result;
  const none = new Map<string, StationDay>();
  for (const [date, row] of hourlyOnlyDays(store, series, days))
    result.set(date, stationMean(none, series, row));
  return result;
}

/** The mean of each pollutant over the day's stations, and the hourly series' values at `at` (-1: none) last. */
function stationMean(
  stations: ReadonlyMap<string, StationDay>,
  series: AreaDailySeries | undefined,
  at: number,
): DailyValues {
  const values: DailyValues = {};
  for (let i = 0; i < D; i++) {
    const p = POLLUTANTS[i]!;
    let sum = 0;
    let count = 0;
    for (const { values: v } of stations.values()) {
      const x = v[p];
      if (x !== undefined) {
        sum += x;
        count++;
      }
    }
    if (at >= 0 && series) {
      const x = series.values[at + i]!;
      if (x === x) {
        sum += x;
        count++;
      }
    }
    if (count > 0) values[p] = sum / count;
  }
  return values;
}

export function stationsOf(store: AirStore, area: string): string[] {
  const names = new Set<string>();
  for (const stations of store.areas.get(area)?.values() ?? []) for (const s of stations.keys()) names.add(s);
  if (store.hourly.get(area)?.hasDay.includes(1)) names.add(HOURLY_SERIES);
  return [...names].sort();
}

/** The latest date any area has values for, or undefined for an empty store. */
export function lastDay(store: AirStore): string | undefined {
  let last: string | undefined;
  for (const days of store.areas.values())
    for (const date of days.keys()) if (last === undefined || date > last) last = date;
  for (const series of store.hourly.values()) {
    const day = series.hasDay.lastIndexOf(1);
    const date = store.hourlyDates[day];
    if (day >= 0 && date !== undefined && (last === undefined || date > last)) last = date;
  }
  return last;
}
