// Hourly air values: each area's hourly series (the mean over its stations each hour, as CNEMC publishes
// city values) and per-station counts for the data-capture report. Memory is per station-day of the plan
// year and, for the area series, per area-hour held: never the rows.
//
// Days finished as they are read: when the rows come in time order (hourly exports are written so), an
// area's day is reduced to its daily values once the rows have moved OPEN_DAYS days past it, and its hours
// are reused for the next day; memory then grows with areas x days, not areas x hours. A row more than
// OPEN_DAYS - 1 days before the latest day of one of its areas is out of time order: the store counts it
// (both ways, so that reports are the same) and, when it streams, asks to be read again holding every
// hour (`mustReread`), since the hours of a finished day are gone. Daily values are the same numbers
// either way: each day's hours are summed in the same row order and reduced by the same functions.
import { addHourlySeries, type AirStore } from "./air-store.js";
import { dailyMean, o3DailyMax1h, o3DailyMax8h, DAILY_MIN_HOURS } from "../methods/hourly.js";
import { POLLUTANTS } from "../methods/air.js";
import { daysInMonth, isLeapYear } from "./values.js";
import type { HourConvention } from "./time.js";
import { slotLabel } from "./time.js";
import { arenaArray, createArena, type HourlyArena } from "./hourly-arena.js";

export const HOURLY_POLLUTANTS = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3"] as const;
export type HourlyPollutant = (typeof HOURLY_POLLUTANTS)[number];
export const P = HOURLY_POLLUTANTS.length;

/** Days an area keeps open while streaming: the latest one and the day before it. */
export const OPEN_DAYS = 2;

/** Daily values per area-day, in POLLUTANTS order: the five 24-hour means in HOURLY_POLLUTANTS' order, then O3. */
const D = POLLUTANTS.length;
const O3_8H = POLLUTANTS.indexOf("O3_8h");
const O3_1H = POLLUTANTS.indexOf("O3_1h");

/** One area's hourly sums and station counts of the days it holds, at [(position * 24 + slot) * P + pollutant]. */
export interface AreaSeries {
  sum: Float64Array;
  count: Uint16Array;
  /** Holding every hour, a day's position is the day; streaming, it is day % OPEN_DAYS. */
  openDays: Int32Array | null;
  /** The latest day a row added to (one element: the fast reader's apply loop reads it where it is). */
  latest: Int32Array;
  /** Days with at least one value, so that a day without data is not reported as an empty day. */
  hasDay: Uint8Array;
  /**
   * Daily values of the days finished, at [(day - firstDaily) * D + i] (POLLUTANTS order), NaN for none: from
   * the first day finished to the year's end (a file of the next year holds one hour of this one).
   */
  daily: Float64Array | null;
  firstDaily: number;
  /** Scratch for one pollutant's 24 hourly means while a day is finished (none kept between days). */
  hours: Float64Array;
}

export interface StationRecord {
  /** The area the station is reported under (its registry area, or its first group). */
  area: string;
  /** Bit per slot already read, per day: catches a station-hour given twice. */
  seen: Uint32Array;
  /**
   * What a station-hour given again is compared with, so that an exact repeat (read once) is told from a
   * disagreeing one (HY-DUP). Streaming: the values of the days held, exactly, at
   * [(position * 24 + slot) * P + pollutant], position = day % OPEN_DAYS, `heldDays` naming each position's
   * day. Holding every hour (out-of-order input): a 64-bit fingerprint per station-hour, at [(day * 24 + slot) * 2],
   * since keeping every value would cost 48 bytes a station-hour.
   */
  held: Float64Array | null;
  heldDays: Int32Array | null;
  prints: Uint32Array | null;
  /** Hours with a value, at [day * P + pollutant]. */
  validHours: Uint8Array;
}

/** One plan year's hourly values (a run may create another for another year). */
export interface HourlyStore {
  year: number;
  /** The plan year's dates, YYYY-MM-DD, by day index. */
  dates: readonly string[];
  dayIndex: ReadonlyMap<string, number>;
  areas: Map<string, AreaSeries>;
  stations: Map<string, StationRecord>;
  /** Days are finished as the rows pass them (false: every hour is held until finishHourly). */
  streamDays: boolean;
  /** Rows that went back more than OPEN_DAYS - 1 days behind the latest day of one of their areas. */
  outOfOrder: number;
  /** Station-hours given again are compared with their first reading (see StationRecord.held). */
  compareRepeats: boolean;
  /** Streaming and a row came out of time order: what was read must be read again with streamDays false. */
  mustReread: boolean;
  /**
   * Streaming the plan year: where the arrays of its stations and areas are, so that the fast reader's apply
   * loop in WebAssembly adds to them (null: ordinary arrays).
   */
  arena: HourlyArena | null;
}

