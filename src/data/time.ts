// Hour labels of hourly exports and the natural day they belong to.
import { parseDate } from "./values.js";

/**
 * How an hour label maps to a period. "ending" (CNEMC, the default for hourly formats): the value labelled
 * h is the mean over (h-1):00-h:00, so the natural day D is labels 01..23 of D plus 00 of D+1 (also
 * written 24:00 of D). "beginning": the value labelled h covers h:00-(h+1):00.
 */
export const HOUR_CONVENTIONS = ["ending", "beginning"] as const;
export type HourConvention = (typeof HOUR_CONVENTIONS)[number];

export interface HourLabel {
  date: string;
  /** 0..24; 24 only as "24:00" of the date. */
  hour: number;
}

const DATE_TIME = /^(\S+?)[T\s]+(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * `2019-01-01 13:00`, `2019/1/1 13:00:00`, `2019-01-01T13:00+08:00`, `2019年1月1日 13时`, `2019-01-01 24:00`.
 * Times are China Standard Time; an explicit offset other than +08:00 is refused rather than guessed.
 */
export function parseDateTime(raw: string): HourLabel | null {
  const text = raw.trim().replace(/日\s*/, "日 ").replace(/时$/, ":00");
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const date = parseDate(m[1] ?? "");
  const hour = Number(m[2]);
  const zone = m[5];
  if (!date || Number(m[3] ?? 0) !== 0 || Number(m[4] ?? 0) !== 0) return null;
  if (zone !== undefined && zone.replace(":", "") !== "+0800") return null;
  return hour >= 0 && hour <= 24 ? { date, hour } : null;
}

/** Whether a cell holds a date with a time of day (the sign of an hourly export). */
export function hasTimeOfDay(raw: string): boolean {
  return parseDateTime(raw) !== null;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The natural day and its hour slot (0 = 00:00-01:00 ... 23 = 23:00-24:00), or null for an impossible label. */
export function naturalHour(
  label: HourLabel,
  convention: HourConvention,
): { date: string; slot: number } | null {
  if (convention === "beginning") return label.hour <= 23 ? { date: label.date, slot: label.hour } : null;
  if (label.hour === 0) return { date: addDays(label.date, -1), slot: 23 };
  return { date: label.date, slot: label.hour - 1 };
}

/** The label of a slot, as the export would write it (hour-ending: slot 23 of D is 00:00 of D+1). */
export function slotLabel(date: string, slot: number, convention: HourConvention): HourLabel {
  if (convention === "beginning") return { date, hour: slot };
  return slot === 23 ? { date: addDays(date, 1), hour: 0 } : { date, hour: slot + 1 };
}
