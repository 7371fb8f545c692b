// Hourly air values: the area's hourly series (the mean over its stations each hour, as CNEMC publishes
// city values) and per-station counts for the data-capture report. Memory holds per-day state only:
// 24 slots per area-day and a few counters per station-day, never the rows.
import { addStationDay, type AirStore } from "./air-store.js";
import { dailyMean, o3DailyMax1h, o3DailyMax8h, DAILY_MIN_HOURS } from "../methods/hourly.js";
import type { DailyValues } from "../methods/air.js";
import { daysInMonth } from "./values.js";
import type { HourConvention } from "./time.js";
import { slotLabel } from "./time.js";

export const HOURLY_POLLUTANTS = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3"] as const;
export type HourlyPollutant = (typeof HOURLY_POLLUTANTS)[number];
const P = HOURLY_POLLUTANTS.length;

interface AreaDay {
  sum: Float64Array; // [slot * P + pollutant]
  count: Uint16Array;
}

interface StationDay {
  /** Bit per slot already read, to catch a station-hour given twice. */
  seen: number;
  validHours: Uint8Array; // per pollutant
}

export interface HourlyStore {
  areaDays: Map<string, Map<string, AreaDay>>;
  stations: Map<string, { area: string; days: Map<string, StationDay> }>;
}

export function createHourlyStore(): HourlyStore {
  return { areaDays: new Map(), stations: new Map() };
}

export type HourlyValues = Partial<Record<HourlyPollutant, number>>;

/** Adds one station-hour; false when that station-hour was already read. */
export function addStationHour(
  store: HourlyStore,
  area: string,
  station: string,
  date: string,
  slot: number,
  values: HourlyValues,
): boolean {
  let st = store.stations.get(station);
  if (!st) store.stations.set(station, (st = { area, days: new Map() }));
  let sd = st.days.get(date);
  if (!sd) st.days.set(date, (sd = { seen: 0, validHours: new Uint8Array(P) }));
  const bit = 1 << slot;
  if (sd.seen & bit) return false;
  sd.seen |= bit;

  let days = store.areaDays.get(area);
  if (!days) store.areaDays.set(area, (days = new Map()));
  let ad = days.get(date);
  if (!ad) days.set(date, (ad = { sum: new Float64Array(24 * P), count: new Uint16Array(24 * P) }));
  HOURLY_POLLUTANTS.forEach((p, i) => {
    const v = values[p];
    if (v === undefined) return;
    const k = slot * P + i;
    sd.validHours[i] = (sd.validHours[i] ?? 0) + 1;
    ad.sum[k] = (ad.sum[k] ?? 0) + v;
    ad.count[k] = (ad.count[k] ?? 0) + 1;
  });
  return true;
}

function areaHours(day: AreaDay, pollutantIndex: number): Float64Array {
  const hours = new Float64Array(24);
  for (let slot = 0; slot < 24; slot++) {
    const n = day.count[slot * P + pollutantIndex] ?? 0;
    hours[slot] = n === 0 ? NaN : (day.sum[slot * P + pollutantIndex] ?? 0) / n;
  }
  return hours;
}

/** The station key under which an area's hourly-derived daily values enter the daily store. */
export const HOURLY_SERIES = "(hourly series)";

/**
 * Daily values of each area-day from its hourly series, by GB 3095-2012 Table 4 and HJ 663-2013:
 * 24-hour means with >= 20 hours, O3 daily max 8 h with >= 14 windows, O3 daily max 1 h.
 */
export function finishHourly(store: HourlyStore, air: AirStore): void {
  for (const [area, days] of store.areaDays) {
    for (const [date, day] of days) {
      const values: DailyValues = {};
      HOURLY_POLLUTANTS.forEach((p, i) => {
        const hours = areaHours(day, i);
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
    }
  }
}

/** The area's hourly means in time order, labelled as the export labels them. */
export function* areaHourlySeries(
  store: HourlyStore,
  area: string,
  convention: HourConvention,
): Generator<{ date: string; hour: number; values: HourlyValues }> {
  const days = [...(store.areaDays.get(area) ?? new Map<string, AreaDay>())].sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  for (const [date, day] of days) {
    for (let slot = 0; slot < 24; slot++) {
      const values: HourlyValues = {};
      HOURLY_POLLUTANTS.forEach((p, i) => {
        const n = day.count[slot * P + i] ?? 0;
        if (n > 0) values[p] = (day.sum[slot * P + i] ?? 0) / n;
      });
      if (Object.keys(values).length > 0) yield { ...slotLabel(date, slot, convention), values };
    }
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
export function stationCapture(store: HourlyStore, year: number): StationCapture[] {
  const result: StationCapture[] = [];
  for (const [station, { area, days }] of [...store.stations].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (let month = 1; month <= 12; month++) {
      const prefix = `${year}-${String(month).padStart(2, "0")}`;
      const zero = () =>
        Object.fromEntries(HOURLY_POLLUTANTS.map((p) => [p, 0])) as Record<HourlyPollutant, number>;
      const validHours = zero();
      const validDays = zero();
      for (const [date, sd] of days) {
        if (!date.startsWith(prefix)) continue;
        HOURLY_POLLUTANTS.forEach((p, i) => {
          const n = sd.validHours[i] ?? 0;
          validHours[p] += n;
          if (n >= DAILY_MIN_HOURS) validDays[p]++;
        });
      }
      const nDays = daysInMonth(year, month);
      result.push({ station, area, month: prefix, hours: nDays * 24, days: nDays, validHours, validDays });
    }
  }
  return result;
}