export function yearDates(year: number): string[] {
  const dates: string[] = [];
  for (let month = 1; month <= 12; month++)
    for (let day = 1; day <= daysInMonth(year, month); day++)
      dates.push(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  return dates;
}

/**
 * `streamDays`: finish days as the rows pass them; HY_STREAM_DAYS=0 in the environment turns it off (every
 * hour held to the end: the path out-of-order input takes, forced, for comparison).
 */
export function createHourlyStore(
  year: number,
  {
    streamDays = false,
    /** Keep what tells an exact repeat from a disagreeing one (false: another year's store, whose repeats are ignored). */
    compareRepeats = true,
  } = {},
): HourlyStore {
  const dates = yearDates(year);
  const stream = streamDays && process.env.HY_STREAM_DAYS !== "0";
  return {
    year,
    dates,
    dayIndex: new Map(dates.map((d, i) => [d, i])),
    areas: new Map(),
    stations: new Map(),
    streamDays: stream,
    compareRepeats,
    outOfOrder: 0,
    mustReread: false,
    arena: stream && compareRepeats ? createArena() : null,
  };
}

const daysOf = (store: HourlyStore) => (isLeapYear(store.year) ? 366 : 365);

export function areaSeries(store: HourlyStore, key: string): AreaSeries {
  let series = store.areas.get(key);
  if (!series) {
    const days = daysOf(store);
    const held = store.streamDays ? OPEN_DAYS : days;
    const { arena } = store;
    series = {
      sum: arenaArray(arena, Float64Array, held * 24 * P),
      count: arenaArray(arena, Uint16Array, held * 24 * P),
      openDays: store.streamDays ? arenaArray(arena, Int32Array, OPEN_DAYS).fill(-1) : null,
      latest: arenaArray(arena, Int32Array, 1).fill(-1),
      hasDay: arenaArray(arena, Uint8Array, days),
      daily: null,
      firstDaily: days,
      hours: new Float64Array(24),
    };
    store.areas.set(key, series);
  }
  return series;
}

export function stationRecord(store: HourlyStore, station: string, area: string): StationRecord {
  let record = store.stations.get(station);
  if (!record) {
    const days = daysOf(store);
    const compare = store.compareRepeats;
    const { arena } = store;
    record = {
      area,
      seen: arenaArray(arena, Uint32Array, days),
      held: compare && store.streamDays ? arenaArray(arena, Float64Array, OPEN_DAYS * 24 * P) : null,
      heldDays: compare && store.streamDays ? arenaArray(arena, Int32Array, OPEN_DAYS).fill(-1) : null,
      prints: compare && !store.streamDays ? new Uint32Array(days * 24 * 2) : null,
      validHours: arenaArray(arena, Uint8Array, days * P),
    };
    store.stations.set(station, record);
  }
  return record;
}

/**
 * Daily values of one area-day from its hours at `position`, by GB 3095-2012 Table 4 and HJ 663-2013:
 * 24-hour means with >= 20 hours, O3 daily max 8 h with >= 14 windows, O3 daily max 1 h.
 */
function finishDay(series: AreaSeries, days: number, day: number, position: number): void {
  if (day < series.firstDaily) {
    // Days finish in time order but for the last two: an earlier day widens the array (rarely, once).
    const wider = new Float64Array((days - day) * D).fill(NaN);
    if (series.daily) wider.set(series.daily, (series.firstDaily - day) * D);
    series.daily = wider;
    series.firstDaily = day;
  }
  const daily = series.daily!;
  const row = (day - series.firstDaily) * D;
  const hours = series.hours;
  const { sum, count } = series;
  for (let i = 0; i < P; i++) {
    for (let slot = 0, k = position * 24 * P + i; slot < 24; slot++, k += P) {
      const n = count[k]!;
      hours[slot] = n === 0 ? NaN : sum[k]! / n;
    }
    if (HOURLY_POLLUTANTS[i] === "O3") {
      const max8 = o3DailyMax8h(hours);
      if (max8.valid && max8.value !== null) daily[row + O3_8H] = max8.value;
      const max1 = o3DailyMax1h(hours);
      if (max1.valid && max1.value !== null) daily[row + O3_1H] = max1.value;
    } else {
      const mean = dailyMean(hours);
      if (mean.valid && mean.value !== null) daily[row + i] = mean.value;
    }
  }
}

/**
 * The position of `day` in the area's held hours, opening it (and finishing the day it replaces) when
 * streaming; -1 when the row must not be added (out of order while streaming: the store is read again).
 */
function openDay(store: HourlyStore, series: AreaSeries, day: number): number {
  const latest = series.latest[0]!;
  if (day > latest) series.latest[0] = day;
  else if (day < latest - (OPEN_DAYS - 1)) {
    store.outOfOrder++;
    if (store.streamDays) {
      store.mustReread = true;
      return -1;
    }
  }
  const open = series.openDays;
  if (open === null) return day;
  const position = day % OPEN_DAYS;
  const held = open[position]!;
  if (held !== day) {
    // In time order the day held here is an earlier one (day - OPEN_DAYS or before): finished, its hours reused.
    if (held >= 0) {
      finishDay(series, series.hasDay.length, held, position);
      series.sum.fill(0, position * 24 * P, (position + 1) * 24 * P);
      series.count.fill(0, position * 24 * P, (position + 1) * 24 * P);
    }
    open[position] = day;
  }
  return position;
}

/** Values of one station-hour in HOURLY_POLLUTANTS order, NaN where missing. */
export type HourlyVector = Float64Array;

/**
 * Adds one station-hour of the plan year to its station and to every area it belongs to; false when that
 * station-hour was already read. The one place both the plain and the fast reader add an hour.
 */
export function addHourVector(
  store: HourlyStore,
  station: StationRecord,
  areas: readonly AreaSeries[],
  day: number,
  slot: number,
  /** The values at values[at .. at + P), in HOURLY_POLLUTANTS order, NaN where missing. */
  values: ArrayLike<number>,
  at = 0,
): boolean {
  const bit = 1 << slot;
  const seen = station.seen[day]!;
  if (seen & bit) return false;
  station.seen[day] = seen | bit;
  keepForRepeats(station, day, slot, values, at);
  const valid = station.validHours;
  for (let i = 0; i < P; i++) if (values[at + i] === values[at + i]) valid[day * P + i]!++;
  const n = areas.length;
  for (let a = 0; a < n; a++) {
    const series = areas[a]!;
    const position = openDay(store, series, day);
    if (position < 0) continue;
    series.hasDay[day] = 1;
    const base = (position * 24 + slot) * P;
    const { sum, count } = series;
    for (let i = 0; i < P; i++) {
      const v = values[at + i]!;
      if (v !== v) continue;
      sum[base + i]! += v;
      count[base + i]!++;
    }
  }
  return true;
}

function keepForRepeats(
  station: StationRecord,
  day: number,
  slot: number,
  values: ArrayLike<number>,
  at: number,
): void {
  const { held, heldDays, prints } = station;
  if (prints !== null) {
    fingerprint(values, at, prints, (day * 24 + slot) * 2);
    return;
  }
  if (held === null || heldDays === null) return;
  const position = day % OPEN_DAYS;
  // A later day takes the position over; an earlier one is out of order, and the run is read again anyway.
  if (heldDays[position]! < day) heldDays[position] = day;
  else if (heldDays[position] !== day) return;
  const k = (position * 24 + slot) * P;
  for (let i = 0; i < P; i++) held[k + i] = values[at + i]!;
}

// Scratch for reading a double's two 32-bit words: written and read within one fingerprint() call, it holds
// nothing between calls (a fresh buffer per row would cost an allocation a row).
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * Two independent 32-bit hashes of the P values' bit patterns (missing and -0 normalised), written at
 * into[k], into[k + 1]: 64 bits, so two different sets of values share a fingerprint with odds of 2^-64.
 */
function fingerprint(values: ArrayLike<number>, at: number, into: Uint32Array, k: number): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < P; i++) {
    const v = values[at + i]!;
    bits[0] = v !== v ? NaN : v + 0;
    for (let w = 0; w < 2; w++) {
      const word = words[w]!;
      h1 = Math.imul(h1 ^ word, 0x01000193);
      h2 = Math.imul(h2 ^ ((word >>> 16) | (word << 16)), 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  into[k] = h1 >>> 0;
  into[k + 1] = h2 >>> 0;
}

/** Equal values, missing equal to missing (and 0 to -0). */
const sameValue = (a: number, b: number) => a === b || (a !== a && b !== b);

/**
 * A station-hour given again, against its first reading: `same` values (an exact repeat, read once),
 * `different` ones (HY-DUP), or `unknown` when the first reading's day is no longer held (streaming only:
 * the run is then read again holding every hour, where it is known).
 */
export type Repeat = "same" | "different" | "unknown";

export function repeatOf(
  store: HourlyStore,
  station: StationRecord,
  day: number,
  slot: number,
  values: ArrayLike<number>,
): Repeat {
  if (!store.compareRepeats) return "different";
  const { held, heldDays, prints } = station;
  if (prints !== null) {
    const probe = new Uint32Array(2);
    fingerprint(values, 0, probe, 0);
    const k = (day * 24 + slot) * 2;
    return probe[0] === prints[k] && probe[1] === prints[k + 1] ? "same" : "different";
  }
  if (held === null || heldDays === null || heldDays[day % OPEN_DAYS] !== day) {
    store.mustReread = true;
    return "unknown";
  }
  const k = ((day % OPEN_DAYS) * 24 + slot) * P;
  for (let i = 0; i < P; i++) if (!sameValue(held[k + i]!, values[i]!)) return "different";
  return "same";
}

export type HourlyValues = Partial<Record<HourlyPollutant, number>>;

export function hourVector(values: HourlyValues, into: HourlyVector = new Float64Array(P)): HourlyVector {
  HOURLY_POLLUTANTS.forEach((p, i) => (into[i] = values[p] ?? NaN));
  return into;
}

/**
 * Adds one station-hour by names: `added`, or, when that station-hour was already read, how it compares with
 * the first reading (a row placed under other areas than the first is `different`).
 */
export function addStationHour(
  store: HourlyStore,
  areas: readonly string[],
  station: string,
  date: string,
  slot: number,
  values: HourlyValues,
): "added" | Repeat {
  const day = store.dayIndex.get(date);
  if (day === undefined) throw new Error(`${date} is outside the hourly store's year ${store.year}`);
  const record = stationRecord(store, station, areas[0] ?? "");
  const vector = hourVector(values);
  if (
    addHourVector(
      store,
      record,
      areas.map((a) => areaSeries(store, a)),
      day,
      slot,
      vector,
    )
  )
    return "added";
  if (record.area !== (areas[0] ?? "")) return "different";
  return repeatOf(store, record, day, slot, vector);
}

export { HOURLY_SERIES } from "./air-store.js";

/**
 * Adds the daily values of every area-day (the days still open, or every day when every hour was held, are
 * finished now) to the daily store as each area's hourly series, in the order the areas were first read.
 */
export function finishHourly(store: HourlyStore, air: AirStore, { release = false } = {}): void {
  const days = daysOf(store);
  for (const [area, series] of store.areas) {
    // Released, the area's hourly sums can be collected once its days are derived.
    if (release) store.areas.delete(area);
    const open = series.openDays;
    if (open === null) {
      for (let day = 0; day < days; day++) if (series.hasDay[day]) finishDay(series, days, day, day);
    } else
      for (let position = 0; position < OPEN_DAYS; position++) {
        const day = open[position]!;
        if (day >= 0) finishDay(series, days, day, position);
      }
    const daily = series.daily;
    if (daily === null) continue;
    const finished = { values: daily, firstDay: series.firstDaily, hasDay: series.hasDay };
    addHourlySeries(air, area, finished, store.dates, store.dayIndex);
  }
}

/** The area's hourly means in time order, labelled as the export labels them. */
export function* areaHourlySeries(
  store: HourlyStore,
  area: string,
  convention: HourConvention,
): Generator<{ date: string; hour: number; values: HourlyValues }> {
  if (store.streamDays) throw new Error("an area's hourly series is kept only when days are not streamed");
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
      const validHours = {} as Record<HourlyPollutant, number>;
      const validDays = {} as Record<HourlyPollutant, number>;
      const nDays = daysInMonth(year, month);
      for (let i = 0; i < P; i++) {
        let hours = 0;
        let days = 0;
        for (let d = day; d < day + nDays; d++) {
          const n = record.validHours[d * P + i]!;
          hours += n;
          if (n >= DAILY_MIN_HOURS) days++;
        }
        validHours[HOURLY_POLLUTANTS[i]!] = hours;
        validDays[HOURLY_POLLUTANTS[i]!] = days;
      }
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

/**
 * The last complete day of the hourly data: the last day read, when a station gave it the hours of a valid day
 * (HJ 663-2013: 20 of 24), else the day before it (a drop cut during the day); undefined without any hour.
 */
export function lastCompleteDay(store: HourlyStore): string | undefined {
  let last = -1;
  for (const { seen } of store.stations.values())
    for (let day = seen.length - 1; day > last; day--)
      if (seen[day] !== 0) {
        last = day;
        break;
      }
  if (last < 0) return undefined;
  const hours = (bits: number) => {
    let n = 0;
    for (let b = bits; b !== 0; b &= b - 1) n++;
    return n;
  };
  const complete = [...store.stations.values()].some(({ seen }) => hours(seen[last] ?? 0) >= DAILY_MIN_HOURS);
  const day = complete ? last : last - 1;
  return day < 0 ? undefined : store.dates[day];
}
