// Daily air values per area, station and day: the per-day aggregate every air reader fills and every
// air metric reads. Memory grows with stations x days, never with rows.
import { POLLUTANTS, type DailyValues } from "../methods/air.js";

export interface StationDay {
  values: DailyValues;
  /** Where the value came from, so a duplicate can name the first occurrence. */
  file: string;
  line: number;
}

export interface AirStore {
  /** area id -> date (YYYY-MM-DD) -> station -> values. */
  areas: Map<string, Map<string, Map<string, StationDay>>>;
}

export function createAirStore(): AirStore {
  return { areas: new Map() };
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
  return undefined;
}

/** Area daily value of each pollutant = arithmetic mean over the stations that have it that day. */
export function areaDailyValues(store: AirStore, area: string): Map<string, DailyValues> {
  const result = new Map<string, DailyValues>();
  const days = store.areas.get(area);
  if (!days) return result;
  for (const [date, stations] of days) {
    const values: DailyValues = {};
    for (const p of POLLUTANTS) {
      let sum = 0;
      let count = 0;
      for (const { values: v } of stations.values()) {
        const x = v[p];
        if (x !== undefined) {
          sum += x;
          count++;
        }
      }
      if (count > 0) values[p] = sum / count;
    }
    result.set(date, values);
  }
  return result;
}

export function stationsOf(store: AirStore, area: string): string[] {
  const names = new Set<string>();
  for (const stations of store.areas.get(area)?.values() ?? []) for (const s of stations.keys()) names.add(s);
  return [...names].sort();
}

/** The latest date any area has values for, or undefined for an empty store. */
export function lastDay(store: AirStore): string | undefined {
  let last: string | undefined;
  for (const days of store.areas.values())
    for (const date of days.keys()) if (last === undefined || date > last) last = date;
  return last;
}
