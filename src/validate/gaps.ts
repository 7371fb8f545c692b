// Gaps and dates outside the declared period, found in the stores after every input is read: per
// station, the days (daily data) or hours (hourly data) without a row between its first and last one.
import type { AirStore } from "../data/air-store.js";
import { stationDays, type HourlyStore } from "../data/hourly-store.js";
import { slotLabel, type HourConvention } from "../data/time.js";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A run of missing (or outside) days or hours, as the export would label its first and last. */
export interface Run {
  /** `2019-01-03` or `2019-01-03 05:00`. */
  from: string;
  to: string;
  /** Days or hours in the run. */
  count: number;
  /** The input holding the station's last row before the run (where to look). */
  file: string;
}

export interface StationRuns {
  station: string;
  area: string;
  unit: "day" | "hour";
  runs: Run[];
}

/** `2019-01-03` or `2019-01-03..2019-01-05`; hours `2019-01-02 05:00..07:00` within a day. */
export function runText(run: Pick<Run, "from" | "to">): string {
  if (run.from === run.to) return run.from;
  const [fromDate, fromTime] = run.from.split(" ");
  const [toDate, toTime] = run.to.split(" ");
  if (fromTime !== undefined && toTime !== undefined && fromDate === toDate) return `${run.from}..${toTime}`;
  return `${run.from}..${run.to}`;
}

/** Per station of the daily store (stations of hourly data excepted), the days without a row between its first and last. */
export function dailyGaps(air: AirStore): StationRuns[] {
  const result: StationRuns[] = [];
  for (const [area, days] of air.areas) {
    const byStation = new Map<string, { day: number; file: string }[]>();
    for (const [date, stations] of days)
      for (const [station, entry] of stations) {
        let list = byStation.get(station);
        if (!list) byStation.set(station, (list = []));
        list.push({ day: dayNumber(date), file: entry.file });
      }
    for (const [station, list] of byStation) {
      list.sort((a, b) => a.day - b.day);
      const runs: Run[] = [];
      for (let i = 0; i + 1 < list.length; i++) {
        const here = list[i];
        const next = list[i + 1];
        if (!here || !next || next.day === here.day + 1) continue;
        runs.push({
          from: dateOfDay(here.day + 1),
          to: dateOfDay(next.day - 1),
          count: next.day - here.day - 1,
          file: here.file,
        });
      }
      if (runs.length > 0) result.push({ station, area, unit: "day", runs });
    }
  }
  return result;
}

function hourLabel(hour: number, convention: HourConvention): string {
  const label = slotLabel(dateOfDay(Math.floor(hour / 24)), hour % 24, convention);
  return `${label.date} ${String(label.hour).padStart(2, "0")}:00`;
}

/**
 * Per station of the hourly store, the hours without a row between its first and last, labelled as the
 * export labels hours. `fileOf` names the input holding a natural day.
 */
export function hourlyGaps(
  hourly: HourlyStore,
  convention: HourConvention,
  fileOf: (date: string) => string,
): StationRuns[] {
  const result: StationRuns[] = [];
  for (const [station, record] of hourly.stations) {
    const area = record.area;
    const sorted = [...stationDays(hourly, record)].map(({ date, seen }) => ({
      date,
      day: dayNumber(date),
      seen,
    }));
    const runs: Run[] = [];
    let previous: { hour: number; date: string } | undefined;
    for (const { date, day, seen } of sorted)
      for (let slot = 0; slot < 24; slot++) {
        if ((seen & (1 << slot)) === 0) continue;
        const hour = day * 24 + slot;
        if (previous && hour > previous.hour + 1)
          runs.push({
            from: hourLabel(previous.hour + 1, convention),
            to: hourLabel(hour - 1, convention),
            count: hour - previous.hour - 1,
            file: fileOf(previous.date),
          });
        previous = { hour, date };
      }
    if (runs.length > 0) result.push({ station, area, unit: "hour", runs });
  }
  return result;
}

/** A row of the daily store dated outside the period, with where it was read. */
export interface OutsideRow {
  station: string;
  area: string;
  date: string;
  file: string;
  line: number;
}

/** Rows of the daily store (hourly data excepted) dated before `from` or after `to`. */
export function dailyOutside(air: AirStore, from: string, to: string): OutsideRow[] {
  const rows: OutsideRow[] = [];
  for (const [area, days] of air.areas)
    for (const [date, stations] of days) {
      if (date >= from && date <= to) continue;
      for (const [station, entry] of stations)
        rows.push({ station, area, date, file: entry.file, line: entry.line });
    }
  return rows;
}

/** Per station of the hourly store, the runs of natural days before `from` or after `to` (count: hours read). */
export function hourlyOutside(
  hourly: HourlyStore,
  from: string,
  to: string,
  fileOf: (date: string) => string,
): StationRuns[] {
  const result: StationRuns[] = [];
  for (const [station, record] of hourly.stations) {
    const area = record.area;
    const outside = [...stationDays(hourly, record)]
      .filter(({ date }) => date < from || date > to)
      .map(({ date, seen }) => ({ date, day: dayNumber(date), hours: popCount(seen) }))
      .sort((a, b) => a.day - b.day);
    const runs: Run[] = [];
    for (const o of outside) {
      const last = runs[runs.length - 1];
      if (last && dayNumber(last.to) === o.day - 1) {
        last.to = o.date;
        last.count += o.hours;
      } else runs.push({ from: o.date, to: o.date, count: o.hours, file: fileOf(o.date) });
    }
    if (runs.length > 0) result.push({ station, area, unit: "hour", runs });
  }
  return result;
}

function popCount(bits: number): number {
  let n = 0;
  for (let b = bits >>> 0; b !== 0; b &= b - 1) n++;
  return n;
}
